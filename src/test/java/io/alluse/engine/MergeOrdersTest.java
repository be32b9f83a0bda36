package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Stock;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.Position;
import io.alluse.domain.ledger.PositionEffect;
import io.alluse.market.chain.OptionQuote;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.strategy.OrderIntent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The closing orders of a merge: which, in what order, at what limit, under which client order id. */
class MergeOrdersTest {

    private static final AccountId CHILD = new AccountId("account-1-f1");
    private static final Instant AT = EngineFixture.ny("2031-03-10T10:00");

    private final SimulatedMarket market = SimulatedMarket.withDefaults(new SimulatedClock(AT), 7);
    private final Symbol aapl = new Symbol("AAPL");
    private final LocalDate expiry = market.expiries(aapl).get(1);
    private final OptionQuote call = market.chain(aapl, expiry).calls().get(market.chain(aapl, expiry).calls().size() / 2);
    private final OptionQuote put = market.chain(aapl, expiry).puts().get(market.chain(aapl, expiry).puts().size() / 3);

    private Position shares(long n) {
        return new Position(SleeveKind.COM, new Stock(aapl), n, Money.ofDollars(150).times(n), AT);
    }

    @Test
    void optionsAreClosedFirstAndSharesOnlyOnceNoOptionIsLeft() {
        Position shortCall = new Position(SleeveKind.COM, call.contract(), -1, Money.ofDollars(-300), AT);
        Position shortPut = new Position(SleeveKind.GEN, put.contract(), -2, Money.ofDollars(-400), AT);
        List<OrderIntent> first = MergeOrders.closing(CHILD, List.of(shares(100), shortCall, shortPut), List.of(), List.of(), market, "account-1");

        assertThat(first).extracting(OrderIntent::instrument).containsExactlyInAnyOrder(call.contract(), put.contract());
        assertThat(first).allSatisfy(o -> {
            assertThat(o.side()).isEqualTo(OrderSide.BUY);
            assertThat(o.effect()).isEqualTo(PositionEffect.CLOSE);
            assertThat(o.cycle()).isEqualTo(MergeOrders.CYCLE);
            assertThat(o.clientOrderId().value()).startsWith("account-1-f1.").contains(".merge.").endsWith("-1");
            // marketable against the paper broker's fill at mid + 1 cent, never above the ask
            OptionQuote q = o.instrument().equals(call.contract()) ? call : put;
            long midUp = (q.bid().cents() + q.ask().cents() + 1) / 2;
            assertThat(o.limitPrice().cents()).isBetween(Math.min(midUp + 1, q.ask().cents()), q.ask().cents());
        });
        assertThat(first).filteredOn(o -> o.instrument().equals(put.contract())).singleElement()
                .satisfies(o -> assertThat(o.quantity()).isEqualTo(2));

        // the options gone: the shares are sold, below the spot by a cent or a basis point
        List<OrderIntent> then = MergeOrders.closing(CHILD, List.of(shares(100)), List.of(), List.of(), market, "account-1");
        assertThat(then).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(OrderSide.SELL);
            assertThat(o.quantity()).isEqualTo(100);
            long spot = Math.round(market.spot(aapl) * 100);
            assertThat(o.limitPrice().cents()).isLessThan(spot).isGreaterThanOrEqualTo(spot - Math.max(2, spot / 10_000 + 2));
            assertThat(o.clientOrderId().value()).isEqualTo("account-1-f1.com.merge.aapl-1");
        });
    }

    @Test
    void aPositionWithAnOpenClosingOrderGetsNoOtherAndAnExpiredOneIsFollowedByTheNextAttempt() {
        List<OrderIntent> first = MergeOrders.closing(CHILD, List.of(shares(100)), List.of(), List.of(), market, "account-1");
        OrderRecord sent = record(first.getFirst(), OrderStatus.SUBMITTED);
        assertThat(MergeOrders.closing(CHILD, List.of(shares(100)), List.of(sent), List.of(sent), market, "account-1")).isEmpty();

        OrderRecord expired = record(first.getFirst(), OrderStatus.EXPIRED);
        assertThat(MergeOrders.closing(CHILD, List.of(shares(100)), List.of(), List.of(expired), market, "account-1")).singleElement()
                .satisfies(o -> assertThat(o.clientOrderId().value()).isEqualTo("account-1-f1.com.merge.aapl-2"));
    }

    private static OrderRecord record(OrderIntent o, OrderStatus status) {
        return new OrderRecord(1, o.clientOrderId(), o.sleeve(), o.cycle(), o.instrument(), o.side(), o.effect(), o.quantity(), o.limitPrice(), status,
                "PO1", 0, Money.ZERO, AT, AT, "");
    }
}
