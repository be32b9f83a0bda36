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
 * Money a fork moves between two of our accounts is not performance: the aggregate time-weighted
 * return is the same with the fork as without it. The series are shaped as the engine writes them:
 * on the fork day the parent's snapshot carries the surplus as an outflow (its FORK_OUT entry) and
 * the child starts with it as its opening equity.
 */
class ForkAggregationTest {

    private static final LocalDate START = LocalDate.of(2031, 3, 3);
    private static final int DAYS = 10;
    private static final int FORK_DAY = 4;
    private static final long SURPLUS = 50_000_00L;

    private static LocalDate[] dates(int from) {
        LocalDate[] d = new LocalDate[DAYS - from];
        for (int i = 0; i < d.length; i++) {
            d[i] = START.plusDays(from + i);
        }
        return d;
    }

    /** One account compounding {@code daily} with no fork: the reference. */
    private static long[] unforked(double daily) {
        long[] e = new long[DAYS];
        double v = 550_000_00L;
        for (int i = 0; i < DAYS; i++) {
            e[i] = Math.round(v);
            v *= 1 + daily;
        }
        return e;
    }

    private static double aggregateTwrWithFork(double daily) {
        long[] whole = unforked(daily);
        long[] parent = new long[DAYS];
        long[] parentFlow = new long[DAYS];
        long[] child = new long[DAYS - FORK_DAY];
        long[] childFlow = new long[DAYS - FORK_DAY];
        for (int i = 0; i < DAYS; i++) {
            if (i < FORK_DAY) {
                parent[i] = whole[i];
            } else {
                // the surplus left at the end of the fork day; from then on each part earns the same return
                double share = (double) SURPLUS / whole[FORK_DAY];
                child[i - FORK_DAY] = Math.round(whole[i] * share);
                parent[i] = whole[i] - child[i - FORK_DAY];
            }
        }
        parentFlow[0] = whole[0];
        parentFlow[FORK_DAY] = -child[0];
        childFlow[0] = child[0];
        EquitySeries p = EquitySeries.of(dates(0), parent, parentFlow);
        EquitySeries c = EquitySeries.of(dates(FORK_DAY), child, childFlow);
        return Returns.timeWeighted(Aggregation.combine(List.of(p, c)));
    }

    private static double twrWithoutFork(double daily) {
        long[] whole = unforked(daily);
        long[] flow = new long[DAYS];
        flow[0] = whole[0];
        return Returns.timeWeighted(EquitySeries.of(dates(0), whole, flow));
    }

    @Test
    void onAFlatMarketTheAggregateReturnIsZeroBeforeAndAfterAFork() {
        assertThat(twrWithoutFork(0)).isZero();
        assertThat(aggregateTwrWithFork(0)).isZero();
    }

    @Test
    void onAMovingMarketTheForkChangesNothingInTheAggregateReturn() {
        for (double daily : new double[] {0.001, -0.002, 0.004}) {
            double reference = Math.pow(1 + daily, DAYS - 1) - 1;
            assertThat(twrWithoutFork(daily)).isCloseTo(reference, within(1e-8));
            // cents rounding in the two parts is the only difference
            assertThat(aggregateTwrWithFork(daily)).isCloseTo(reference, within(1e-8));
        }
    }
}
