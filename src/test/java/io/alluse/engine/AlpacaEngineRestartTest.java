package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.alpaca.AlpacaSimulator;
import io.alluse.domain.Account;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.run.CycleRun;
import io.alluse.domain.run.CycleStatus;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EngineRestartTest} with an Alpaca account: the engine trades over HTTP against a stateful
 * Alpaca (the simulator), reads Alpaca's contracts and quotes, is closed and reopened inside and
 * after its windows, and reconciles with Alpaca on every start without posting an order twice.
 */
class AlpacaEngineRestartTest {

    private static final long SEED = 9;

    @Test
    void restartsReconcileWithAlpacaAndNeverPostTwice(@TempDir Path dir) throws Exception {
        SimulatedClock alpacaClock = new SimulatedClock(EngineFixture.MONDAY_0800);
        try (AlpacaSimulator alpaca = new AlpacaSimulator(SimulatedMarket.withDefaults(alpacaClock, SEED), alpacaClock)) {
            Account a;
            try (AlpacaEngineFixture f = new AlpacaEngineFixture(dir, SEED, EngineFixture.MONDAY_0800, alpaca)) {
                a = f.createAlpacaAccount(alpaca, 1);
                assertThat(a.broker().kind()).isEqualTo(BrokerKind.ALPACA_PAPER);
                f.engine.load();
                f.engine.runUntil(EngineFixture.ny("2031-03-03T10:05"));
                assertThat(cycles(f, a)).extracting(CycleRun::status).containsExactly(CycleStatus.DONE);
                assertThat(f.ledgers.forAccount(a.id()).orders()).as("Monday's cycle traded at Alpaca").isNotEmpty();
            }
            assertThat(alpaca.postsPerClientOrderId()).isNotEmpty();
            int posted = alpaca.postsPerClientOrderId().size();
            // restarted inside Monday's window: reconciled, the cycle does not run again, nothing is posted again
            try (AlpacaEngineFixture f = new AlpacaEngineFixture(dir, SEED, EngineFixture.ny("2031-03-03T10:06"), alpaca)) {
                f.engine.load();
                f.engine.runUntil(EngineFixture.ny("2031-03-03T10:20"));
                assertThat(cycles(f, a)).extracting(CycleRun::status).containsExactly(CycleStatus.DONE);
                assertThat(alpaca.postsPerClientOrderId()).hasSize(posted);
                AlpacaEngineFixture.assertBooksMatchAlpaca(f.ledgers, a, alpaca, 1);
            }
            // closed through Tuesday's window: missed; then a week of trading with expiries and assignments
            try (AlpacaEngineFixture f = new AlpacaEngineFixture(dir, SEED, EngineFixture.ny("2031-03-04T11:00"), alpaca)) {
                f.engine.load();
                f.engine.runUntil(EngineFixture.ny("2031-03-04T11:05"));
                assertThat(cycles(f, a)).extracting(CycleRun::tradingDay, CycleRun::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2031, 3, 3), CycleStatus.DONE),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2031, 3, 4), CycleStatus.MISSED));
            }
            try (AlpacaEngineFixture f = new AlpacaEngineFixture(dir, SEED, EngineFixture.ny("2031-03-05T10:00"), alpaca)) {
                f.engine.load();
                assertThat(f.engine.runtime()).singleElement().satisfies(r -> assertThat(r.toString()).doesNotContain("ERROR"));
                f.engine.runUntil(EngineFixture.ny("2031-03-24T11:00"));
                List<CycleRun> cycles = cycles(f, a);
                assertThat(cycles).extracting(CycleRun::status).doesNotContain(CycleStatus.FAILED, CycleStatus.RUNNING);
                assertThat(cycles.stream().filter(c -> c.status() == CycleStatus.DONE).count()).isGreaterThan(6);
                AlpacaEngineFixture.assertBooksMatchAlpaca(f.ledgers, a, alpaca, 1);
                assertThat(f.accounts.get(a.id()).broker().kind()).isEqualTo(BrokerKind.ALPACA_PAPER);
                assertThat(f.ledgers.forAccount(a.id()).entries()).as("options expired or were assigned at Alpaca and were booked")
                        .anySatisfy(e -> assertThat(e.kind().name()).containsAnyOf("EXPIR", "ASSIGN"));
            }
            AlpacaEngineFixture.assertNothingPostedTwice(alpaca);
            assertThat(alpaca.marketDataRequests()).as("the strategies read Alpaca's market data over HTTP").isGreaterThan(20);
        }
    }

    private static List<CycleRun> cycles(AlpacaEngineFixture f, Account a) {
        return f.ledgers.forAccount(a.id()).cyclesSince(LocalDate.of(2031, 3, 1));
    }
}

