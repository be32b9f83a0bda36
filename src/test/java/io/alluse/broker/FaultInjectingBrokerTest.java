package io.alluse.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.broker.BrokerException.Kind;
import io.alluse.broker.paper.PaperAccount;
import io.alluse.broker.paper.PaperSettings;
import io.alluse.domain.Money;
import io.alluse.domain.Stock;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.PositionEffect;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectingBrokerTest {

    PaperAccount paper;
    FaultInjectingBroker broker;

    @BeforeEach
    void paperAccountOnMonday() {
        SimulatedClock clock = new SimulatedClock(ZonedDateTime.of(LocalDate.of(2026, 1, 12), LocalTime.of(10, 0),
                ExchangeCalendar.NEW_YORK).toInstant());
        SimulatedMarket market = new SimulatedMarket(clock, SimulationSettings.defaults(5, LocalDate.of(2026, 1, 2)));
        paper = PaperAccount.open("PAPER-FAULTS", market, PaperSettings.DEFAULTS, Money.ofDollars(100_000));
        broker = new FaultInjectingBroker(paper, 42);
    }

    static OrderRequest buy(String id) {
        return new OrderRequest(new ClientOrderId(id), new Stock(new Symbol("AAPL")), OrderSide.BUY, PositionEffect.OPEN, 10,
                Money.ofDollars(1_000));
    }

    static Kind kindOf(Runnable call) {
        try {
            call.run();
            return null;
        } catch (BrokerException e) {
            return e.kind();
        }
    }

    @Test
    void aWellBehavedWrapperIsTheBrokerItWraps() {
        assertThat(broker.accountId()).isEqualTo("PAPER-FAULTS");
        assertThat(broker.market()).isSameAs(paper.market());
        assertThat(broker.place(buy("b-1")).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(broker.positions()).isEqualTo(paper.positions());
        assertThat(broker.calls()).isEqualTo(2);
    }

    @Test
    void latencyDelaysEveryCallByAtLeastItsAmount() {
        broker.latency(Duration.ofMillis(60));
        long start = System.nanoTime();
        broker.account();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        broker.latency(Duration.ofMillis(20), Duration.ofMillis(40));
        start = System.nanoTime();
        broker.positions();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        assertThatThrownBy(() -> broker.latency(Duration.ofMillis(5), Duration.ofMillis(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failNextFailsThatManyCallsWithoutReachingTheBroker() {
        broker.failNext(2, Kind.UNAVAILABLE);
        BrokerException first = failure(() -> broker.place(buy("b-1")));
        assertThat(first.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(first.retryable()).isTrue();
        assertThat(first.getMessage()).isEqualTo("Injected UNAVAILABLE on broker call place #1.");
        assertThat(kindOf(() -> broker.place(buy("b-1")))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(paper.order(new ClientOrderId("b-1"))).as("the broker never saw them").isEmpty();
        assertThat(broker.place(buy("b-1")).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void aLostReplyLeavesTheOrderPlacedAndTheRetryFindsIt() {
        broker.loseNextReplies(1, Kind.TIMEOUT);
        assertThat(kindOf(() -> broker.place(buy("b-1")))).isEqualTo(Kind.TIMEOUT);
        assertThat(paper.order(new ClientOrderId("b-1"))).as("the broker acted").isPresent();
        BrokerOrder retried = broker.place(buy("b-1"));
        assertThat(retried.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(paper.activities(Optional.empty(), 10)).filteredOn(BrokerActivity.Fill.class::isInstance).hasSize(1);
    }

    @Test
    void aScriptPlaysInOrderAndNullLetsACallThrough() {
        broker.script(Kind.RATE_LIMITED, null, Kind.AUTHENTICATION);
        List<Kind> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seen.add(kindOf(broker::account));
        }
        assertThat(seen).containsExactly(Kind.RATE_LIMITED, null, Kind.AUTHENTICATION, null);
    }

    @Test
    void randomFailuresFollowTheSeed() {
        broker.failRandomly(0.3, Kind.UNAVAILABLE);
        FaultInjectingBroker twin = new FaultInjectingBroker(paper, 42).failRandomly(0.3, Kind.UNAVAILABLE);
        List<Kind> a = new ArrayList<>();
        List<Kind> b = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            a.add(kindOf(broker::openOrders));
            b.add(kindOf(twin::openOrders));
        }
        assertThat(a).isEqualTo(b);
        long failures = a.stream().filter(k -> k != null).count();
        assertThat(failures).isBetween(30L, 90L);
        broker.reset();
        assertThat(kindOf(broker::openOrders)).isNull();
    }

    @Test
    void faultsCanBeLimitedToSomeMethods() {
        broker.onlyCalls("place").failNext(1, Kind.REJECTED);
        assertThat(kindOf(broker::account)).isNull();
        assertThat(kindOf(() -> broker.place(buy("b-1")))).isEqualTo(Kind.REJECTED);
        assertThatThrownBy(() -> broker.onlyCalls("deposit")).hasMessageContaining("unknown broker methods");
    }

    @Test
    void aHangBlocksUntilReleased() throws Exception {
        broker.hang();
        CompletableFuture<BrokerAccount> call = CompletableFuture.supplyAsync(broker::account);
        awaitHanging(1);
        assertThat(call).isNotDone();
        broker.release();
        assertThat(call.get(10, TimeUnit.SECONDS).cash()).isEqualTo(Money.ofDollars(100_000));
        assertThat(broker.hanging()).isZero();
    }

    @Test
    void aHungCallEndsWithTimeoutWhenItsThreadIsInterrupted() throws Exception {
        broker.hang();
        AtomicReference<BrokerException> failure = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread worker = Thread.ofVirtual().start(() -> {
            try {
                broker.place(buy("b-1"));
            } catch (BrokerException e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        awaitHanging(1);
        worker.interrupt();
        worker.join(10_000);

        assertThat(failure.get().kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.get().getMessage()).contains("interrupted while the broker hung");
        assertThat(stillInterrupted.get()).isTrue();
        assertThat(paper.order(new ClientOrderId("b-1"))).as("the hung call never reached the broker").isEmpty();
        broker.release();
        assertThat(broker.place(buy("b-1")).status()).isEqualTo(OrderStatus.FILLED);
    }

    private void awaitHanging(int n) throws InterruptedException {
        for (int i = 0; i < 1000 && broker.hanging() < n; i++) {
            Thread.sleep(10);
        }
        assertThat(broker.hanging()).isEqualTo(n);
    }

    private static BrokerException failure(Runnable call) {
        try {
            call.run();
        } catch (BrokerException e) {
            return e;
        }
        throw new AssertionError("expected a BrokerException");
    }
}
