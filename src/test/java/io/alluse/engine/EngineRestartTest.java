package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import io.alluse.domain.run.CycleRun;
import io.alluse.domain.run.CycleStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts go through the same schedule: inside a window a cycle runs once; after it, it is recorded as missed. */
class EngineRestartTest {

    private static final long SEED = 9;

    @Test
    void restartsInsideAndAfterTheWindow(@TempDir Path dir) throws Exception {
        Account a;
        // Monday: the app runs through the 09:45-10:15 window
        try (EngineFixture f = new EngineFixture(dir, SEED, EngineFixture.MONDAY_0800, EngineSettings.DEFAULT)) {
            a = f.createAccounts(1).getFirst();
            f.engine.load();
            f.engine.runUntil(EngineFixture.ny("2031-03-03T10:05"));
            assertThat(cycles(f)).extracting(CycleRun::status).containsExactly(CycleStatus.DONE);
        }
        int ordersAfterMonday;
        // restarted at 10:06, still inside Monday's window: the cycle does not run again
        try (EngineFixture f = new EngineFixture(dir, SEED, EngineFixture.ny("2031-03-03T10:06"), EngineSettings.DEFAULT)) {
            f.engine.load();
            ordersAfterMonday = f.ledgers.forAccount(a.id()).orders().size();
            f.engine.runUntil(EngineFixture.ny("2031-03-03T10:20"));
            assertThat(cycles(f)).extracting(CycleRun::status).containsExactly(CycleStatus.DONE);
            assertThat(f.ledgers.forAccount(a.id()).orders()).hasSize(ordersAfterMonday);
            assertThat(f.auditOf(a.id())).filteredOn(l -> l.contains("Cycle 2031-03-03 done")).hasSize(1);
        }
        // closed through Tuesday's window, reopened at 11:00: Tuesday is recorded as missed and the user told
        try (EngineFixture f = new EngineFixture(dir, SEED, EngineFixture.ny("2031-03-04T11:00"), EngineSettings.DEFAULT)) {
            f.engine.load();
            f.engine.runUntil(EngineFixture.ny("2031-03-04T11:05"));
            assertThat(cycles(f)).extracting(CycleRun::tradingDay, CycleRun::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(LocalDate.of(2031, 3, 3), CycleStatus.DONE),
                    org.assertj.core.groups.Tuple.tuple(LocalDate.of(2031, 3, 4), CycleStatus.MISSED));
            assertThat(f.events).filteredOn(e -> e instanceof EngineEvent.CycleMissed).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("missed 2031-03-04"));
        }
        // reopened on Wednesday at 10:00, inside the window before the cycle ran: it runs, once
        try (EngineFixture f = new EngineFixture(dir, SEED, EngineFixture.ny("2031-03-05T10:00"), EngineSettings.DEFAULT)) {
            f.engine.load();
            f.engine.runUntil(EngineFixture.ny("2031-03-05T10:30"));
            List<CycleRun> cycles = cycles(f);
            assertThat(cycles).last().satisfies(c -> {
                assertThat(c.tradingDay()).isEqualTo(LocalDate.of(2031, 3, 5));
                assertThat(c.status()).isEqualTo(CycleStatus.DONE);
                assertThat(c.startedAt()).isEqualTo(EngineFixture.ny("2031-03-05T10:00"));
            });
            assertThat(cycles).hasSize(3);
            EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(a.id()));
        }
    }

    private static List<CycleRun> cycles(EngineFixture f) {
        return f.ledgers.forAccount(f.accounts.accounts().getFirst().id()).cyclesSince(LocalDate.of(2031, 3, 1));
    }
}
