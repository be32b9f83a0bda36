package io.alluse.domain.fork;

import io.alluse.domain.Money;
import io.alluse.domain.SleeveCapitals;

/** The fork and merge rules as pure functions. */
public final class ForkMath {

    private ForkMath() {
    }

    /**
     * Forks the whole surplus when Gen-Acc has grown by at least the threshold, and only when all of
     * it is free settled cash: the parent's Gen-Acc then goes back to the capital it was given.
     */
    public static ForkDecision decide(ForkRules rules, GenAccGrowth gen) {
        Money growth = gen.growth();
        if (!rules.enabled() || growth.isLessThan(rules.forkThreshold())) {
            return new ForkDecision.NoFork(growth, rules.forkThreshold());
        }
        if (gen.freeCash().isLessThan(growth)) {
            return new ForkDecision.Wait(growth, gen.freeCash().max(Money.ZERO));
        }
        return new ForkDecision.Fork(growth, SleeveCapitals.split(growth, rules.childTargets()));
    }

    /** A forked account merges into its parent once its total reaches the merge amount. */
    public static boolean shouldMerge(ForkRules rules, Money total) {
        return rules.enabled() && !total.isLessThan(rules.mergeAt());
    }

    /** Weekly checks fall on the first checked cycle of each ISO week; daily ones on every cycle. */
    public static boolean due(ForkRules.Cadence cadence, java.util.Optional<java.time.LocalDate> lastCheck, java.time.LocalDate day) {
        if (lastCheck.isEmpty() || cadence == ForkRules.Cadence.DAILY) {
            return lastCheck.map(d -> d.isBefore(day)).orElse(true);
        }
        java.time.temporal.WeekFields iso = java.time.temporal.WeekFields.ISO;
        LocalDateKey last = LocalDateKey.of(lastCheck.get(), iso);
        LocalDateKey now = LocalDateKey.of(day, iso);
        return now.compareTo(last) > 0;
    }

    private record LocalDateKey(int year, int week) implements Comparable<LocalDateKey> {
        static LocalDateKey of(java.time.LocalDate d, java.time.temporal.WeekFields iso) {
            return new LocalDateKey(d.get(iso.weekBasedYear()), d.get(iso.weekOfWeekBasedYear()));
        }

        @Override
        public int compareTo(LocalDateKey o) {
            return year != o.year ? Integer.compare(year, o.year) : Integer.compare(week, o.week);
        }
    }
}
