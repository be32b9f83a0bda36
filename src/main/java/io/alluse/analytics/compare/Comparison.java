package io.alluse.analytics.compare;

import io.alluse.analytics.metrics.Drawdowns;
import io.alluse.analytics.metrics.Returns;
import io.alluse.analytics.series.Curve;
import io.alluse.analytics.series.EquitySeries;
import io.alluse.analytics.series.PriceSeries;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Lines for side-by-side charts: equity curves as time-weighted growth rebased to 100 at a common
 * start (so accounts of any size, with any deposits, compare on performance alone), drawdown
 * curves, and a benchmark placed on the same dates.
 */
public final class Comparison {

    public static final double BASE = 100.0;

    private Comparison() {
    }

    /** The first day on which all the series exist: the latest of their first days. */
    public static LocalDate commonStart(Collection<EquitySeries> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare: pass at least one equity series");
        }
        LocalDate start = LocalDate.MIN;
        for (EquitySeries s : series) {
            if (s.firstDate().isAfter(start)) {
                start = s.firstDate();
            }
        }
        return start;
    }

    /**
     * The time-weighted growth of {@code series} from its first point on or after {@code start},
     * which is 100; earlier points are left out.
     *
     * @throws IllegalArgumentException when the series ends before {@code start}
     */
    public static Curve normalised(EquitySeries series, LocalDate start) {
        EquitySeries from = series.between(start, series.lastDate()).orElseThrow(() -> new IllegalArgumentException(
                "the series ends on " + series.lastDate() + ", before the comparison start " + start + ": choose an earlier start"));
        double[] index = Returns.growthIndex(from);
        int[] days = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            days[i] = from.epochDay(i);
            index[i] *= BASE;
        }
        return Curve.ofEpochDays(days, index);
    }

    /** Each day's distance below the running peak of the time-weighted index, e.g. -0.25 (see {@link Drawdowns#curve}). */
    public static Curve drawdowns(EquitySeries series) {
        return Drawdowns.curve(series);
    }

    /**
     * The benchmark's close on each date of {@code onto}: the close of that day, or the last close
     * before it when the benchmark did not trade that day.
     *
     * @throws IllegalArgumentException when the benchmark has no close on or before the first date
     */
    public static Curve align(PriceSeries benchmark, Curve onto) {
        int n = onto.size();
        int[] days = onto.epochDays();
        double[] closes = new double[n];
        for (int i = 0; i < n; i++) {
            int k = benchmark.indexOnOrBefore(days[i]);
            if (k < 0) {
                throw new IllegalArgumentException(benchmark.name() + " prices start on " + benchmark.date(0)
                        + ", after " + onto.date(i) + ": load more " + benchmark.name() + " history or choose a later start");
            }
            closes[i] = benchmark.close(k);
        }
        return Curve.ofEpochDays(days, closes);
    }

    /** {@link #align} rebased to 100 on the first date of {@code onto}, to draw beside {@link #normalised} curves. */
    public static Curve benchmark(PriceSeries benchmark, Curve onto) {
        Curve closes = align(benchmark, onto);
        if (closes.isEmpty()) {
            return closes;
        }
        double[] values = closes.values();
        double base = values[0];
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] / base * BASE;
        }
        return Curve.ofEpochDays(closes.epochDays(), values);
    }
}
