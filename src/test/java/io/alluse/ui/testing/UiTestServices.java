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

    public UiTestServices(Path dir) {
        database = Database.open(dir);
        InstantSource clock = InstantSource.system();
        services = new WorkstationServices("ALL-USE Workstation", "test", dir, dir.resolve("logs"), dir.resolve("ui.properties"),
                new AccountService(new AccountRepository(database), SymbolCatalog.ANY, clock, UiTestServices::price, null), new LedgerStore(database),
                new BackupService(database, new Backups(dir, 3), clock));
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
