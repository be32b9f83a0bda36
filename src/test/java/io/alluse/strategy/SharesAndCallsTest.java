package io.alluse.strategy;

import static io.alluse.strategy.Scenario.AAPL;
import static io.alluse.strategy.Scenario.AMZN;
import static io.alluse.strategy.Scenario.FRI;
import static io.alluse.strategy.Scenario.MON;
import static io.alluse.strategy.Scenario.MSFT;
import static io.alluse.strategy.Scenario.NEXT_FRI;
import static io.alluse.strategy.Scenario.TUE;
import static io.alluse.strategy.Scenario.com;
import static io.alluse.strategy.Scenario.dollars;
import static io.alluse.strategy.Scenario.on;
import static io.alluse.strategy.Scenario.option;
import static io.alluse.strategy.Scenario.recorded;
import static io.alluse.strategy.Scenario.shares;
import static io.alluse.strategy.Scenario.shortCall;
import static io.alluse.strategy.Scenario.state;
import static io.alluse.strategy.Scenario.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.alluse.domain.OptionRight;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Stock;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.PositionEffect;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Com-Acc on hand-written quotes. Defaults: AAPL, AMZN, MSFT; calls at |delta| 0.20-0.30 (target
 * 0.25), 30-45 DTE; entry on Monday; no premium floor; per-symbol cap 50%; buffer 5%.
 */
class SharesAndCallsTest {

    private static final SleeveStrategy COM = Strategies.forKind(SleeveKind.COM);
    private static final LocalDate DEC_18 = LocalDate.of(2026, 12, 18);
    private static final LocalDate DEC_24 = LocalDate.of(2026, 12, 24);
    private static final LocalDate NEXT_MON = LocalDate.of(2026, 11, 16);

    private static FixedMarket spots(LocalDate day) {
        return new FixedMarket(window(day)).spot(AAPL, 230.00).spot(AMZN, 200.00).spot(MSFT, 420.00);
    }

    /**
     * Monday, cash 150,000: deployable 142,500, per symbol 71,250.
     * AAPL at 230.00: limit 230.03 (1 bp = 2.3c, rounded up to 3c); a lot costs 23,003; 71,250 -> 3 lots
     * (69,009). Left: 73,491. AMZN at 200.00: limit 200.02, lot 20,002; min(71,250, 73,491) -> 3 lots
     * (60,006). Left: 13,485. MSFT at 420.00: limit 420.05, lot 42,005 > 13,485: no cash.
     */
    @Test
    void buysRoundLotsOnItsEntryDay() {
        SleeveDecision d = COM.decide(state(com(), "150000.00"), spots(MON), on(MON));
        assertThat(d.orders()).extracting(o -> o.clientOrderId().value(), OrderIntent::instrument, OrderIntent::side,
                OrderIntent::effect, OrderIntent::quantity, OrderIntent::limitPrice).containsExactly(
                tuple("account-1.com.2026-W46.aapl-stk", new Stock(AAPL), OrderSide.BUY, PositionEffect.OPEN, 300L, dollars("230.03")),
                tuple("account-1.com.2026-W46.amzn-stk", new Stock(AMZN), OrderSide.BUY, PositionEffect.OPEN, 300L, dollars("200.02")));
        assertThat(d.orders().getFirst().rationale())
                .isEqualTo("Buy 300 AAPL at 230.03 (last 230.00): 3 round lot(s) = $69,009.00 of the $71,250.00 AAPL may commit");
        assertThat(d.orders()).allSatisfy(o -> assertThat(o.notional().cents() % 100).isZero());
        assertThat(d.skipped()).extracting(SkippedTrade::reason, SkippedTrade::detail).containsExactly(
                tuple(SkipReason.NO_CASH, "MSFT: a round lot of 100 at 420.05 costs $42,005.00; MSFT may commit $13,485.00 more (cap"
                        + " $71,250.00 = 50% of deployable $142,500.00, less $0.00 committed; the sleeve has $13,485.00 available)"),
                tuple(SkipReason.NO_SHARES_TO_COVER, "AAPL: no shares held yet (300 being bought); calls follow once they are held"),
                tuple(SkipReason.NO_SHARES_TO_COVER, "AMZN: no shares held yet (300 being bought); calls follow once they are held"),
                tuple(SkipReason.NO_SHARES_TO_COVER, "MSFT: no shares held to write calls on"));
    }

