package io.alluse.ui.testing;

import io.alluse.domain.SymbolCatalog;
import io.alluse.engine.AccountService;
import io.alluse.engine.BackupService;
import io.alluse.store.AccountRepository;
import io.alluse.store.Backups;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import io.alluse.ui.WorkstationServices;
import java.nio.file.Path;
import io.alluse.broker.paper.PaperBrokerage;
import io.alluse.engine.CycleSchedule;
import io.alluse.engine.Engine;
import io.alluse.engine.EngineSettings;
import io.alluse.engine.PaperBrokerages;
import io.alluse.engine.TimeControl;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.store.SnapshotRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/** Real services over a real H2 database in a temp folder, for UI tests. */
public final class UiTestServices implements AutoCloseable {

    public final Database database;
    public final WorkstationServices services;
    public final SimulatedClock clock;
    public final SimulatedMarket market;
    public final PaperBrokerages paper;
    public final TimeControl.Simulated time;
    public final Engine engine;
    /** Per account, a wrapper around its paper broker (fault injection); put it before the account is created. */
    public final java.util.Map<io.alluse.domain.AccountId, java.util.function.UnaryOperator<io.alluse.broker.Broker>> brokerWrappers =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Every well-formed ticker is known (as in the app today). */
    public UiTestServices(Path dir) {
        this(dir, SymbolCatalog.ANY);
    }

    /** A market that knows only the default symbols and a few more: for testing unknown-symbol messages. */
    public static final SymbolCatalog PAPER_MARKET = SymbolCatalog.of("paper market", java.util.Set.of("TSLA", "NVDA", "AAPL", "AMZN", "MSFT", "SPY", "QQQ")
            .stream().map(io.alluse.domain.Symbol::new).collect(java.util.stream.Collectors.toSet()));

    public UiTestServices(Path dir, SymbolCatalog catalog) {
        this(dir, catalog, null);
    }

    /** Accounts treated as at a real broker: no paper desk, so their forks wait for a brokerage account (docs/decisions/0017). */
    public final java.util.Set<io.alluse.domain.AccountId> realBroker = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private io.alluse.engine.Forking forking;
    private final io.alluse.engine.Brokerages brokerages;

