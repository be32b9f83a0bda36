package io.alluse.analytics.metrics;

import io.alluse.analytics.series.EquitySeries;

import java.util.OptionalDouble;

/**
 * Time-weighted returns: the performance of the money invested, with external flows taken out, so
 * that a deposit, a withdrawal or an account joining an aggregate is never a gain or a loss.
 *
 * <p>Daily returns follow the end-of-day flow convention of {@link EquitySeries}:
 * {@code r(i) = (equity(i) - flow(i) - equity(i-1)) / equity(i-1)}, linked geometrically. A day whose
 * previous equity is zero or negative has no base to measure against: its return is {@code NaN}
 * ("not measured"), the growth index stays flat over it and the risk statistics skip it. That is how
 * an empty sleeve that is later funded starts measuring from its funding.
 */
public final class Returns {

    /** Calendar days per year for annualising, as in Excel's XIRR; CAGR and IRR use the same count. */
    public static final double DAYS_PER_YEAR = 365.0;

    private Returns() {
    }

    /** One return per point; index 0 (the opening) and unmeasured days are {@code NaN}. */
    public static double[] daily(EquitySeries s) {
        int n = s.size();
        double[] r = new double[n];
        r[0] = Double.NaN;
        long previous = s.equityCents(0);
        for (int i = 1; i < n; i++) {
            long equity = s.equityCents(i);
            // The gain is exact in cents; only the division is rounded.
            r[i] = previous > 0 ? (double) (equity - s.flowCents(i) - previous) / previous : Double.NaN;
            previous = equity;
        }
        return r;
    }

    /** The time-weighted growth of one unit invested at the opening: 1.0 at index 0. */
    public static double[] growthIndex(EquitySeries s) {
        return growthIndex(daily(s));
    }

    static double[] growthIndex(double[] daily) {
        double[] index = new double[daily.length];
        double level = 1.0;
        index[0] = level;
        for (int i = 1; i < daily.length; i++) {
            double r = daily[i];
            if (r == r) {
                level *= 1.0 + r;
            }
            index[i] = level;
        }
        return index;
    }

    /** Time-weighted return over the whole series, not annualised: 0.10 is +10%. */
    public static double timeWeighted(EquitySeries s) {
        double[] index = growthIndex(s);
        return index[index.length - 1] - 1.0;
    }

    /** Compound annual growth rate of the time-weighted return; empty for a single day. */
    public static OptionalDouble cagr(EquitySeries s) {
        return annualise(timeWeighted(s), (long) s.epochDay(s.size() - 1) - s.epochDay(0));
    }

    /**
     * Turns a return over {@code calendarDays} into a rate per year of {@link #DAYS_PER_YEAR} days.
     * Short periods are extrapolated as they are (a 2% month is about 27% a year); {@link Performance}
     * shows none for periods under a year ({@link HistoryRule}). A total loss or worse is -100% a year.
     */
    public static OptionalDouble annualise(double totalReturn, long calendarDays) {
        if (calendarDays <= 0 || Double.isNaN(totalReturn)) {
            return OptionalDouble.empty();
        }
        double growth = 1.0 + totalReturn;
        if (growth <= 0) {
            return OptionalDouble.of(-1.0);
        }
        return OptionalDouble.of(Math.pow(growth, DAYS_PER_YEAR / calendarDays) - 1.0);
    }
}
