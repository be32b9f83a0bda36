package io.alluse.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PositionSizingTest {

    private static final StrategyParameters GEN = Defaults.sleeve(SleeveKind.GEN).parameters();

    @Test
    void deployableKeepsTheFivePercentBuffer() {
        // Gen-Acc of the default account: $200,000 x 95% = $190,000
        assertThat(PositionSizing.deployable(Money.ofDollars(200_000), Percent.of(5))).isEqualTo(Money.ofDollars(190_000));
        // rounds down: $100.01 x 95% = $95.0095 -> $95.00
        assertThat(PositionSizing.deployable(Money.ofCents(10_001), Percent.of(5))).isEqualTo(Money.ofCents(9_500));
    }

    @Test
    void cashSecuredPutsAreWholeContractsTheCashCovers() {
        // $40,000 of cash at a $182.50 strike: each put needs $18,250 -> 2 contracts ($36,500)
        assertThat(PositionSizing.cashSecuredPuts(Money.ofDollars(40_000), Money.ofCents(18_250))).isEqualTo(2);
        assertThat(PositionSizing.cashSecuredPuts(Money.ofCents(1_824_999), Money.ofCents(18_250))).isZero();
        assertThat(PositionSizing.cashSecuredPuts(Money.ofDollars(-5), Money.ofCents(18_250))).isZero();
    }

    @Test
    void defaultGenSleeveSizingByHand() {
        // Gen-Acc $200,000 -> deployable $190,000; cap 50% -> $95,000 per symbol.
        // TSLA at a $400 strike needs $40,000 per put -> 2 puts ($80,000).
        // NVDA at $180 needs $18,000 -> min($95,000, $110,000 left) = $95,000 -> 5 puts ($90,000).
        Map<Symbol, Money> strikes = new LinkedHashMap<>();
        strikes.put(new Symbol("TSLA"), Money.ofDollars(400));
        strikes.put(new Symbol("NVDA"), Money.ofDollars(180));
        SizingPlan plan = PositionSizing.plan(Money.ofDollars(200_000), Percent.of(5), GEN, strikes, Money.ZERO);
        assertThat(plan.deployable()).isEqualTo(Money.ofDollars(190_000));
        assertThat(plan.lines()).extracting(SizingPlan.Line::contracts).containsExactly(2, 5);
        assertThat(plan.committed()).isEqualTo(Money.ofDollars(170_000));
        assertThat(plan.uncommitted()).isEqualTo(Money.ofDollars(20_000));
    }

    @Test
    void collateralAlreadyCommittedReducesWhatIsLeft() {
        Map<Symbol, Money> strikes = Map.of(new Symbol("TSLA"), Money.ofDollars(400), new Symbol("NVDA"), Money.ofDollars(180));
        SizingPlan plan = PositionSizing.plan(Money.ofDollars(200_000), Percent.of(5), GEN, strikes, Money.ofDollars(150_000));
        // $40,000 left: TSLA takes 1 put ($40,000), nothing remains for NVDA
        assertThat(plan.lines()).extracting(SizingPlan.Line::contracts).containsExactly(1, 0);
        assertThat(plan.uncommitted()).isEqualTo(Money.ZERO);
    }

    @Test
    void coveredCallsFromSharesHeld() {
        assertThat(PositionSizing.coveredCalls(250, 0)).isEqualTo(2);
        assertThat(PositionSizing.coveredCalls(250, 1)).isEqualTo(1);
        assertThat(PositionSizing.coveredCalls(99, 0)).isZero();
        assertThat(PositionSizing.coveredCalls(300, 5)).isZero();
    }

    @Property(tries = 1000)
    void sizingNeverCommitsMoreThanIsDeployableNorNegativeContracts(
            @ForAll @LongRange(min = -1_000_000, max = 5_000_000_000L) long capitalCents,
            @ForAll @IntRange(min = 0, max = 5000) int bufferBp,
            @ForAll @IntRange(min = 1, max = 10_000) int capBp,
            @ForAll("strikes") List<Long> strikeCents,
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long committedCents) {
        List<Symbol> symbols = List.of(new Symbol("AAA"), new Symbol("BBB"), new Symbol("CCC"));
        StrategyParameters params = new StrategyParameters(symbols, new DeltaRange(0.3, 0.4), new DteRange(5, 9),
                java.util.Set.of(java.time.DayOfWeek.MONDAY), Percent.of(1), Percent.ZERO, Percent.ofBasisPoints(capBp));
        Map<Symbol, Money> strikes = new LinkedHashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            strikes.put(symbols.get(i), Money.ofCents(strikeCents.get(i)));
        }
        Money capital = Money.ofCents(capitalCents);
        SizingPlan plan = PositionSizing.plan(capital, Percent.ofBasisPoints(bufferBp), params, strikes, Money.ofCents(committedCents));
        Money deployable = PositionSizing.deployable(capital, Percent.ofBasisPoints(bufferBp));
        Money free = deployable.minus(Money.ofCents(committedCents)).max(Money.ZERO);
        assertThat(plan.committed()).isLessThanOrEqualTo(free);
        assertThat(deployable).isLessThanOrEqualTo(capital.max(Money.ZERO));
        for (SizingPlan.Line line : plan.lines()) {
            assertThat(line.contracts()).isNotNegative();
            assertThat(line.collateral()).isLessThanOrEqualTo(PositionSizing.perSymbolBudget(deployable, params.perSymbolCap()));
            assertThat(line.collateral()).isEqualTo(line.strike().times(100).times(line.contracts()));
        }
    }

    @Provide
    Arbitrary<List<Long>> strikes() {
        return Arbitraries.longs().between(1, 500_000).list().ofSize(3);
    }
}
