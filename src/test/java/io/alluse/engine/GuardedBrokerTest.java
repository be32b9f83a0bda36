package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.broker.BrokerAccount;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerException.Kind;
import io.alluse.broker.FaultInjectingBroker;
import io.alluse.broker.paper.PaperAccount;
import io.alluse.broker.paper.PaperSettings;
import io.alluse.domain.Money;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.market.sim.SimulationSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every broker call's time limit (docs/decisions/0037): kept by one watchdog, from when the call starts, and a
 * call past it is abandoned, never interrupted.
 */
class GuardedBrokerTest {

    private static final Duration LIMIT = Duration.ofMillis(200);

    private static FaultInjectingBroker paperBroker(String id) {
        SimulatedClock clock = new SimulatedClock(ZonedDateTime.of(LocalDate.of(2026, 1, 12), LocalTime.of(10, 0),
                ExchangeCalendar.NEW_YORK).toInstant());
        SimulatedMarket market = new SimulatedMarket(clock, SimulationSettings.defaults(5, LocalDate.of(2026, 1, 2)));
        return new FaultInjectingBroker(PaperAccount.open(id, market, PaperSettings.DEFAULTS, Money.ofDollars(100_000)), 42);
    }

    @Test
    void answersAndFailuresPassThroughUnchanged() {
        FaultInjectingBroker broker = paperBroker("PAPER-GUARD-1");
        try (GuardedBroker guarded = new GuardedBroker(broker, LIMIT)) {
            assertThat(guarded.account().cash()).isEqualTo(Money.ofDollars(100_000));
            broker.failNext(1, Kind.REJECTED);
            assertThatThrownBy(guarded::account).isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
            assertThat(guarded.account().cash()).isEqualTo(Money.ofDollars(100_000));
        }
    }

    @Test
    void aHungCallFailsAfterItsLimitAndIsNotInterrupted() throws Exception {
        FaultInjectingBroker broker = paperBroker("PAPER-GUARD-2");
        try (GuardedBroker guarded = new GuardedBroker(broker, LIMIT)) {
            broker.hang();
            long start = System.nanoTime();
            assertThatThrownBy(guarded::account).isInstanceOfSatisfying(BrokerException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                assertThat(e.getMessage()).contains("did not answer the balances request within 200 ms");
            });
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(waitedMs).as("waited at least the limit").isGreaterThanOrEqualTo(LIMIT.toMillis());
            // the abandoned call is still waiting at the broker: an interrupt would have ended it with TIMEOUT at once
            Thread.sleep(100);
            assertThat(broker.hanging()).as("the abandoned call is still at the broker, not interrupted").isEqualTo(1);
            broker.release();
            for (int i = 0; i < 500 && broker.hanging() > 0; i++) {
                Thread.sleep(10);
            }
            assertThat(broker.hanging()).isZero();
            assertThat(guarded.account().cash()).as("the account works again once the broker answers").isEqualTo(Money.ofDollars(100_000));
        }
    }

    @Test
    void oneHungBrokerDoesNotHoldUpTheOthersAndNothingStaysWatched() throws Exception {
        FaultInjectingBroker hung = paperBroker("PAPER-GUARD-HUNG");
        List<GuardedBroker> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            others.add(new GuardedBroker(paperBroker("PAPER-GUARD-" + (100 + i)), LIMIT));
        }
        try (GuardedBroker hungGuard = new GuardedBroker(hung, LIMIT)) {
            hung.hang();
            CompletableFuture<BrokerAccount> stuck = CompletableFuture.supplyAsync(hungGuard::account, r -> Thread.ofVirtual().start(r));
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (GuardedBroker g : others) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    int answered = 0;
                    for (int k = 0; k < 200; k++) {
                        g.account();
                        answered++;
                    }
                    return answered;
                }, r -> Thread.ofVirtual().start(r)));
            }
            for (CompletableFuture<Integer> c : calls) {
                assertThat(c.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
            assertThatThrownBy(() -> stuck.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(BrokerException.class)
                    .cause().hasMessageContaining("did not answer");
            hung.release();
        } finally {
            others.forEach(GuardedBroker::close);
        }
        for (int i = 0; i < 500 && CallDeadlines.shared().watching() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(CallDeadlines.shared().watching()).as("every finished call is forgotten").isZero();
    }

    @Test
    void aClosedGuardRefusesNewCalls() {
        GuardedBroker guarded = new GuardedBroker(paperBroker("PAPER-GUARD-3"), LIMIT);
        guarded.close();
        assertThatThrownBy(guarded::account).isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    }
}
