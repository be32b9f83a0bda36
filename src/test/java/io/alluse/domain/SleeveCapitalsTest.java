package io.alluse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SleeveCapitalsTest {

    @Test
    void defaultSplitOfFiveHundredThousandIsFortyThirtyThirty() {
        SleeveCapitals split = SleeveCapitals.split(Money.ofDollars(500_000), Defaults.config(ExecutionWindow.of("10:00", "10:30")));
        assertThat(split.of(SleeveKind.GEN)).isEqualTo(Money.ofDollars(200_000));
        assertThat(split.of(SleeveKind.REV)).isEqualTo(Money.ofDollars(150_000));
        assertThat(split.of(SleeveKind.COM)).isEqualTo(Money.ofDollars(150_000));
    }

    @Test
    void leftoverCentsGoToTheLargestRemainders() {
        // $0.10 at 33.33/33.33/33.34: exact shares 3.333, 3.333, 3.334 cents -> 3, 3, 3 and one cent left,
        // which goes to Com (remainder .334 beats .333).
        Map<SleeveKind, Percent> targets = Map.of(SleeveKind.GEN, Percent.ofBasisPoints(3333),
                SleeveKind.REV, Percent.ofBasisPoints(3333), SleeveKind.COM, Percent.ofBasisPoints(3334));
        SleeveCapitals split = SleeveCapitals.split(Money.ofCents(10), targets);
        assertThat(split.of(SleeveKind.GEN).cents()).isEqualTo(3);
        assertThat(split.of(SleeveKind.REV).cents()).isEqualTo(3);
        assertThat(split.of(SleeveKind.COM).cents()).isEqualTo(4);
    }

    @Test
    void targetsNotAddingUpToHundredAreRefused() {
        Map<SleeveKind, Percent> targets = Map.of(SleeveKind.GEN, Percent.of(40), SleeveKind.REV, Percent.of(30), SleeveKind.COM, Percent.of(20));
        assertThatThrownBy(() -> SleeveCapitals.split(Money.ofDollars(1), targets)).hasMessageContaining("90%");
    }

    @Property(tries = 2000)
    void sleeveCapitalsAlwaysAddUpToTheTotalToTheCent(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long totalCents,
                                                      @ForAll("targets") Map<SleeveKind, Percent> targets) {
        SleeveCapitals split = SleeveCapitals.split(Money.ofCents(totalCents), targets);
        assertThat(split.total().cents()).isEqualTo(totalCents);
        for (SleeveKind kind : SleeveKind.values()) {
            long exactTimes10k = totalCents * (long) targets.get(kind).basisPoints();
            long part = split.of(kind).cents();
            // each part is its exact share rounded down or up by less than one cent
            assertThat(part * 10_000L).isBetween(exactTimes10k - 10_000L + 1, exactTimes10k + 10_000L - 1);
            assertThat(part).isNotNegative();
        }
    }

    @Provide
    Arbitrary<Map<SleeveKind, Percent>> targets() {
        Arbitrary<Integer> gen = Arbitraries.integers().between(0, 10_000);
        return gen.flatMap(g -> Arbitraries.integers().between(0, 10_000 - g).map(r -> Map.of(
                SleeveKind.GEN, Percent.ofBasisPoints(g),
                SleeveKind.REV, Percent.ofBasisPoints(r),
                SleeveKind.COM, Percent.ofBasisPoints(10_000 - g - r))));
    }

}
