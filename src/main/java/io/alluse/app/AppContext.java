package io.alluse.app;

import io.alluse.engine.AccountService;
import io.alluse.engine.BackupService;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.store.AccountRepository;
import io.alluse.store.Backups;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import java.time.InstantSource;

/**
 * The wired application: one data folder, locked for this process, its database and the
 * services built on it. Closing it closes the database and releases the folder.
 */
public final class AppContext implements AutoCloseable {

    private final AppPaths paths;
    private final InstanceLock lock;
    private final Database database;
    private final AccountService accounts;
    private final LedgerStore ledgers;
    private final BackupService backups;

    private AppContext(AppPaths paths, InstanceLock lock, Database database, InstantSource clock) {
        this.paths = paths;
        this.lock = lock;
        this.database = database;
        SimulatedMarket market = PaperMarket.startingNow();
        this.accounts = new AccountService(new AccountRepository(database), market, clock, PaperMarket.referencePrices(market), TEMPORARY_UNTIL_PAPER_MERGE);
        this.ledgers = new LedgerStore(database);
        this.backups = new BackupService(database, new Backups(paths.dataDir(), Backups.DEFAULT_KEEP), clock);
    }

    // TEMPORARY on the engine branch only: replaced by the paper brokerage when it merges.
    private static final io.alluse.engine.Brokerages TEMPORARY_UNTIL_PAPER_MERGE = null;

    /** Locks the folder (failing clearly if another instance has it) and opens the database. */
    public static AppContext open(AppPaths paths, InstantSource clock) {
        InstanceLock lock = InstanceLock.acquire(paths.dataDir());
        try {
            return new AppContext(paths, lock, Database.open(paths.dataDir()), clock);
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

    public LedgerStore ledgers() {
        return ledgers;
    }

    public BackupService backups() {
        return backups;
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            lock.close();
        }
    }
}
