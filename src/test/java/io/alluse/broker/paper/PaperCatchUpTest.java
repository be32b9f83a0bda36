package io.alluse.broker.paper;

import static io.alluse.broker.paper.FixedMarket.ny;
import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.BrokerPosition;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.Stock;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Weeks of simulated time on the seeded market: catching up, settling by the rule, and doing it reproducibly. */
class PaperCatchUpTest {

    @Test
    void anAccountLeftAloneForWeeksEndsExactlyWhereOneAskedTwiceADayEnds() {
        WheelScript alone = new WheelScript(11);
        PaperAccount a = alone.newAccount();
        alone.run(() -> a, false, () -> { });

        WheelScript daily = new WheelScript(11);
        PaperAccount b = daily.newAccount();
        daily.run(() -> b, true, () -> { });

        assertThat(a.state().activities()).hasSizeGreaterThan(8);
        assertThat(b.state()).isEqualTo(a.state());
    }

    @Test
    void everyExpirySettlesAtItsCloseByTheRuleAndTheCashAddsUp() {
        WheelScript script = new WheelScript(11);
        PaperAccount a = script.newAccount();
        script.run(() -> a, false, () -> { });
        List<BrokerActivity> feed = a.activities(Optional.empty(), 1000);

        // times never go back, and the feed holds one settlement per option sold
        assertThat(feed).extracting(BrokerActivity::at).isSorted();
        long assigned = 0;
        long expired = 0;
        for (OptionContract put : script.puts) {
            long close = Money.roundedFrom(script.market.closeOn(WheelScript.AAPL, put.expiry())).cents();
            List<BrokerActivity> settlement = feed.stream().filter(x -> optionOf(x) != null && optionOf(x).equals(put)).toList();
            assertThat(settlement).as(put.toString()).singleElement().extracting(BrokerActivity::at)
                    .isEqualTo(ny(put.expiry().toString(), "16:00"));
            if (close < put.strike().cents()) {
                assertThat(settlement.getFirst()).as(put + " closed at " + close).isInstanceOf(BrokerActivity.Assignment.class);
                assigned++;
            } else {
                assertThat(settlement.getFirst()).as(put + " closed at " + close).isInstanceOf(BrokerActivity.Expiration.class);
                expired++;
            }
        }
        assertThat(assigned).as("the script picks strikes so that both outcomes happen").isPositive();
        assertThat(expired).isPositive();
        assertThat(script.call).as("the assigned shares were covered").isNotNull();
        assertThat(feed).filteredOn(x -> script.call.equals(optionOf(x))).singleElement().isInstanceOf(BrokerActivity.Assignment.class);

        // cash worked out from the feed alone: deposits, withdrawals, fills, settlements at the strike
        long cash = 0;
        long shares = 0;
        for (BrokerActivity x : feed) {
            switch (x) {
                case BrokerActivity.Deposit d -> cash += d.amount().cents();
                case BrokerActivity.Withdrawal w -> cash -= w.amount().cents();
                case BrokerActivity.Fill f -> cash += (f.side() == OrderSide.SELL ? 1 : -1) * f.price().cents() * 100 * f.quantity()
                        - f.commission().cents();
                case BrokerActivity.Assignment s -> {
                    long sign = s.option().right() == io.alluse.domain.OptionRight.PUT ? 1 : -1;
                    cash -= sign * s.option().strike().cents() * 100 * s.contracts();
                    shares += sign * 100 * s.contracts();
                }
                default -> { }
            }
        }
        assertThat(a.account().cash()).isEqualTo(Money.ofCents(cash));
        assertThat(a.positions()).isEqualTo(shares == 0 ? List.of()
                : List.of(new BrokerPosition(new Stock(WheelScript.AAPL), shares, a.positions().getFirst().costBasis())));
        assertThat(a.positions()).noneMatch(p -> p.instrument() instanceof OptionContract);

        // the resting order expired at the first Monday's close
        BrokerOrder rest = a.order(new ClientOrderId("wheel.rest-1")).orElseThrow();
        assertThat(rest.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(rest.updatedAt()).isEqualTo(ny("2026-01-05", "16:00"));
    }

    @Test
    void theSameSeedAndCallsGiveTheSameAccountAndAnotherSeedOtherFills() {
        WheelScript first = new WheelScript(2026);
        PaperAccount a = first.newAccount();
        first.run(() -> a, false, () -> { });
        WheelScript second = new WheelScript(2026);
        PaperAccount b = second.newAccount();
        second.run(() -> b, false, () -> { });
        WheelScript other = new WheelScript(2027);
        PaperAccount c = other.newAccount();
        other.run(() -> c, false, () -> { });

        assertThat(b.activities(Optional.empty(), 1000)).isEqualTo(a.activities(Optional.empty(), 1000));
        assertThat(b.state()).isEqualTo(a.state());
        assertThat(fillPrices(c)).isNotEqualTo(fillPrices(a));
    }

    @Test
    void fillsOnTheSimulatedMarketAreItsQuotedMidLessSlippageOnAndOffTheStrikeGrid() {
        WheelScript script = new WheelScript(3);
        PaperAccount a = script.newAccount();
        java.time.LocalDate expiry = script.market.expiries(WheelScript.AAPL).get(1);
        io.alluse.market.chain.OptionChain chain = script.market.chain(WheelScript.AAPL, expiry);
        OptionContract listed = chain.puts().get(chain.puts().size() / 3).contract();
        // a strike between two listed ones: not in the chain, quoted on its own
        OptionContract offGrid = new OptionContract(WheelScript.AAPL, expiry, io.alluse.domain.OptionRight.PUT,
                listed.strike().plus(Money.ofCents(3)));
        assertThat(chain.quote(offGrid.right(), offGrid.strike())).isEmpty();

        for (OptionContract c : List.of(listed, offGrid)) {
            Money expected = script.market.quote(c).mid().minus(Money.ofCents(1));
            BrokerOrder o = a.place(WheelScript.order(c.code().trim().replace(" ", ""), c, OrderSide.SELL,
                    io.alluse.domain.ledger.PositionEffect.OPEN, 1, Money.ofCents(1)));
            assertThat(o.averageFillPrice()).as(c.toString()).isEqualTo(expected);
        }
    }

    private static List<Money> fillPrices(PaperAccount account) {
        return account.activities(Optional.empty(), 1000).stream().filter(BrokerActivity.Fill.class::isInstance)
                .map(x -> ((BrokerActivity.Fill) x).price()).toList();
    }

    private static OptionContract optionOf(BrokerActivity x) {
        return switch (x) {
            case BrokerActivity.Assignment s -> s.option();
            case BrokerActivity.Expiration e -> e.option();
            case BrokerActivity.Exercise e -> e.option();
            default -> null;
        };
    }
}