    @Test
    void buysNothingOnOtherDays() {
        SleeveDecision d = COM.decide(state(com(), "150000.00"), spots(TUE), on(TUE));
        assertThat(d.orders()).isEmpty();
        assertThat(d.skipped()).extracting(SkippedTrade::reason).containsExactly(SkipReason.NOT_AN_ENTRY_DAY);
    }

    /**
     * Tuesday: 300 AAPL (cost 69,009 = 230.03 a share) and 300 AMZN (60,006 = 200.02) are held.
     * Expiries 11-13 (3 days), 11-20 (10), 12-18 (38), 12-24 (44): the nearest in 30-45 is 12-18.
     * AAPL calls: 240 0.32, 245 0.27 (0.02 from 0.25), 250 0.22 (0.03), 255 0.18 -> 245, sold at
     * max(3.10, 3.20 - 0.02) = 3.18. AMZN: 210 0.31, 215 0.24 -> 215 at floor(2.475 - 0.02) = 2.45.
     */
    @Test
    void coversHeldSharesWithCallsAboveCost() {
        SleeveState s = state(com(), "21674.00", shares(SleeveKind.COM, AAPL, 300, "69009.00", MON),
                shares(SleeveKind.COM, AMZN, 300, "60006.00", MON));
        SleeveDecision d = COM.decide(s, callsMarket(TUE), on(TUE));
        assertThat(d.orders()).extracting(o -> o.clientOrderId().value(), OrderIntent::instrument, OrderIntent::side,
                OrderIntent::effect, OrderIntent::quantity, OrderIntent::limitPrice).containsExactly(
                tuple("account-1.com.2026-W46.aapl-c", option(AAPL, DEC_18, OptionRight.CALL, "245"), OrderSide.SELL, PositionEffect.OPEN,
                        3L, dollars("3.18")),
                tuple("account-1.com.2026-W46.amzn-c", option(AMZN, DEC_18, OptionRight.CALL, "215"), OrderSide.SELL, PositionEffect.OPEN,
                        3L, dollars("2.45")));
        assertThat(d.orders().getFirst().rationale()).contains("|delta| 0.27, closest to 0.25 in 0.20-0.30 at or above the cost basis 230.03",
                "38 DTE");
        assertThat(d.skipped()).extracting(SkippedTrade::reason).containsExactly(SkipReason.NOT_AN_ENTRY_DAY);
    }

    @Test
    void anOddLotIsCoveredOnlyForItsWholeHundreds() {
        SleeveState s = state(com(), "1000.00", shares(SleeveKind.COM, AAPL, 150, "34504.50", MON));
        assertThat(COM.decide(s, callsMarket(TUE), on(TUE)).orders()).singleElement()
                .satisfies(o -> assertThat(o.quantity()).isEqualTo(1));
    }

    private static FixedMarket callsMarket(LocalDate day) {
        return spots(day)
                .expiry(AAPL, FRI).expiry(AAPL, NEXT_FRI).expiry(AAPL, DEC_24)
                .call(AAPL, DEC_18, "240", "4.40", "4.60", 0.32)
                .call(AAPL, DEC_18, "245", "3.10", "3.30", 0.27)
                .call(AAPL, DEC_18, "250", "2.10", "2.25", 0.22)
                .call(AAPL, DEC_18, "255", "1.40", "1.50", 0.18)
                .expiry(AMZN, FRI).expiry(AMZN, DEC_24)
                .call(AMZN, DEC_18, "210", "3.50", "3.65", 0.31)
                .call(AMZN, DEC_18, "215", "2.40", "2.55", 0.24);
    }

