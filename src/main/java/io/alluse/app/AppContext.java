package io.alluse.app;

import io.alluse.engine.Forking;
import io.alluse.store.ForkStore;

import io.alluse.broker.paper.PaperBrokerage;
import io.alluse.engine.AccountService;
import io.alluse.engine.BackupService;
import io.alluse.engine.CycleSchedule;
import io.alluse.engine.Engine;
import io.alluse.engine.EngineSettings;
import io.alluse.engine.PaperBrokerages;
import io.alluse.engine.AllBrokerages;
import io.alluse.engine.AlpacaBrokerages;
import io.alluse.broker.alpaca.AlpacaMode;
import io.alluse.secrets.CredentialStore;
import io.alluse.secrets.CredentialStores;
import io.alluse.engine.TimeControl;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.store.AccountRepository;
import io.alluse.store.Backups;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import io.alluse.store.SettingsRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The wired application: one data folder, locked for this process, its database, the paper
 * market and brokerage, the engine, and the services built on them. Closing it stops the engine,
 * closes the database and releases the folder.
 */
public final class AppContext implements AutoCloseable {

    /** How a run of the app starts its paper market (the command line can choose; the UI takes the defaults). */
    public record PaperOptions(Optional<Long> seed, Optional<Instant> firstStart, double speed) {
        public static final PaperOptions DEFAULT = new PaperOptions(Optional.empty(), Optional.empty(), 1.0);
    }

    private final AppPaths paths;
    private final InstanceLock lock;
    private final Database database;
    private final SettingsRepository settings;
    private final SimulatedMarket market;
    private final PaperBrokerages brokerages;
    private final AccountService accounts;
    private final LedgerStore ledgers;
    private final BackupService backups;
    private final TimeControl.Simulated time;
    private final Engine engine;
    private final io.alluse.analytics.PortfolioAnalytics analytics;
    private final ForkStore forks;
    private final CredentialStore credentials;

    private AppContext(AppPaths paths, InstanceLock lock, Database database, PaperOptions paper, EngineSettings engineSettings) {
        this.paths = paths;
        this.lock = lock;
        this.database = database;
        this.settings = new SettingsRepository(database);
        PaperMarket.Setup setup = PaperMarket.open(settings, Instant.now(), paper.seed(), paper.firstStart());
        this.market = setup.market();
        SimulatedClock clock = setup.clock();
        this.time = TimeControl.simulated(clock, paper.speed());
        this.brokerages = new PaperBrokerages(new PaperBrokerage(database.dataSource(), market));
        // Alpaca accounts read their keys from the OS keychain, or from the vault file (unlocked once per session) where
        // there is none or where the folder already has one (docs/decisions/0022), and price from Alpaca's market data (0021)
        AccountRepository accountRows = new AccountRepository(database);
        boolean keysStored = accountRows.findAll().stream().anyMatch(a -> a.broker().kind().needsCredentials());
        this.credentials = CredentialStores.forDataFolder(paths.dataDir(), paths.credentialVault(), keysStored);
        AllBrokerages all = new AllBrokerages(brokerages, new AlpacaBrokerages(credentials, market, AlpacaMode::tradingBase,
                io.alluse.broker.alpaca.AlpacaMarket.DATA_BASE));
        this.accounts = new AccountService(accountRows, market, clock::now, PaperMarket.referencePrices(market), all);
        this.ledgers = new LedgerStore(database);
        this.analytics = new io.alluse.analytics.PortfolioAnalytics(new AccountRepository(database), new io.alluse.store.SnapshotRepository(database), ledgers);
        this.backups = new BackupService(database, new Backups(paths.dataDir(), Backups.DEFAULT_KEEP), clock::now);
        this.engine = new Engine(accounts, ledgers, all, time, new CycleSchedule(market.calendar(), Duration.ofMinutes(15)), engineSettings);
        // paper time is saved before any work happens at it, so a restart never goes back behind it
        engine.onStep(t -> PaperMarket.saveClock(settings, t));
        // ALL-USE forking and merging (docs/decisions/0017), on before load() so half-done forks resume first
        this.forks = new ForkStore(database);
        engine.enableForking(new Forking(accounts, forks, ledgers, brokerages));
    }

    /** Lineage (forked from, forks, merged into) and each account's fork rules: for the tree and the account view. */
    public ForkStore forks() {
        return forks;
    }

    /** Locks the folder (failing clearly if another instance has it) and opens the database. */
    public static AppContext open(AppPaths paths, PaperOptions paper) {
        return open(paths, paper, EngineSettings.DEFAULT);
    }

    public static AppContext open(AppPaths paths, PaperOptions paper, EngineSettings engineSettings) {
        return open(paths, paper, engineSettings, InstanceLock.acquire(paths.dataDir()));
    }

    /**
     * Opens with a lock taken before (the window takes it at once, to refuse a second instance
     * clearly, and opens the database in the background). The context owns the lock from here; a
     * failure releases it.
     */
    static AppContext open(AppPaths paths, PaperOptions paper, EngineSettings engineSettings, InstanceLock lock) {
        try {
            Database database = Database.open(paths.dataDir());
            try {
                return new AppContext(paths, lock, database, paper, engineSettings);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public AppPaths paths() {
        return paths;
    }

    public AccountService accounts() {
        return accounts;
    }

    /** Where broker credentials are kept this session: the OS keychain or the vault file. */
    public CredentialStore credentials() {
        return credentials;
    }

    public LedgerStore ledgers() {
        return ledgers;
    }

    public BackupService backups() {
        return backups;
    }

    public Engine engine() {
        return engine;
    }

    public TimeControl.Simulated time() {
        return time;
    }

    public SimulatedMarket market() {
        return market;
    }

    public io.alluse.store.SnapshotRepository snapshots() {
        return new io.alluse.store.SnapshotRepository(database);
    }

    /** Metrics, trades and comparisons for any node of the portfolio; one per context, since it keeps what it has read. */
    public io.alluse.analytics.PortfolioAnalytics analytics() {
        return analytics;
    }

    /** Transactions and realized-gains CSV exports. */
    public io.alluse.analytics.Exports exports() {
        return new io.alluse.analytics.Exports(new AccountRepository(database), ledgers);
    }

    /** The notifications shown in the window, kept across restarts. */
    public io.alluse.store.NotificationLog notificationLog() {
        return new io.alluse.store.NotificationLog(database);
    }

    public PaperBrokerages brokerages() {
        return brokerages;
    }

    @Override
    public void close() {
        try {
            engine.close();
            PaperMarket.saveClock(settings, time.now());
        } finally {
            try {
                database.close();
            } finally {
                lock.close();
            }
        }
    }
}
