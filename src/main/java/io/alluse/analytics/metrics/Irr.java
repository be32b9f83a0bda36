package io.alluse.analytics.metrics;

import io.alluse.analytics.series.EquitySeries;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Money-weighted return: the internal rate of return of dated cash flows (Excel's XIRR), the one
 * annual rate {@code r} that solves {@code sum(amount_i / (1 + r)^((day_i - day_0) / 365)) = 0}.
 *
 * <p>Solved for {@code x = ln(1 + r)}, where the sum is smooth for every real {@code x}: first a search
 * outwards from 0% for a sign change, then Newton's method kept inside that bracket, falling back to
 * bisection whenever a Newton step would leave it or converges too slowly. When the flows have several
 * rates (possible when deposits and withdrawals alternate) this finds the one nearest 0%. Flows that
 * are all in one direction, or no sign change within the search range, give a {@link IrrResult.NoSolution}.
 */
public final class Irr {

    /** The search covers x*T in [-64, 64], T the span in years: from -100% to far beyond any real rate. */
    private static final double[] SEARCH_STEPS = {1.0 / 64, 1.0 / 16, 0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64};
    private static final int MAX_ITERATIONS = 200;

    private Irr() {
    }

    /**
     * XIRR of amounts on dates; the first date is the start and no other may be before it.
     * Amounts are from the investor's side: money put in negative, money taken out positive.
     *
     * @throws IllegalArgumentException when the arrays differ in length, have fewer than two entries,
     *                                  contain a non-finite amount or a date before the first
     */
    public static IrrResult xirr(LocalDate[] dates, double[] amounts) {
        Objects.requireNonNull(dates, "dates");
        int[] days = new int[dates.length];
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == null) {
                throw new IllegalArgumentException("dates[" + i + "] is missing: every amount needs its date");
            }
            days[i] = Math.toIntExact(dates[i].toEpochDay());
        }
        return xirr(days, amounts);
    }

    /** As {@link #xirr(LocalDate[], double[])} with dates as epoch days. */
    public static IrrResult xirr(int[] epochDays, double[] amounts) {
        Objects.requireNonNull(epochDays, "epochDays");
        Objects.requireNonNull(amounts, "amounts");
        if (epochDays.length != amounts.length) {
            throw new IllegalArgumentException("one date per amount is needed, but there are " + epochDays.length
                    + " dates and " + amounts.length + " amounts");
        }
        if (amounts.length < 2) {
            throw new IllegalArgumentException("an internal rate of return needs at least two cash flows, got " + amounts.length);
        }
        double[] years = new double[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            if (!Double.isFinite(amounts[i])) {
                throw new IllegalArgumentException("amounts[" + i + "] is " + amounts[i] + "; every cash flow must be a number");
            }
            if (epochDays[i] < epochDays[0]) {
                throw new IllegalArgumentException("dates[" + i + "] " + LocalDate.ofEpochDay(epochDays[i])
                        + " is before the first date " + LocalDate.ofEpochDay(epochDays[0])
                        + ": put the earliest cash flow first");
            }
            years[i] = (epochDays[i] - epochDays[0]) / Returns.DAYS_PER_YEAR;
        }
        return solve(years, amounts);
    }

    /**
     * The money-weighted return of a series, from the investor's side: the opening equity is paid in on
     * the first day, each later day's flow is paid in (deposit) or taken out (withdrawal) at that day's
     * end, and the last equity is taken out on the last day.
     */
    public static IrrResult moneyWeighted(EquitySeries s) {
        int n = s.size();
        if (n < 2) {
            return new IrrResult.NoSolution("a single day is not a period: the money-weighted return needs at least two days");
        }
        int terms = 2;
        for (int i = 1; i < n - 1; i++) {
            if (s.flowCents(i) != 0) {
                terms++;
            }
        }
        double[] years = new double[terms];
        double[] amounts = new double[terms];
        int first = s.epochDay(0);
        amounts[0] = -s.equityCents(0);
        int k = 1;
        for (int i = 1; i < n - 1; i++) {
            long f = s.flowCents(i);
            if (f != 0) {
                years[k] = (s.epochDay(i) - first) / Returns.DAYS_PER_YEAR;
                amounts[k++] = -f;
            }
        }
        years[k] = (s.epochDay(n - 1) - first) / Returns.DAYS_PER_YEAR;
        amounts[k] = (double) (s.equityCents(n - 1) - s.flowCents(n - 1));
        return solve(years, amounts);
    }

    static IrrResult solve(double[] years, double[] amounts) {
        double scale = 0;
        boolean in = false;
        boolean out = false;
        double span = 0;
        for (int i = 0; i < amounts.length; i++) {
            scale = Math.max(scale, Math.abs(amounts[i]));
            in |= amounts[i] < 0;
            out |= amounts[i] > 0;
            if (amounts[i] != 0) {
                span = Math.max(span, years[i]);
            }
        }
        if (!in || !out) {
            return new IrrResult.NoSolution("the cash flows all go one way (" + (in ? "only money put in" : out ? "only money taken out" : "all zero")
                    + "), so no rate of return balances them");
        }
        if (span == 0) {
            return new IrrResult.NoSolution("all cash flows fall on one day: there is no period to earn a rate over");
        }
        double[] c = new double[amounts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = amounts[i] / scale;
        }
        Npv npv = new Npv(years, c);

        // Walk outwards from x = 0 on both sides, one step each in turn, until the sign changes.
        double f0 = npv.value(0);
        if (f0 == 0) {
            return new IrrResult.Rate(0.0);
        }
        double upX = 0;
        double upF = f0;
        double downX = 0;
        double downF = f0;
        for (double step : SEARCH_STEPS) {
            double x = step / span;
            double f = npv.value(x);
            if (Math.signum(f) != Math.signum(upF)) {
                return refine(npv, upX, upF, x, f);
            }
            upX = x;
            upF = f;
            x = -step / span;
            f = npv.value(x);
            if (Math.signum(f) != Math.signum(downF)) {
                return refine(npv, x, f, downX, downF);
            }
            downX = x;
            downF = f;
        }
        return new IrrResult.NoSolution(String.format(java.util.Locale.ROOT,
                "no rate between %.4g%% and %.4g%% a year balances the cash flows", Math.expm1(downX) * 100, Math.expm1(upX) * 100));
    }

    /** Newton inside the bracket [a, b] (f(a), f(b) of opposite signs), bisection when Newton misbehaves. */
    private static IrrResult refine(Npv npv, double a, double fa, double b, double fb) {
        if (fa == 0) {
            return rate(a);
        }
        if (fb == 0) {
            return rate(b);
        }
        // Orient so that f(lo) < 0 < f(hi).
        double lo = fa < 0 ? a : b;
        double hi = fa < 0 ? b : a;
        double x = 0.5 * (a + b);
        double dxOld = Math.abs(b - a);
        double dx = dxOld;
        double f = npv.value(x);
        double df = npv.derivative(x);
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            boolean newtonLeaves = ((x - hi) * df - f) * ((x - lo) * df - f) > 0;
            boolean newtonSlow = Math.abs(2.0 * f) > Math.abs(dxOld * df);
            if (newtonLeaves || newtonSlow) {
                dxOld = dx;
                dx = 0.5 * (hi - lo);
                x = lo + dx;
            } else {
                dxOld = dx;
                dx = f / df;
                x -= dx;
            }
            if (Math.abs(dx) <= 1e-15 + 1e-13 * Math.abs(x)) {
                return rate(x);
            }
            f = npv.value(x);
            if (f == 0) {
                return rate(x);
            }
            df = npv.derivative(x);
            if (f < 0) {
                lo = x;
            } else {
                hi = x;
            }
        }
        return rate(x);
    }

    private static IrrResult rate(double x) {
        double r = Math.expm1(x);
        if (Double.isInfinite(r)) {
            return new IrrResult.NoSolution("the rate is too large to state per year (the period is very short)");
        }
        return new IrrResult.Rate(r);
    }

    /** sum(c_i * exp(-t_i * x)) and its derivative in x = ln(1 + r). */
    private record Npv(double[] t, double[] c) {

        double value(double x) {
            double sum = 0;
            for (int i = 0; i < t.length; i++) {
                sum += c[i] * Math.exp(-t[i] * x);
            }
            return sum;
        }

        double derivative(double x) {
            double sum = 0;
            for (int i = 0; i < t.length; i++) {
                sum -= t[i] * c[i] * Math.exp(-t[i] * x);
            }
            return sum;
        }
    }
}