    /**
     * The next Monday (2026-W47): the shares and their calls are held, 21,674 + 954 + 735 = 23,363 of
     * cash. Options mark at the quote's mid rounded half up to the cent: AAPL 245C 3.20, AMZN 215C
     * (2.40 + 2.55) / 2 = 2.475 -> 2.48. Equity 23,363 + 300 x 230 + 300 x 200 - 960 - 744 = 150,659 ->
     * deployable 143,126.05 -> per symbol 71,563.02. AAPL has 69,009 committed: 2,554.02 left, less than
     * a lot; AMZN 11,557.02, less than 20,002. The sleeve: min(143,126.05 - 129,015 = 14,111.05,
     * cash 23,363 - buffer 7,532.95 = 15,830.05) = 14,111.05, so MSFT finds 14,111.05, less than 42,005.
     */
    @Test
    void theNextWeekBuysAgainOnlyWithWhatIsLeft() {
        SleeveState s = state(com(), "23363.00", shares(SleeveKind.COM, AAPL, 300, "69009.00", MON),
                shares(SleeveKind.COM, AMZN, 300, "60006.00", MON),
                shortCall(SleeveKind.COM, AAPL, DEC_18, "245", 3, "3.18", TUE),
                shortCall(SleeveKind.COM, AMZN, DEC_18, "215", 3, "2.45", TUE));
        SleeveDecision d = COM.decide(s, callsMarket(NEXT_MON), on(NEXT_MON));
        assertThat(d.orders()).isEmpty();
        assertThat(d.skipped()).extracting(SkippedTrade::reason, SkippedTrade::symbol).extracting(t -> t.toList().getFirst())
                .containsExactly(SkipReason.NO_CASH, SkipReason.NO_CASH, SkipReason.NO_CASH, SkipReason.NO_SHARES_TO_COVER,
                        SkipReason.NO_SHARES_TO_COVER, SkipReason.NO_SHARES_TO_COVER);
        assertThat(d.skipped().get(0).detail()).contains("AAPL may commit $2,554.02 more");
        assertThat(d.skipped().get(2).detail()).contains("MSFT may commit $14,111.05 more");
        assertThat(d.skipped().get(3).detail()).isEqualTo("AAPL: all 300 shares are covered by 3 call(s) written");
    }

    @Test
    void aRepeatedEntryDayFindsItsWorkingPurchases() {
        SleeveDecision first = COM.decide(state(com(), "150000.00"), spots(MON), on(MON));
        List<OrderRecord> stored = first.orders().stream().map(o -> recorded(o, OrderStatus.SUBMITTED, 0, window(MON))).toList();
        SleeveDecision again = COM.decide(state(com(), "150000.00", List.of(), stored), spots(MON), on(MON));
        assertThat(again.orders()).isEmpty();
        // the working buys hold 129,015: MSFT still finds only 13,485
        assertThat(again.skipped()).extracting(SkippedTrade::reason).startsWith(SkipReason.ALREADY_OPEN, SkipReason.ALREADY_OPEN,
                SkipReason.NO_CASH);
        assertThat(again.skipped().get(2).detail()).contains("the sleeve has $13,485.00 available");
    }

    @Test
    void profitTakeClosesACoveredCallToo() {
        // 3 AAPL 245C sold at 3.18 brought 954.00; bid 1.40 ask 1.50 -> buy at 1.46: 438.00 <= 954 x 50% = 477
        SleeveState s = state(PutWheelTest.withProfitTake(com(), 50), "23363.00", shares(SleeveKind.COM, AAPL, 300, "69009.00", MON),
                shortCall(SleeveKind.COM, AAPL, DEC_18, "245", 3, "3.18", TUE));
        FixedMarket m = spots(FRI).call(AAPL, DEC_18, "245", "1.40", "1.50", 0.12);
        SleeveDecision d = COM.decide(s, m, on(FRI));
        assertThat(d.orders()).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId().value()).isEqualTo("account-1.com.2026-11-13.btc-aapl-c-24500");
            assertThat(o.side()).isEqualTo(OrderSide.BUY);
            assertThat(o.effect()).isEqualTo(PositionEffect.CLOSE);
            assertThat(o.quantity()).isEqualTo(3);
            assertThat(o.limitPrice()).isEqualTo(dollars("1.46"));
        });
    }

    @Test
    void runsOnlyComAcc() {
        assertThatThrownBy(() -> COM.decide(state(Scenario.gen(), "1.00"), spots(MON), on(MON)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Gen-Acc");
    }
}
