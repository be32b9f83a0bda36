package io.alluse.analytics.metrics;

import io.alluse.analytics.series.Curve;
import io.alluse.analytics.series.EquitySeries;

import java.time.LocalDate;
import java.util.Optional;

/** Maximum drawdown and the drawdown curve, both on the time-weighted growth index. */
public final class Drawdowns {

    /**
     * Relative tolerance for "back at the peak": the index is a product of thousands of ratios, so a
     * curve that returns exactly to its peak in cents may come back a few ulps short. 1e-10 is far
     * below a cent on any account size we handle.
     */
    static final double AT_PEAK = 1e-10;

    private Drawdowns() {
    }

    /** The deepest drawdown, or empty when the index never fell below an earlier peak. */
    public static Optional<Drawdown> max(EquitySeries s) {
        return max(s, Returns.growthIndex(s));
    }

    /** Drawdown of each day: {@code index / running peak - 1}, zero or negative (-0.25 is 25% below the peak). */
    public static Curve curve(EquitySeries s) {
        double[] index = Returns.growthIndex(s);
        int n = index.length;
        int[] days = new int[n];
        double[] dd = new double[n];
        double peak = index[0];
        for (int i = 0; i < n; i++) {
            days[i] = s.epochDay(i);
            if (index[i] >= peak * (1 - AT_PEAK)) {
                peak = Math.max(peak, index[i]);
                dd[i] = 0.0;
            } else {
                dd[i] = index[i] / peak - 1.0;
            }
        }
        return Curve.ofEpochDays(days, dd);
    }

    static Optional<Drawdown> max(EquitySeries s, double[] index) {
        int n = index.length;
        double peak = index[0];
        int peakAt = 0;
        double bestDepth = 0;
        int bestPeak = -1;
        int bestTrough = -1;
        int bestRecovery = -1;
        for (int i = 1; i < n; i++) {
            double v = index[i];
            if (v >= peak * (1 - AT_PEAK)) {
                // Back at the peak: closes the deepest episode if it is the current one.
                if (bestPeak == peakAt && bestRecovery < 0 && bestTrough >= 0) {
                    bestRecovery = i;
                }
                // The latest day at the peak is where the next fall starts from.
                peakAt = i;
                peak = Math.max(peak, v);
            } else {
                double depth = 1.0 - v / peak;
                if (depth > bestDepth) {
                    bestDepth = depth;
                    bestPeak = peakAt;
                    bestTrough = i;
                    bestRecovery = -1;
                }
            }
        }
        if (bestTrough < 0) {
            return Optional.empty();
        }
        int end = bestRecovery >= 0 ? bestRecovery : n - 1;
        LocalDate peakDate = s.date(bestPeak);
        return Optional.of(new Drawdown(bestDepth, peakDate, s.date(bestTrough),
                bestRecovery >= 0 ? Optional.of(s.date(bestRecovery)) : Optional.empty(),
                end - bestPeak, (long) s.epochDay(end) - s.epochDay(bestPeak)));
    }
}
