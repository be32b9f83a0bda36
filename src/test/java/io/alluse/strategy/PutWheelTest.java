package io.alluse.strategy;

import static io.alluse.strategy.Scenario.AAPL;
import static io.alluse.strategy.Scenario.ACCOUNT;
import static io.alluse.strategy.Scenario.FRI;
import static io.alluse.strategy.Scenario.LAST_THU;
import static io.alluse.strategy.Scenario.MON;
import static io.alluse.strategy.Scenario.NEXT_FRI;
import static io.alluse.strategy.Scenario.NEXT_WED;
import static io.alluse.strategy.Scenario.NVDA;
import static io.alluse.strategy.Scenario.THU;
import static io.alluse.strategy.Scenario.TSLA;
import static io.alluse.strategy.Scenario.TUE;
import static io.alluse.strategy.Scenario.WED;
import static io.alluse.strategy.Scenario.dollars;
import static io.alluse.strategy.Scenario.gen;
import static io.alluse.strategy.Scenario.on;
import static io.alluse.strategy.Scenario.option;
import static io.alluse.strategy.Scenario.recorded;
import static io.alluse.strategy.Scenario.rev;
import static io.alluse.strategy.Scenario.shares;
import static io.alluse.strategy.Scenario.shortCall;
import static io.alluse.strategy.Scenario.shortPut;
import static io.alluse.strategy.Scenario.state;
import static io.alluse.strategy.Scenario.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.alluse.domain.DteRange;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveConfig;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.StrategyParameters;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.PositionEffect;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Gen-Acc and Rev-Acc on hand-written quotes. Gen defaults: TSLA and NVDA, |delta| 0.40-0.50 (target
 * 0.45), 0-7 DTE, Thursday, floor 1.5%/wk, per-symbol cap 50%, buffer 5%. Rev: AAPL, AMZN, MSFT,
 * 0.30-0.40, 5-9 DTE, Monday-Wednesday, floor 1%/wk.
 */
class PutWheelTest {

    private static final SleeveStrategy WHEEL = Strategies.forKind(SleeveKind.GEN);

    /**
     * Thursday 2026-11-12 at 11:00 New York. TSLA at 400, NVDA at 180. Expiries 2026-11-13 (1 day) and
     * 2026-11-20 (8 days, outside Gen's 0-7). Put |deltas| on 11-13: TSLA 390: 0.38 (below the band),
     * 395: 0.44 (0.01 from target), 397.5: 0.48 (0.03), 400: 0.51 (above); NVDA 175: 0.40 (0.05),
     * 177.5: 0.46 (0.01), 180: 0.53 (above).
     */
    static FixedMarket genThursday() {
        return new FixedMarket(window(THU))
                .spot(TSLA, 400.00)
                .put(TSLA, FRI, "390", "4.10", "4.30", -0.38)
                .put(TSLA, FRI, "395", "5.90", "6.10", -0.44)
                .put(TSLA, FRI, "397.5", "7.00", "7.20", -0.48)
                .put(TSLA, FRI, "400", "8.00", "8.20", -0.51)
                .put(TSLA, NEXT_FRI, "390", "1.95", "2.05", -0.20)
                .spot(NVDA, 180.00)
                .put(NVDA, FRI, "175", "2.70", "2.80", -0.40)
                .put(NVDA, FRI, "177.5", "3.60", "3.75", -0.46)
                .put(NVDA, FRI, "180", "4.80", "4.95", -0.53);
    }

    @Test
    void sellsOnePutPerSymbolOnItsEntryDay() {
        SleeveDecision d = WHEEL.decide(state(gen(), "200000.00"), genThursday(), on(THU));

        // equity 200,000 (cash, nothing held) -> deployable 190,000 -> per symbol 50% = 95,000.
        // TSLA 395P: sell at max(bid, mid 6.00 - concession 2c) = 5.98; 5.98 / 395 = 1.51% >= 1.5%/wk;
        //   95,000 / 39,500 = 2.4 -> 2 contracts, 79,000 collateral; the sleeve has 190,000 - 79,000 = 111,000 left.
        // NVDA 177.5P: spread 15c -> concession 2c, mid 3.675 - 0.02 = 3.655 -> 3.65; 3.65 / 177.5 = 2.06%;
        //   min(95,000, 111,000) / 17,750 = 5.35 -> 5 contracts.
        assertThat(d.orders()).extracting(o -> o.clientOrderId().value(), OrderIntent::instrument, OrderIntent::side,
                OrderIntent::effect, OrderIntent::quantity, OrderIntent::limitPrice).containsExactly(
                tuple("account-1.gen.2026-W46.tsla-p", option(TSLA, FRI, OptionRight.PUT, "395"), OrderSide.SELL, PositionEffect.OPEN, 2L,
                        dollars("5.98")),
                tuple("account-1.gen.2026-W46.nvda-p", option(NVDA, FRI, OptionRight.PUT, "177.5"), OrderSide.SELL, PositionEffect.OPEN,
                        5L, dollars("3.65")));
        assertThat(d.orders()).allSatisfy(o -> {
            assertThat(o.sleeve()).isEqualTo(SleeveKind.GEN);
            assertThat(o.cycle()).isEqualTo("2026-W46");
        });
        assertThat(d.orders().getFirst().rationale()).isEqualTo("Sell 2 TSLA 2026-11-13 395P at 5.98 (bid 5.90, ask 6.10): |delta| 0.44,"
                + " closest to 0.45 in 0.40-0.50; 1 DTE; premium 1.51% of strike >= floor 1.5%/wk; collateral 2 x $39,500.00 ="
                + " $79,000.00 of the $95,000.00 TSLA may commit");
        assertThat(d.skipped()).isEmpty();
    }

