package io.alluse.engine;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.ledger.EquitySnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Lets tests in other packages run the real engine the way {@link EngineFixture} sets it up. */
public final class EngineFixtureAccess {

    private EngineFixtureAccess() {
    }

    /** Runs {@code accounts} default accounts from Monday 2031-03-03 08:00 for {@code length}; returns their snapshots. */
    public static Map<AccountId, List<EquitySnapshot>> runEngine(Path dir, long seed, int accounts, Duration length) throws InterruptedException {
        try (EngineFixture f = new EngineFixture(dir, seed)) {
            f.createAccounts(accounts);
            f.engine.load();
            f.engine.runUntil(EngineFixture.MONDAY_0800.plus(length));
            Map<AccountId, List<EquitySnapshot>> snapshots = new TreeMap<>();
            for (Account a : f.accounts.accounts()) {
                snapshots.put(a.id(), f.ledgers.forAccount(a.id()).snapshots());
            }
            return snapshots;
        }
    }
}
