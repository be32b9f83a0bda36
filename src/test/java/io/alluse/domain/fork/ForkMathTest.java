package io.alluse.domain.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.domain.Money;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveKind;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ForkMathTest {

    private static final ForkRules RULES = ForkRules.defaults();
    private static final Money GEN_CAPITAL = Money.ofDollars(200_000);

    private static GenAccGrowth gen(Money equity, Money freeCash) {
        return new GenAccGrowth(equity, GEN_CAPITAL, freeCash);
    }

    @Test
    void forksTheWholeSurplusExactlyAtTheThreshold() {
        Money equity = GEN_CAPITAL.plus(Money.ofDollars(50_000));
        ForkDecision d = ForkMath.decide(RULES, gen(equity, Money.ofDollars(60_000)));
        assertThat(d).isInstanceOf(ForkDecision.Fork.class);
        ForkDecision.Fork fork = (ForkDecision.Fork) d;
        assertThat(fork.surplus()).isEqualTo(Money.ofDollars(50_000));
        // the default split: half Gen-Acc, nothing in Rev-Acc, half Com-Acc
        assertThat(fork.childCapital().of(SleeveKind.GEN)).isEqualTo(Money.ofDollars(25_000));
        assertThat(fork.childCapital().of(SleeveKind.REV)).isEqualTo(Money.ZERO);
        assertThat(fork.childCapital().of(SleeveKind.COM)).isEqualTo(Money.ofDollars(25_000));
    }

    @Test
    void noForkOneCentBelowTheThreshold() {
        Money equity = GEN_CAPITAL.plus(Money.ofDollars(50_000)).minus(Money.ofCents(1));
        assertThat(ForkMath.decide(RULES, gen(equity, Money.ofDollars(60_000)))).isInstanceOf(ForkDecision.NoFork.class);
    }

    @Test
    void aSurplusHeldInPositionsWaitsInsteadOfClosingThem() {
        Money equity = GEN_CAPITAL.plus(Money.ofDollars(70_000));
        ForkDecision d = ForkMath.decide(RULES, gen(equity, Money.ofDollars(69_999)));
        assertThat(d).isEqualTo(new ForkDecision.Wait(Money.ofDollars(70_000), Money.ofDollars(69_999)));
    }

    @Test
    void offMeansNeverAndRulesRefuseNonsense() {
        assertThat(ForkMath.decide(RULES.withEnabled(false), gen(Money.ofDollars(900_000), Money.ofDollars(900_000))))
                .isInstanceOf(ForkDecision.NoFork.class);
        assertThatThrownBy(() -> RULES.withForkThreshold(Money.ZERO)).hasMessageContaining("fork threshold");
        assertThatThrownBy(() -> new ForkRules(true, Money.ofDollars(1), Map.of(SleeveKind.GEN, Percent.of(50), SleeveKind.REV, Percent.of(10),
                SleeveKind.COM, Percent.of(50)), Money.ofDollars(5), ForkRules.Cadence.WEEKLY, ForkRules.MergeMode.TRANSFER_AT_MARKET))
                .hasMessageContaining("add up to 100%");
    }

    @Test
    void mergesAtTheMergeAmountNotACentBelow() {
        assertThat(ForkMath.shouldMerge(RULES, Money.ofDollars(500_000))).isTrue();
        assertThat(ForkMath.shouldMerge(RULES, Money.ofDollars(500_000).minus(Money.ofCents(1)))).isFalse();
    }

    @Test
    void weeklyChecksFallOnTheFirstCheckOfEachIsoWeek() {
        LocalDate monday = LocalDate.of(2031, 3, 3);
        assertThat(ForkMath.due(ForkRules.Cadence.WEEKLY, Optional.empty(), monday)).isTrue();
        assertThat(ForkMath.due(ForkRules.Cadence.WEEKLY, Optional.of(monday), monday.plusDays(4))).isFalse();
        assertThat(ForkMath.due(ForkRules.Cadence.WEEKLY, Optional.of(monday.plusDays(4)), monday.plusDays(7))).isTrue();
        // across a year end: ISO week 1 of 2032 follows week 52 of 2031
        assertThat(ForkMath.due(ForkRules.Cadence.WEEKLY, Optional.of(LocalDate.of(2031, 12, 26)), LocalDate.of(2031, 12, 29))).isTrue();
        assertThat(ForkMath.due(ForkRules.Cadence.DAILY, Optional.of(monday), monday.plusDays(1))).isTrue();
        assertThat(ForkMath.due(ForkRules.Cadence.DAILY, Optional.of(monday), monday)).isFalse();
    }

    /** Only free settled cash forks: whatever the numbers, a fork never takes more than is free, nor less than the threshold. */
    @Property
    void aForkNeverExceedsFreeCashAndNeverFallsShortOfTheThreshold(@ForAll @LongRange(min = -10_000_000_00L, max = 10_000_000_00L) long growthCents,
                                                                   @ForAll @LongRange(min = -1_000_000_00L, max = 10_000_000_00L) long freeCents,
                                                                   @ForAll @LongRange(min = 1, max = 1_000_000_00L) long thresholdCents) {
        ForkRules rules = RULES.withForkThreshold(Money.ofCents(thresholdCents));
        ForkDecision d = ForkMath.decide(rules, new GenAccGrowth(GEN_CAPITAL.plus(Money.ofCents(growthCents)), GEN_CAPITAL, Money.ofCents(freeCents)));
        if (d instanceof ForkDecision.Fork f) {
            assertThat(f.surplus().cents()).isEqualTo(growthCents).isLessThanOrEqualTo(freeCents).isGreaterThanOrEqualTo(thresholdCents);
        } else if (d instanceof ForkDecision.Wait w) {
            assertThat(growthCents).isGreaterThanOrEqualTo(thresholdCents).isGreaterThan(freeCents);
            assertThat(w.surplus().cents()).isEqualTo(growthCents);
        } else {
            assertThat(growthCents).isLessThan(thresholdCents);
        }
    }

    /** The new account's sleeves add up to the surplus to the cent, for any split. */
    @Property
    void theChildsSleevesSumToTheSurplusToTheCent(@ForAll @LongRange(min = 1, max = 100_000_000_00L) long surplusCents,
                                                  @ForAll @IntRange(min = 0, max = 10_000) int genBp, @ForAll @IntRange(min = 0, max = 10_000) int revRaw) {
        int revBp = Math.min(revRaw, 10_000 - genBp);
        ForkRules rules = new ForkRules(true, Money.ofCents(1), Map.of(SleeveKind.GEN, Percent.ofBasisPoints(genBp), SleeveKind.REV,
                Percent.ofBasisPoints(revBp), SleeveKind.COM, Percent.ofBasisPoints(10_000 - genBp - revBp)), Money.ofDollars(1),
                ForkRules.Cadence.DAILY, ForkRules.MergeMode.CLOSE_AT_MARKET);
        ForkDecision d = ForkMath.decide(rules, new GenAccGrowth(GEN_CAPITAL.plus(Money.ofCents(surplusCents)), GEN_CAPITAL,
                Money.ofCents(surplusCents)));
        ForkDecision.Fork fork = (ForkDecision.Fork) d;
        assertThat(fork.childCapital().total().cents()).isEqualTo(surplusCents);
        for (SleeveKind k : SleeveKind.values()) {
            // each sleeve within a cent of its exact share
            double exact = surplusCents * rules.childTargets().get(k).basisPoints() / 10_000.0;
            assertThat((double) fork.childCapital().of(k).cents()).isCloseTo(exact, org.assertj.core.data.Offset.offset(1.0));
        }
    }

    /** Growth is performance: capital put in (a deposit) raises the baseline as much as the equity, so it never forks. */
    @Property
    void aDepositIsNotGrowth(@ForAll @LongRange(min = 1, max = 10_000_000_00L) long depositCents,
                             @ForAll @LongRange(min = -40_000_00L, max = 49_999_99L) long earnedCents) {
        Money equity = GEN_CAPITAL.plus(Money.ofCents(earnedCents)).plus(Money.ofCents(depositCents));
        Money capitalIn = GEN_CAPITAL.plus(Money.ofCents(depositCents));
        assertThat(ForkMath.decide(RULES, new GenAccGrowth(equity, capitalIn, equity))).isInstanceOf(ForkDecision.NoFork.class);
    }
}
