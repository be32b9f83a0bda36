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
import java.time.InstantSource;

/** Real services over a real H2 database in a temp folder, for UI tests. */
public final class UiTestServices implements AutoCloseable {

    public final Database database;
    public final WorkstationServices services;

    /** Every well-formed ticker is known (as in the app today). */
    public UiTestServices(Path dir) {
        this(dir, SymbolCatalog.ANY);
    }

    /** A market that knows only the default symbols and a few more: for testing unknown-symbol messages. */
    public static final SymbolCatalog PAPER_MARKET = SymbolCatalog.of("paper market", java.util.Set.of("TSLA", "NVDA", "AAPL", "AMZN", "MSFT", "SPY", "QQQ")
            .stream().map(io.alluse.domain.Symbol::new).collect(java.util.stream.Collectors.toSet()));

    public UiTestServices(Path dir, SymbolCatalog catalog) {
        database = Database.open(dir);
        InstantSource clock = InstantSource.system();
        services = new WorkstationServices("ALL-USE Workstation", "test", dir, dir.resolve("logs"), dir.resolve("ui.properties"),
                new AccountService(new AccountRepository(database), catalog, clock, UiTestServices::price, paperBrokerages(database)),
                new LedgerStore(database),
                new BackupService(database, new Backups(dir, 3), clock));
    }

    /** The real paper brokerage in the same database, on a seeded simulated market. */
    static io.alluse.engine.Brokerages paperBrokerages(Database database) {
        var clock = new io.alluse.market.clock.SimulatedClock(java.time.Instant.parse("2026-03-02T15:00:00Z"));
        var market = io.alluse.market.sim.SimulatedMarket.withDefaults(clock, 7);
        return new io.alluse.engine.PaperBrokerages(new io.alluse.broker.paper.PaperBrokerage(database.dataSource(), market));
    }

    /** Round prices near the default symbols' levels, so sizing previews have something to show. */
    static java.util.Optional<io.alluse.domain.Money> price(io.alluse.domain.Symbol symbol) {
        Integer dollars = java.util.Map.of("TSLA", 400, "NVDA", 180, "AAPL", 230, "AMZN", 220, "MSFT", 450, "SPY", 650).get(symbol.value());
        return java.util.Optional.ofNullable(dollars).map(io.alluse.domain.Money::ofDollars);
    }

    @Override
    public void close() {
        database.close();
    }

    /** Where UI tests write their screenshots (see target/screenshots after a test run). */
    public static Path screenshot(String name) {
        return Path.of(System.getProperty("screenshot.dir", "target/screenshots")).resolve(name + ".png");
    }
}
