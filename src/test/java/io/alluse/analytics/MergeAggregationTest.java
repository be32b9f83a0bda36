package io.alluse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alluse.analytics.metrics.Returns;
import io.alluse.analytics.series.Aggregation;
import io.alluse.analytics.series.EquitySeries;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Money a merge moves from a forked account into its parent's Com-Acc is not performance: the
 * aggregate time-weighted return of the two is the same with the merge as without it. The series
 * are shaped as the engine writes them (docs/decisions/0019): on the merge day the child's last
 * snapshot has equity zero and the merge as its outflow, and the parent's carries the same amount
 * as an inflow (its MERGE_IN entry). Closing the child's positions is assumed to cost nothing here
 * (mid fills, no commission); real closing costs are real losses and do show.
 */
class MergeAggregationTest {

    private static final LocalDate START = LocalDate.of(2031, 3, 3);
    private static final int DAYS = 12;
    private static final int MERGE_DAY = 7;
    private static final long PARENT = 600_000_00L;
    private static final long CHILD = 480_000_00L;

    private static LocalDate[] dates(int from, int to) {
        LocalDate[] d = new LocalDate[to - from];
        for (int i = 0; i < d.length; i++) {
            d[i] = START.plusDays(from + i);
        }
        return d;
    }

    private static long grown(long start, double daily, int day) {
        return Math.round(start * Math.pow(1 + daily, day));
    }

    /** Both accounts to the end, no merge: the reference. */
    private static double withoutMerge(double daily) {
        long[] p = new long[DAYS];
        long[] c = new long[DAYS];
        long[] pf = new long[DAYS];
        long[] cf = new long[DAYS];
        for (int i = 0; i < DAYS; i++) {
            p[i] = grown(PARENT, daily, i);
            c[i] = grown(CHILD, daily, i);
        }
        pf[0] = p[0];
        cf[0] = c[0];
        return Returns.timeWeighted(Aggregation.combine(List.of(EquitySeries.of(dates(0, DAYS), p, pf), EquitySeries.of(dates(0, DAYS), c, cf))));
    }

    /** The child merges into the parent during MERGE_DAY: its equity of that moment moves over and earns the same from then on. */
    private static double withMerge(double daily) {
        long[] p = new long[DAYS];
        long[] pf = new long[DAYS];
        long[] c = new long[MERGE_DAY + 1];
        long[] cf = new long[MERGE_DAY + 1];
        long moved = grown(CHILD, daily, MERGE_DAY);
        for (int i = 0; i < DAYS; i++) {
            p[i] = grown(PARENT, daily, i) + (i >= MERGE_DAY ? Math.round(moved * Math.pow(1 + daily, i - MERGE_DAY)) : 0);
        }
        for (int i = 0; i < MERGE_DAY; i++) {
            c[i] = grown(CHILD, daily, i);
        }
        c[MERGE_DAY] = 0;
        cf[MERGE_DAY] = -moved;
        pf[0] = p[0];
        cf[0] = c[0];
        pf[MERGE_DAY] = moved;
        return Returns.timeWeighted(Aggregation.combine(List.of(EquitySeries.of(dates(0, DAYS), p, pf),
                EquitySeries.of(dates(0, MERGE_DAY + 1), c, cf))));
    }

    @Test
    void onAFlatMarketTheAggregateReturnIsZeroWithAndWithoutTheMerge() {
        assertThat(withoutMerge(0)).isZero();
        assertThat(withMerge(0)).isZero();
    }

    @Test
    void onAMovingMarketTheMergeChangesNothingInTheAggregateReturn() {
        for (double daily : new double[] {0.001, -0.003, 0.005}) {
            double reference = Math.pow(1 + daily, DAYS - 1) - 1;
            assertThat(withoutMerge(daily)).isCloseTo(reference, within(1e-8));
            // cents rounding is the only difference
            assertThat(withMerge(daily)).isCloseTo(reference, within(1e-7));
        }
    }
}
