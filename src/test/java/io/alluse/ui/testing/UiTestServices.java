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
        database = Database.open(dir);
        clock = new SimulatedClock(START);
        market = SimulatedMarket.withDefaults(clock, 7);
        paper = new PaperBrokerages(new PaperBrokerage(database.dataSource(), market));
        time = TimeControl.simulated(clock, Double.POSITIVE_INFINITY);
        AccountService accounts = new AccountService(new AccountRepository(database), catalog, clock::now, UiTestServices::price, paper);
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
                return brokerWrappers.getOrDefault(account.id(), b -> b).apply(paper.connect(account));
            }
        };
        engine = new Engine(accounts, ledgers, wrapped, time, new CycleSchedule(market.calendar(), Duration.ofMinutes(15)), EngineSettings.DEFAULT);
        services = new WorkstationServices("ALL-USE Workstation", "test", dir, dir.resolve("logs"), dir.resolve("ui.properties"),
                accounts, ledgers, new BackupService(database, new Backups(dir, 3), clock::now), engine, time, paper,
                new SnapshotRepository(database), market, new io.alluse.analytics.Exports(new AccountRepository(database), ledgers),
                new io.alluse.analytics.PortfolioAnalytics(new AccountRepository(database), new SnapshotRepository(database), ledgers),
                new io.alluse.store.NotificationLog(database));
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