    @Test
    void opensNothingOnOtherDays() {
        // Monday: 2026-11-13 is 4 days out, inside 0-7, and the same quotes are there; only the day is wrong
        FixedMarket monday = genThursday();
        for (LocalDate day : List.of(MON, TUE, WED, FRI)) {
            SleeveDecision d = WHEEL.decide(state(gen(), "200000.00"), monday, on(day));
            assertThat(d.orders()).as(day.toString()).isEmpty();
            assertThat(d.skipped()).singleElement().satisfies(s -> {
                assertThat(s.reason()).isEqualTo(SkipReason.NOT_AN_ENTRY_DAY);
                assertThat(s.symbol()).isEmpty();
            });
        }
        assertThat(WHEEL.decide(state(gen(), "200000.00"), monday, on(MON)).skipped().getFirst().detail())
                .isEqualTo("Gen-Acc opens new positions on Thursday; 2026-11-09 is a Monday");
    }

    @Test
    void revListsAllItsEntryDays() {
        SleeveDecision d = WHEEL.decide(state(rev(), "150000.00"), genThursday(), on(THU));
        assertThat(d.skipped()).extracting(SkippedTrade::detail)
                .containsExactly("Rev-Acc opens new positions on Monday, Tuesday, Wednesday; 2026-11-12 is a Thursday");
    }

    @Test
    void idleSleevesAreRecognisedWithoutDeciding() {
        SleeveState putsOnly = state(gen(), "200000.00", shortPut(SleeveKind.GEN, TSLA, NEXT_FRI, "390", 1, "3.00", LAST_THU));
        assertThat(Strategies.isIdle(putsOnly, MON)).isTrue();
        assertThat(Strategies.isIdle(putsOnly, THU)).as("entry day").isFalse();
        SleeveState takingProfits = state(withProfitTake(gen(), 50), "200000.00", putsOnly.positions().toArray(new io.alluse.domain.ledger.Position[0]));
        assertThat(Strategies.isIdle(takingProfits, MON)).as("a short option a profit-take may close").isFalse();
        SleeveState assigned = state(gen(), "121400.00", shares(SleeveKind.GEN, TSLA, 200, "79000.00", LAST_THU));
        assertThat(Strategies.isIdle(assigned, MON)).as("shares a call may be written on").isFalse();
        SleeveState oddLot = state(gen(), "121400.00", shares(SleeveKind.GEN, TSLA, 99, "39000.00", LAST_THU));
        assertThat(Strategies.isIdle(oddLot, MON)).isTrue();
        SleeveDecision d = WHEEL.decide(oddLot, mondayCalls(392.00, "392.5"), on(MON));
        assertThat(d.orders()).isEmpty();
        assertThat(d.skipped()).extracting(SkippedTrade::reason).containsExactly(SkipReason.NOT_AN_ENTRY_DAY);
    }