    /**
     * With Alpaca beside the paper broker ({@code alpaca} built over a loopback server and a test vault):
     * the wizard's and the link dialog's brokerage step can then connect to it.
     */
    public UiTestServices(Path dir, SymbolCatalog catalog, io.alluse.engine.AlpacaBrokerages alpaca) {
        database = Database.open(dir);
        clock = new SimulatedClock(START);
        market = SimulatedMarket.withDefaults(clock, 7);
        paper = new PaperBrokerages(new PaperBrokerage(database.dataSource(), market));
        time = TimeControl.simulated(clock, Double.POSITIVE_INFINITY);
        io.alluse.engine.AllBrokerages all = alpaca == null ? null : new io.alluse.engine.AllBrokerages(paper, alpaca);
        LedgerStore ledgers = new LedgerStore(database);
        io.alluse.engine.Brokerages wrapped = new io.alluse.engine.Brokerages() {
            @Override
            public io.alluse.domain.BrokerConnection connectionFor(io.alluse.domain.AccountId id) {
                return paper.connectionFor(id);
            }

            @Override
            public OpeningBalance open(io.alluse.domain.AccountId id, io.alluse.domain.BrokerConnection connection, io.alluse.domain.Money initial) {
                return paper.open(id, connection, initial);
            }

            @Override
            public io.alluse.broker.Broker connect(io.alluse.domain.Account account) {
                io.alluse.broker.Broker broker = all != null ? all.connect(account) : paper.connect(account);
                return brokerWrappers.getOrDefault(account.id(), b -> b).apply(broker);
            }

            @Override
            public java.util.Optional<io.alluse.broker.paper.PaperBroker> paperDesk(io.alluse.domain.Account account) {
                return realBroker.contains(account.id()) ? java.util.Optional.empty() : paper.paperDesk(account);
            }

            @Override
            public io.alluse.engine.ConnectionCheck check(io.alluse.domain.AccountId id, io.alluse.engine.BrokerSetup setup) {
                return all != null ? all.check(id, setup) : io.alluse.engine.Brokerages.super.check(id, setup);
            }

            @Override
            public Opened open(io.alluse.domain.AccountId id, io.alluse.engine.BrokerSetup setup, io.alluse.domain.Money initial) {
                return all != null ? all.open(id, setup, initial) : io.alluse.engine.Brokerages.super.open(id, setup, initial);
            }

            @Override
            public java.util.Optional<io.alluse.domain.Money> cashAt(io.alluse.engine.BrokerSetup setup) {
                return all != null ? all.cashAt(setup) : java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<io.alluse.secrets.SecretVault> vault() {
                return all != null ? all.vault() : java.util.Optional.empty();
            }
        };
        AccountService accounts = new AccountService(new AccountRepository(database), catalog, clock::now, UiTestServices::price, wrapped);
        brokerages = wrapped;
        engine = new Engine(accounts, ledgers, wrapped, time, new CycleSchedule(market.calendar(), Duration.ofMinutes(15)), EngineSettings.DEFAULT);
        services = new WorkstationServices("ALL-USE Workstation", "test", dir, dir.resolve("logs"), dir.resolve("ui.properties"),
                accounts, ledgers, new BackupService(database, new Backups(dir, 3), clock::now), engine, time, paper,
                new SnapshotRepository(database), market, new io.alluse.analytics.Exports(new AccountRepository(database), ledgers),
                new io.alluse.analytics.PortfolioAnalytics(new AccountRepository(database), new SnapshotRepository(database), ledgers),
                new io.alluse.store.NotificationLog(database));
    }

    /** Turns forking and merging on (before {@link #runEngineUntil}): the tree and account view then show lineage. */
    public io.alluse.engine.Forking enableForking() {
        if (forking == null) {
            forking = new io.alluse.engine.Forking(services.accounts(), new io.alluse.store.ForkStore(database), services.ledgers(), brokerages);
            engine.enableForking(forking);
        }
        return forking;
    }

    /**
     * Forks {@code amount} out of {@code parent} now, as the engine does after a cycle (the record,
     * the money at the paper broker, one booking in both ledgers), without waiting for Gen-Acc to grow:
     * lineage to show in UI tests. At a {@link #realBroker} parent the fork waits for its brokerage.
     */
    public io.alluse.domain.Account forkNow(io.alluse.domain.AccountId parent, io.alluse.domain.Money amount) {
        io.alluse.store.ForkStore store = enableForking().store();
        io.alluse.domain.Account p = services.accounts().get(parent);
        Instant now = clock.now();
        io.alluse.domain.fork.ForkRecord r = store.begin(io.alluse.domain.fork.ForkRecord.Kind.FORK, parent,
                epoch -> new io.alluse.domain.AccountId(parent.value() + "-f" + epoch), amount, now);
        java.util.List<io.alluse.domain.ExecutionWindow> taken = services.accounts().accounts().stream().map(a -> a.config().window()).toList();
        io.alluse.domain.NewAccount spec = new io.alluse.domain.NewAccount(r.child(), p.name() + " fork " + r.epoch(), amount,
                p.config().withTargets(io.alluse.domain.Percent.ofBasisPoints(5000), io.alluse.domain.Percent.ZERO, io.alluse.domain.Percent.ofBasisPoints(5000))
                        .withWindow(io.alluse.domain.ExecutionWindow.suggest(taken)));
        if (realBroker.contains(parent)) {
            String instructions = "Open a brokerage account for " + spec.name() + " (" + spec.id() + ") at Alpaca, transfer " + amount + " into it from "
                    + p.name() + "'s brokerage account, then link it. Until then " + amount + " stays reserved, un-traded, in " + p.name() + "'s Gen-Acc.";
            return store.completeWaiting(r, spec, new io.alluse.domain.BrokerConnection(io.alluse.domain.BrokerKind.ALPACA_PAPER,
                    "UNLINKED-" + spec.id().value().toUpperCase(java.util.Locale.ROOT)), instructions, now);
        }
        String withdrawal = paper.desk(p).withdraw(amount).id();
        io.alluse.domain.BrokerConnection connection = paper.connectionFor(r.child());
        String opening = paper.open(r.child(), connection, amount).activityId();
        return store.completeFork(r, withdrawal, spec, connection, opening, now);
    }

    /** Merges a forked account that holds only cash into its parent's Com-Acc now, as the engine does at the merge amount. */
    public void mergeNow(io.alluse.domain.AccountId child) {
        io.alluse.store.ForkStore store = enableForking().store();
        io.alluse.domain.AccountId parent = store.lineage(child).parent().orElseThrow();
        io.alluse.domain.Account c = services.accounts().get(child);
        io.alluse.domain.Account p = services.accounts().get(parent);
        java.util.Map<io.alluse.domain.SleeveKind, io.alluse.domain.Money> cash = services.ledgers().forAccount(child).state().cash();
        io.alluse.domain.Money total = cash.values().stream().reduce(io.alluse.domain.Money.ZERO, io.alluse.domain.Money::plus);
        io.alluse.domain.fork.ForkRecord r = store.begin(io.alluse.domain.fork.ForkRecord.Kind.MERGE, parent, epoch -> child, total, clock.now());
        String w = paper.desk(c).withdraw(total).id();
        String d = paper.desk(p).deposit(total).id();
        store.completeMerge(r, cash, w, d, clock.now());
    }

    /** A Monday morning before the open, well after today so the paper clock never runs behind the calendar. */
    public static final Instant START = LocalDateTime.parse("2031-03-03T08:00").atZone(ExchangeCalendar.NEW_YORK).toInstant();

    /** Runs the real engine (accounts' cycles, fills, snapshots) until {@code end}: UI tests then show real data. */
    public void runEngineUntil(Instant end) {
        try {
            engine.load();
            engine.runUntil(end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Account-1 and a second account of $750,000 in a fresh data folder, the engine run from
     * {@link #START} for {@code running}: the portfolio the drill-down and compare tests look at.
     */
    public static UiTestServices twoAccountsAfter(String folderPrefix, Duration running) throws java.io.IOException {
        UiTestServices fixture = new UiTestServices(java.nio.file.Files.createTempDirectory(folderPrefix).resolve("data"));
        fixture.services.accounts().ensureFirstAccount();
        fixture.services.accounts().create(fixture.services.accounts().newAccountDraft().withCapital("750000"));
        fixture.runEngineUntil(START.plus(running));
        return fixture;
    }

    /** The main window over these services, in a scene of the app's light theme, shown on {@code stage}. */
    public io.alluse.ui.shell.MainWindow showMainWindow(javafx.stage.Stage stage, io.alluse.ui.common.FxUiExecutor executor, double width, double height) {
        io.alluse.ui.shell.Themes.apply(false);
        io.alluse.ui.shell.MainWindow window = new io.alluse.ui.shell.MainWindow(services, executor, () -> { }, () -> { });
        javafx.scene.Scene scene = new javafx.scene.Scene(window, width, height);
        scene.getStylesheets().add(io.alluse.ui.shell.Themes.APP_CSS);
        stage.setScene(scene);
        stage.show();
        return window;
    }

    /** Round prices near the default symbols' levels, so sizing previews have something to show. */
    static java.util.Optional<io.alluse.domain.Money> price(io.alluse.domain.Symbol symbol) {
        Integer dollars = java.util.Map.of("TSLA", 400, "NVDA", 180, "AAPL", 230, "AMZN", 220, "MSFT", 450, "SPY", 650).get(symbol.value());
        return java.util.Optional.ofNullable(dollars).map(io.alluse.domain.Money::ofDollars);
    }

    @Override
    public void close() {
        engine.close();
        database.close();
    }

    /** Where UI tests write their screenshots (see target/screenshots after a test run). */
    public static Path screenshot(String name) {
        return Path.of(System.getProperty("screenshot.dir", "target/screenshots")).resolve(name + ".png");
    }
}