    @Test
    void decidesNothingOnAnExchangeHoliday() {
        LocalDate thanksgiving = LocalDate.of(2026, 11, 26);
        SleeveDecision d = WHEEL.decide(state(gen(), "200000.00"), genThursday(), on(thanksgiving));
        assertThat(d.orders()).isEmpty();
        assertThat(d.skipped()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(SkipReason.NOT_A_TRADING_DAY);
            assertThat(s.detail()).startsWith("2026-11-26 (Thursday) is not a trading day: Thanksgiving");
        });
    }

    @Test
    void takesTheNearestExpiryInsideTheDteRange() {
        // DTE 0-14 holds both 11-13 (1 day) and 11-20 (8 days): the nearest, 11-13, is sold
        SleeveDecision wide = WHEEL.decide(state(withDte(gen(), 0, 14), "200000.00"), genThursday(), on(THU));
        assertThat(wide.orders()).extracting(o -> ((io.alluse.domain.OptionContract) o.instrument()).expiry()).containsOnly(FRI);

        // DTE 2-9 holds only 11-20; TSLA's 11-20 chain has no |delta| in the band, NVDA lists no 11-20 at all
        SleeveDecision later = WHEEL.decide(state(withDte(gen(), 2, 9), "200000.00"), genThursday(), on(THU));
        assertThat(later.orders()).isEmpty();
        assertThat(later.skipped()).extracting(SkippedTrade::reason, SkippedTrade::detail).containsExactly(
                tuple(SkipReason.NO_STRIKE_IN_DELTA_RANGE, "TSLA 2026-11-20 puts: no strike with |delta| in 0.40-0.50 (nearest seen 0.20)"),
                tuple(SkipReason.NO_EXPIRY_IN_DTE_RANGE, "NVDA: no expiry 2-9 days out from 2026-11-12; nearest listed 2026-11-13 (1 day)"));

        // DTE 2-6: 1 day is too near, 8 days too far
        SleeveDecision none = WHEEL.decide(state(withDte(gen(), 2, 6), "200000.00"), genThursday(), on(THU));
        assertThat(none.skipped(SkipReason.NO_EXPIRY_IN_DTE_RANGE)).extracting(SkippedTrade::detail).first()
                .isEqualTo("TSLA: no expiry 2-6 days out from 2026-11-12; nearest listed 2026-11-13 (1 day), 2026-11-20 (8 days)");
    }

    @Test
    void skipsWhenNoStrikeIsInsideTheDeltaRange() {
        FixedMarket m = new FixedMarket(window(THU)).spot(TSLA, 400)
                .put(TSLA, FRI, "385", "2.90", "3.00", -0.30)
                .put(TSLA, FRI, "390", "4.10", "4.30", -0.38)
                .put(TSLA, FRI, "400", "8.00", "8.20", -0.52)
                .put(TSLA, FRI, "405", "10.90", "11.20", -0.60);
        SleeveDecision d = WHEEL.decide(state(only(gen(), TSLA), "200000.00"), m, on(THU));
        assertThat(d.orders()).isEmpty();
        assertThat(d.skipped()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(SkipReason.NO_STRIKE_IN_DELTA_RANGE);
            assertThat(s.symbol()).contains(TSLA);
            assertThat(s.detail()).isEqualTo("TSLA 2026-11-13 puts: no strike with |delta| in 0.40-0.50 (nearest seen 0.38 and 0.52)");
        });
    }

    @Test
    void skipsAPremiumBelowTheFloor() {
        // TSLA 395P bid 5.80 ask 6.00: sell at 5.88; 5.88 / 395 = 1.4886% < 1.5%/wk (1 DTE counts as a week)
        FixedMarket m = genThursday().put(TSLA, FRI, "395", "5.80", "6.00", -0.44);
        SleeveDecision d = WHEEL.decide(state(gen(), "200000.00"), m, on(THU));
        assertThat(d.skipped()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(SkipReason.PREMIUM_BELOW_FLOOR);
            assertThat(s.detail()).isEqualTo("TSLA 2026-11-13 395P premium 5.88 = 1.48% of strike < floor 1.5%/wk");
        });
        // the TSLA skip leaves NVDA's trade as it was (its own 50% cap binds: 5 contracts)
        assertThat(d.orders()).singleElement().satisfies(o -> {
            assertThat(o.instrument().underlying()).isEqualTo(NVDA);
            assertThat(o.quantity()).isEqualTo(5);
        });
    }

    /**
     * Rev-Acc on Wednesday 2026-11-11: 2026-11-20 is 9 days out, so the floor is 1%/wk x 9/7 = 1.2857%
     * of the strike: for the AAPL 225P at least 2.893, i.e. 2.90.
     */
    @Test
    void theFloorScalesWithWeeksHeldBeyondOne() {
        SleeveConfig aaplOnly = only(rev(), AAPL);
        FixedMarket below = revWednesday("2.86", "2.94");   // spread 8c -> concession 1c: floor(2.90 - 0.01) = 2.89
        SleeveDecision d = WHEEL.decide(state(aaplOnly, "150000.00"), below, on(WED));
        assertThat(d.orders()).isEmpty();
        assertThat(d.skipped()).extracting(SkippedTrade::reason, SkippedTrade::detail).containsExactly(tuple(SkipReason.PREMIUM_BELOW_FLOOR,
                "AAPL 2026-11-20 225P premium 2.89 = 1.28% of strike < floor 1%/wk x 9/7 weeks = 1.29%"));

        FixedMarket met = revWednesday("2.88", "2.94");     // floor(2.91 - 0.01) = 2.90
        SleeveDecision ok = WHEEL.decide(state(aaplOnly, "150000.00"), met, on(WED));
        // 150,000 -> deployable 142,500 -> AAPL may commit 71,250 -> 3 x 22,500
        assertThat(ok.orders()).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId().value()).isEqualTo("account-1.rev.2026-W46.aapl-p");
            assertThat(o.limitPrice()).isEqualTo(dollars("2.90"));
            assertThat(o.quantity()).isEqualTo(3);
            assertThat(o.rationale()).contains("9 DTE; premium 1.28% of strike >= floor 1%/wk x 9/7 weeks = 1.28%");
        });
    }

    private static FixedMarket revWednesday(String bid, String ask) {
        return new FixedMarket(window(WED)).spot(AAPL, 230.00)
                .put(AAPL, FRI, "225", "0.60", "0.65", -0.20)
                .put(AAPL, NEXT_FRI, "220", "1.60", "1.70", -0.25)
                .put(AAPL, NEXT_FRI, "225", bid, ask, -0.35)
                .put(AAPL, NEXT_FRI, "230", "4.90", "5.05", -0.47);
    }

    /**
     * A TSLA 390P (2026-11-20) sold last Thursday is still open: 39,000 of collateral. Its mid is 2.00,
     * so it marks at -200. Equity 200,000 - 200 = 199,800; deployable 189,810; per symbol 94,905.
     * TSLA may commit 94,905 - 39,000 = 55,905 -> 1 x 39,500. The sleeve: min(189,810 - 39,000,
     * cash 200,000 - buffer 9,990 - collateral 39,000) = min(150,810, 151,010) = 150,810, less the new
     * 39,500 = 111,310. NVDA: min(94,905, 111,310) / 17,750 = 5.3 -> 5 contracts.
     */
    @Test
    void sizingSubtractsCommittedCollateralPerSymbolAndForTheSleeve() {
        SleeveState s = state(gen(), "200000.00", shortPut(SleeveKind.GEN, TSLA, NEXT_FRI, "390", 1, "3.00", LAST_THU));
        SleeveDecision d = WHEEL.decide(s, genThursday(), on(THU));
        assertThat(d.orders()).extracting(o -> o.instrument().underlying(), OrderIntent::quantity)
                .containsExactly(tuple(TSLA, 1L), tuple(NVDA, 5L));
        assertThat(d.orders().getFirst().rationale()).endsWith("collateral 1 x $39,500.00 = $39,500.00 of the $55,905.00 TSLA may commit");
        assertThat(d.orders().get(1).rationale()).endsWith("of the $94,905.00 NVDA may commit");
    }

    @Test
    void aWorkingPutOrderCommitsItsCollateralToo() {
        // an unfilled sell of 2 NVDA 175P from another cycle is still working: 35,000 of NVDA's 95,000 are taken
        OrderIntent earlier = new OrderIntent(io.alluse.domain.ledger.ClientOrderId.of(ACCOUNT, SleeveKind.GEN, "2026-W45", "nvda-p"),
                SleeveKind.GEN, "2026-W45", option(NVDA, FRI, OptionRight.PUT, "175"), OrderSide.SELL, PositionEffect.OPEN, 2,
                dollars("2.74"), "test");
        SleeveState s = state(gen(), "200000.00", List.of(), List.of(recorded(earlier, OrderStatus.SUBMITTED, 0, window(LAST_THU))));
        SleeveDecision d = WHEEL.decide(s, genThursday(), on(THU));
        // TSLA: 2 x 39,500 as before; NVDA: min(95,000 - 35,000, 190,000 - 35,000 - 79,000) = 60,000 -> 3 x 17,750
        assertThat(d.orders()).extracting(o -> o.instrument().underlying(), OrderIntent::quantity)
                .containsExactly(tuple(TSLA, 2L), tuple(NVDA, 3L));
    }

    @Test
    void noCashWhenNotOneContractFits() {
        // 30,000 -> deployable 28,500 -> per symbol 14,250: less than one TSLA 395P (39,500) or NVDA 177.5P (17,750)
        SleeveDecision d = WHEEL.decide(state(gen(), "30000.00"), genThursday(), on(THU));
        assertThat(d.orders()).isEmpty();
        assertThat(d.skipped()).extracting(SkippedTrade::reason).containsExactly(SkipReason.NO_CASH, SkipReason.NO_CASH);
        assertThat(d.skipped().getFirst().detail()).isEqualTo("TSLA 2026-11-13 395P needs $39,500.00 per contract; TSLA may commit"
                + " $14,250.00 more (cap $14,250.00 = 50% of deployable $28,500.00, less $0.00 committed; the sleeve has $28,500.00 available)");
    }

    @Test
    void cashBelowWhatSecuresTheOpenPutsCommitsNothingNew() {
        // after a re-split the sleeve holds 30,000 of cash but a TSLA 390P needing 39,000 of collateral:
        // equity 29,800 -> deployable 28,310; 28,310 - 39,000 < 0, so nothing is available
        SleeveState s = state(gen(), "30000.00", shortPut(SleeveKind.GEN, TSLA, NEXT_FRI, "390", 1, "3.00", LAST_THU));
        SleeveDecision d = WHEEL.decide(s, genThursday(), on(THU));
        assertThat(d.orders()).isEmpty();
        assertThat(d.skipped()).extracting(SkippedTrade::reason, SkippedTrade::detail).containsExactly(
                tuple(SkipReason.NO_CASH, "TSLA: no put, nothing left to commit: TSLA may commit $0.00 more (cap $14,155.00 = 50% of"
                        + " deployable $28,310.00, less $39,000.00 committed; the sleeve has $0.00 available)"),
                tuple(SkipReason.NO_CASH, "NVDA: no put, nothing left to commit: NVDA may commit $0.00 more (cap $14,155.00 = 50% of"
                        + " deployable $28,310.00, less $0.00 committed; the sleeve has $0.00 available)"));
    }

    /**
     * Assigned: 200 TSLA at 395 (cost 79,000). Monday 2026-11-09, TSLA at 392; 2026-11-13 is 4 days out.
     * Calls: 390 |delta| 0.55 (above the band), 392.5 0.45 (exactly the target, but below the cost of
     * 395.00 a share), 395 0.42 (in band, at cost: the pick), 400 0.34 (below the band). Sell 2 at
     * max(3.90, mid 3.975 - 0.02 = 3.955 -> 3.95).
     */
    @Test
    void assignedSharesGetCoveredCallsAboveCostBasisOnAnyTradingDay() {
        SleeveState s = state(gen(), "121400.00", shares(SleeveKind.GEN, TSLA, 200, "79000.00", LAST_THU.plusDays(2)));
        SleeveDecision d = WHEEL.decide(s, mondayCalls(392.00, "392.5"), on(MON));
        assertThat(d.orders()).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId().value()).isEqualTo("account-1.gen.2026-W46.tsla-c");
            assertThat(o.instrument()).isEqualTo(option(TSLA, FRI, OptionRight.CALL, "395"));
            assertThat(o.side()).isEqualTo(OrderSide.SELL);
            assertThat(o.effect()).isEqualTo(PositionEffect.OPEN);
            assertThat(o.quantity()).isEqualTo(2);
            assertThat(o.limitPrice()).isEqualTo(dollars("3.95"));
            assertThat(o.rationale()).contains("200 shares held, 0 call(s) already written", "at or above the cost basis 395.00", "4 DTE");
        });
        // Monday is no entry day for puts
        assertThat(d.skipped()).extracting(SkippedTrade::reason).containsExactly(SkipReason.NOT_AN_ENTRY_DAY);
    }

    @Test
    void coveredCallsWaitWhileEveryInBandStrikeIsBelowCost() {
        // TSLA fell to 360: the in-band calls (360 at 0.48, 365 at 0.41) would sell shares bought at 395 at a loss
        FixedMarket m = new FixedMarket(window(MON)).spot(TSLA, 360.00)
                .call(TSLA, FRI, "360", "8.00", "8.20", 0.48)
                .call(TSLA, FRI, "365", "6.00", "6.20", 0.41)
                .call(TSLA, FRI, "395", "0.40", "0.45", 0.12);
        SleeveState s = state(gen(), "121400.00", shares(SleeveKind.GEN, TSLA, 200, "79000.00", LAST_THU.plusDays(2)));
        SleeveDecision d = WHEEL.decide(s, m, on(MON));
        assertThat(d.orders()).isEmpty();
        assertThat(d.skipped(SkipReason.NO_STRIKE_ABOVE_COST_BASIS)).extracting(SkippedTrade::detail).containsExactly(
                "TSLA 2026-11-13 calls: every strike with |delta| in 0.40-0.50 is below the cost basis 395.00 a share (highest 365 at |delta| 0.41)");
    }

    @Test
    void sharesAlreadyCoveredGetNoMoreCalls() {
        // 250 shares, 2 calls written: 250 / 100 - 2 = 0 more
        SleeveState s = state(gen(), "121400.00", shares(SleeveKind.GEN, TSLA, 250, "98750.00", LAST_THU.plusDays(2)),
                shortCall(SleeveKind.GEN, TSLA, FRI, "400", 2, "2.00", MON));
        assertThat(WHEEL.decide(s, mondayCalls(392.00, "392.5"), on(TUE)).orders()).isEmpty();
        // 350 shares, 2 written: one more
        SleeveState more = state(gen(), "121400.00", shares(SleeveKind.GEN, TSLA, 350, "138250.00", LAST_THU),
                shortCall(SleeveKind.GEN, TSLA, FRI, "400", 2, "2.00", LAST_THU));
        assertThat(WHEEL.decide(more, mondayCalls(392.00, "392.5"), on(TUE)).orders()).singleElement()
                .satisfies(o -> assertThat(o.quantity()).isEqualTo(1));
    }

    private static FixedMarket mondayCalls(double spot, String atTargetStrike) {
        return new FixedMarket(window(MON)).spot(TSLA, spot)
                .call(TSLA, FRI, "390", "6.00", "6.20", 0.55)
                .call(TSLA, FRI, atTargetStrike, "4.90", "5.05", 0.45)
                .call(TSLA, FRI, "395", "3.90", "4.05", 0.42)
                .call(TSLA, FRI, "400", "2.30", "2.40", 0.34)
                .spot(NVDA, 180.00);
    }

    /**
     * Thursday with 200 TSLA held (cost 79,000, now worth 80,000) and 2 TSLA 410C written on Monday
     * (mid 0.52: marks at -104); cash 121,400. Equity 121,400 + 80,000 - 104 = 201,296; deployable
     * 191,231.20; per symbol 95,615.60. TSLA has 79,000 tied up in shares: 16,615.60 left, less than a
     * put's 39,500 -> no TSLA put. The sleeve: min(191,231.20 - 79,000, cash 121,400 - buffer 10,064.80)
     * = min(112,231.20, 111,335.20) = 111,335.20: the 1,000 gain on the shares is no cash. NVDA:
     * min(95,615.60, 111,335.20) / 17,750 = 5.4 -> 5.
     */
    @Test
    void heldSharesTieUpTheirSymbolsCashUntilCalledAway() {
        FixedMarket m = genThursday().call(TSLA, FRI, "410", "0.50", "0.54", 0.10);
        SleeveState holding = state(gen(), "121400.00", shares(SleeveKind.GEN, TSLA, 200, "79000.00", LAST_THU.plusDays(2)),
                shortCall(SleeveKind.GEN, TSLA, FRI, "410", 2, "2.00", MON));
        SleeveDecision d = WHEEL.decide(holding, m, on(THU));
        assertThat(d.orders()).extracting(o -> o.instrument().underlying(), OrderIntent::quantity).containsExactly(tuple(NVDA, 5L));
        assertThat(d.skipped()).extracting(SkippedTrade::reason, SkippedTrade::detail).containsExactly(tuple(SkipReason.NO_CASH,
                "TSLA 2026-11-13 395P needs $39,500.00 per contract; TSLA may commit $16,615.60 more (cap $95,615.60 = 50% of"
                        + " deployable $191,231.20, less $79,000.00 committed; the sleeve has $111,335.20 available)"));

        // called away at 410: the shares and the calls are gone, the cash is 121,400 + 82,000 = 203,400
        // -> deployable 193,230 -> per symbol 96,615: TSLA puts again, 2 x 39,500
        SleeveDecision after = WHEEL.decide(state(gen(), "203400.00"), m, on(THU));
        assertThat(after.orders()).extracting(o -> o.instrument().underlying(), OrderIntent::quantity)
                .containsExactly(tuple(TSLA, 2L), tuple(NVDA, 5L));
    }

    /**
     * Profit-take 50%: 2 TSLA 395P (2026-11-20) sold at 5.88 brought 1,176.00. Friday, not an entry day.
     * Bid 2.80 ask 2.90: buy at min(2.90, mid 2.85 + 0.01) = 2.86 -> 572.00 <= 1,176 x 50% = 588 -> close,
     * capturing (1,176 - 572) / 1,176 = 51.36%. Bid 2.90 ask 3.00: 2.96 -> 592.00 > 588 -> keep.
     */
    @Test
    void profitTakeBuysBackOnceEnoughPremiumIsCapturedOnAnyDay() {
        SleeveConfig cfg = withProfitTake(gen(), 50);
        SleeveState s = state(cfg, "200000.00", shortPut(SleeveKind.GEN, TSLA, NEXT_FRI, "395", 2, "5.88", THU));
        FixedMarket cheap = new FixedMarket(window(FRI)).spot(TSLA, 412).put(TSLA, NEXT_FRI, "395", "2.80", "2.90", -0.22).spot(NVDA, 180);
        SleeveDecision d = WHEEL.decide(s, cheap, on(FRI));
        assertThat(d.orders()).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId().value()).isEqualTo("account-1.gen.2026-11-13.btc-tsla-p-39500");
            assertThat(o.cycle()).isEqualTo("2026-11-13");
            assertThat(o.instrument()).isEqualTo(option(TSLA, NEXT_FRI, OptionRight.PUT, "395"));
            assertThat(o.side()).isEqualTo(OrderSide.BUY);
            assertThat(o.effect()).isEqualTo(PositionEffect.CLOSE);
            assertThat(o.quantity()).isEqualTo(2);
            assertThat(o.limitPrice()).isEqualTo(dollars("2.86"));
            assertThat(o.rationale()).isEqualTo("Buy to close 2 TSLA 2026-11-20 395P at 2.86 (bid 2.80, ask 2.90): $572.00 to buy back"
                    + " against $1,176.00 received captures 51.36% >= profit-take 50%");
        });

        FixedMarket dear = new FixedMarket(window(FRI)).spot(TSLA, 409).put(TSLA, NEXT_FRI, "395", "2.90", "3.00", -0.25).spot(NVDA, 180);
        assertThat(WHEEL.decide(s, dear, on(FRI)).orders()).isEmpty();

        // the same position without a profit-take configured is left alone however cheap it gets
        SleeveState off = state(gen(), "200000.00", shortPut(SleeveKind.GEN, TSLA, NEXT_FRI, "395", 2, "5.88", THU));
        assertThat(WHEEL.decide(off, cheap, on(FRI)).orders()).isEmpty();
    }

    @Test
    void aWorkingBuyToCloseIsNotRepeated() {
        SleeveConfig cfg = withProfitTake(gen(), 50);
        SleeveState s = state(cfg, "200000.00", shortPut(SleeveKind.GEN, TSLA, NEXT_FRI, "395", 2, "5.88", THU));
        FixedMarket cheap = new FixedMarket(window(FRI)).spot(TSLA, 412).put(TSLA, NEXT_FRI, "395", "2.80", "2.90", -0.22).spot(NVDA, 180);
        OrderIntent close = WHEEL.decide(s, cheap, on(FRI)).orders().getFirst();
        SleeveState working = state(cfg, "200000.00", s.positions(), List.of(recorded(close, OrderStatus.SUBMITTED, 0, window(FRI))));
        SleeveDecision again = WHEEL.decide(working, cheap, on(FRI));
        assertThat(again.orders()).isEmpty();
        assertThat(again.skipped(SkipReason.ALREADY_OPEN)).hasSize(1);
    }

    @Test
    void aRepeatedDecisionFindsItsOwnOrdersAndNamesTheSameIds() {
        SleeveDecision first = WHEEL.decide(state(gen(), "200000.00"), genThursday(), on(THU));
        // the same decision again, as after a restart before anything was stored: identical ids
        SleeveDecision restart = WHEEL.decide(state(gen(), "200000.00"), genThursday(), new CycleContext(THU, window(THU).plusSeconds(900)));
        assertThat(restart.orders()).extracting(o -> o.clientOrderId().value())
                .containsExactly("account-1.gen.2026-W46.tsla-p", "account-1.gen.2026-W46.nvda-p")
                .containsExactlyElementsOf(first.orders().stream().map(o -> o.clientOrderId().value()).toList());

        // with the first decision's orders stored (and the cash they hold unchanged), nothing new: both legs are taken
        List<OrderRecord> stored = first.orders().stream().map(o -> recorded(o, OrderStatus.INTENT, 0, window(THU))).toList();
        SleeveDecision second = WHEEL.decide(state(gen(), "200000.00", List.of(), stored), genThursday(), on(THU));
        assertThat(second.orders()).isEmpty();
        assertThat(second.skipped()).extracting(SkippedTrade::reason, SkippedTrade::symbol).containsExactly(
                tuple(SkipReason.ALREADY_OPEN, Optional.of(TSLA)), tuple(SkipReason.ALREADY_OPEN, Optional.of(NVDA)));
        assertThat(second.skipped().getFirst().detail())
                .isEqualTo("TSLA: this week's put (2026-W46) is already open or working; one entry per symbol per week");
    }

    /**
     * Rev-Acc enters Monday to Wednesday. Monday 2026-11-09 with a Wednesday expiry 2026-11-18 listed
     * (9 days): it sells AAPL puts. On Tuesday the Monday put is held (or its order is still working):
     * no second AAPL put that week, though 2026-11-18 (8 days) would still qualify.
     */
    @Test
    void revSellsOnePutPerSymbolPerWeekAcrossItsEntryDays() {
        SleeveConfig aaplOnly = only(rev(), AAPL);
        FixedMarket monday = revMarket(MON);
        SleeveDecision mon = WHEEL.decide(state(aaplOnly, "150000.00"), monday, on(MON));
        // 3.04 >= 225 x 1%/wk x 9/7 = 2.893; 71,250 / 22,500 -> 3 contracts
        assertThat(mon.orders()).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId().value()).isEqualTo("account-1.rev.2026-W46.aapl-p");
            assertThat(o.instrument()).isEqualTo(option(AAPL, NEXT_WED, OptionRight.PUT, "225"));
            assertThat(o.quantity()).isEqualTo(3);
            assertThat(o.limitPrice()).isEqualTo(dollars("3.04"));
        });

        FixedMarket tuesday = revMarket(TUE);
        SleeveState filled = state(aaplOnly, "150912.00", shortPut(SleeveKind.REV, AAPL, NEXT_WED, "225", 3, "3.04", MON));
        SleeveDecision tue = WHEEL.decide(filled, tuesday, on(TUE));
        assertThat(tue.orders()).isEmpty();
        assertThat(tue.skipped()).extracting(SkippedTrade::reason).containsExactly(SkipReason.ALREADY_OPEN);

        SleeveState working = state(aaplOnly, "150000.00", List.of(),
                List.of(recorded(mon.orders().getFirst(), OrderStatus.SUBMITTED, 0, window(MON))));
        assertThat(WHEEL.decide(working, tuesday, on(TUE)).skipped()).extracting(SkippedTrade::reason).containsExactly(SkipReason.ALREADY_OPEN);

        // a partly filled order: 1 held, 2 still working; the leg is taken and all 3 contracts' collateral counted
        SleeveState partly = state(aaplOnly, "150304.00", List.of(shortPut(SleeveKind.REV, AAPL, NEXT_WED, "225", 1, "3.04", MON)),
                List.of(recorded(mon.orders().getFirst(), OrderStatus.PARTIALLY_FILLED, 1, window(MON))));
        assertThat(WHEEL.decide(partly, tuesday, on(TUE)).orders()).isEmpty();

        // a put opened last week does not block this week's entry
        SleeveState lastWeek = state(aaplOnly, "150000.00", shortPut(SleeveKind.REV, AAPL, FRI, "220", 1, "2.00", LAST_THU));
        assertThat(WHEEL.decide(lastWeek, tuesday.put(AAPL, FRI, "220", "0.10", "0.12", -0.05), on(TUE)).orders()).hasSize(1);
    }

    private static FixedMarket revMarket(LocalDate day) {
        return new FixedMarket(window(day)).spot(AAPL, 230.00)
                .put(AAPL, FRI, "225", "0.60", "0.65", -0.20)
                .put(AAPL, NEXT_WED, "220", "1.60", "1.70", -0.27)
                .put(AAPL, NEXT_WED, "225", "3.00", "3.10", -0.36)
                .put(AAPL, NEXT_WED, "230", "4.90", "5.05", -0.47)
                .put(AAPL, NEXT_FRI, "225", "3.30", "3.40", -0.37);
    }

    @Test
    void sameInputsGiveIdenticalDecisionsOnAnyThread() throws Exception {
        SleeveState s = state(withProfitTake(gen(), 40), "200000.00", shares(SleeveKind.GEN, NVDA, 300, "52500.00", LAST_THU),
                shortPut(SleeveKind.GEN, TSLA, NEXT_FRI, "390", 1, "6.00", LAST_THU));
        FixedMarket m = genThursday().call(NVDA, FRI, "180", "1.50", "1.60", 0.46);
        SleeveDecision reference = WHEEL.decide(s, m, on(THU));
        assertThat(reference.orders()).isNotEmpty();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SleeveDecision>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                runs.add(pool.submit(() -> Strategies.forKind(SleeveKind.GEN).decide(s, m, on(THU))));
            }
            for (Future<SleeveDecision> f : runs) {
                assertThat(f.get()).isEqualTo(reference);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unquotedSymbolsAndBidlessStrikesAreSkippedNotFatal() {
        SleeveConfig cfg = gen().withParameters(gen().parameters().withSymbols(List.of(new Symbol("AMD"), TSLA)));
        FixedMarket m = genThursday().put(TSLA, FRI, "395", "0.00", "0.01", -0.44);
        SleeveDecision d = WHEEL.decide(state(cfg, "200000.00"), m, on(THU));
        assertThat(d.orders()).isEmpty();
        assertThat(d.skipped()).extracting(SkippedTrade::reason, SkippedTrade::detail).containsExactly(
                tuple(SkipReason.NO_QUOTE, "AMD: no options listed: AMD is not quoted by the fixed test market"),
                tuple(SkipReason.NO_QUOTE, "TSLA 2026-11-13 395P: no bid (bid 0.00, ask 0.01)"));
    }

    @Test
    void rejectsStatesItDoesNotRun() {
        SleeveState com = state(Scenario.com(), "100000.00");
        assertThatThrownBy(() -> WHEEL.decide(com, genThursday(), on(THU))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Com-Acc");
        assertThatThrownBy(() -> state(gen(), "1.00", shortPut(SleeveKind.REV, AAPL, FRI, "225", 1, "1.00", MON)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to Rev-Acc");
        assertThatThrownBy(() -> new CycleContext(THU, window(FRI))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-11-13 in New York, not on the trading day 2026-11-12");
        assertThatThrownBy(() -> new SleeveState(ACCOUNT, gen(), Percent.HUNDRED, dollars("1.00"), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cash buffer");
    }

    static SleeveConfig withDte(SleeveConfig c, int min, int max) {
        StrategyParameters p = c.parameters();
        return c.withParameters(new StrategyParameters(p.symbols(), p.delta(), new DteRange(min, max), p.entryDays(), p.premiumFloor(),
                p.profitTake(), p.perSymbolCap()));
    }

    static SleeveConfig withProfitTake(SleeveConfig c, int percent) {
        StrategyParameters p = c.parameters();
        return c.withParameters(new StrategyParameters(p.symbols(), p.delta(), p.dte(), p.entryDays(), p.premiumFloor(),
                Percent.of(percent), p.perSymbolCap()));
    }

    static SleeveConfig only(SleeveConfig c, Symbol symbol) {
        return c.withParameters(c.parameters().withSymbols(List.of(symbol)));
    }
}
