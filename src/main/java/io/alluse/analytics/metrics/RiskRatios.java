package io.alluse.analytics.metrics;

import java.util.OptionalDouble;

/**
 * Volatility, Sharpe and Sortino from daily returns.
 * <ul>
 *   <li>Returns are simple daily returns ({@link Returns#daily}); {@code NaN} entries (unmeasured days)
 *       are skipped.</li>
 *   <li>Excess return of a day: {@code e = r - rf}, with {@code rf} the risk-free rate per trading day
 *       ({@link RiskFreeRate#perTradingDay()}).</li>
 *   <li>Volatility: sample standard deviation (divide by n-1) of daily returns, times sqrt(252).</li>
 *   <li>Sharpe: mean(e) / sample stdev(e), times sqrt(252).</li>
 *   <li>Sortino: mean(e) / downside deviation, times sqrt(252), where the downside deviation with
 *       target equal to the risk-free rate is {@code sqrt(sum(min(0, e)^2) / n)} over all n days, not
 *       only the losing ones (Sortino and Price 1994, "target downside deviation").</li>
 * </ul>
 * Each is empty when it is undefined: fewer than two measured days, or a zero denominator.
 * The per-period forms are public for other frequencies (monthly: annualise with sqrt(12)).
 */
public final class RiskRatios {

    public static final int TRADING_DAYS_PER_YEAR = 252;
    private static final double ANNUALISE = Math.sqrt(TRADING_DAYS_PER_YEAR);

    private RiskRatios() {
    }

    public static OptionalDouble volatility(double[] dailyReturns) {
        return scaled(sampleStdev(dailyReturns));
    }

    public static OptionalDouble sharpe(double[] dailyReturns, RiskFreeRate riskFree) {
        return scaled(sharpePerPeriod(dailyReturns, riskFree.perTradingDay()));
    }

    public static OptionalDouble sortino(double[] dailyReturns, RiskFreeRate riskFree) {
        return scaled(sortinoPerPeriod(dailyReturns, riskFree.perTradingDay()));
    }

    /** Sample standard deviation (n-1) of the non-NaN entries. */
    public static OptionalDouble sampleStdev(double[] returns) {
        Moments m = Moments.of(returns);
        return m.count < 2 ? OptionalDouble.empty() : OptionalDouble.of(m.sampleStdev());
    }

    /** (mean(r) - rf) / sample stdev(r), not annualised. */
    public static OptionalDouble sharpePerPeriod(double[] returns, double riskFreePerPeriod) {
        Moments m = Moments.of(returns);
        double sd = m.sampleStdev();
        if (m.count < 2 || !(sd > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((m.mean - riskFreePerPeriod) / sd);
    }

    /** (mean(r) - target) / downside deviation about {@code target}, not annualised. */
    public static OptionalDouble sortinoPerPeriod(double[] returns, double targetPerPeriod) {
        Moments m = Moments.of(returns);
        OptionalDouble dd = downsideDeviation(returns, targetPerPeriod);
        if (m.count < 2 || dd.isEmpty() || !(dd.getAsDouble() > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((m.mean - targetPerPeriod) / dd.getAsDouble());
    }

    /** {@code sqrt(sum(min(0, r - target)^2) / n)} over all n non-NaN entries. */
    public static OptionalDouble downsideDeviation(double[] returns, double target) {
        double sum = 0;
        int n = 0;
        for (double r : returns) {
            if (r == r) {
                double shortfall = Math.min(0.0, r - target);
                sum += shortfall * shortfall;
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.sqrt(sum / n));
    }

    private static OptionalDouble scaled(OptionalDouble perDay) {
        return perDay.isPresent() ? OptionalDouble.of(perDay.getAsDouble() * ANNUALISE) : perDay;
    }

    /** Two passes (mean, then squared deviations) rather than one, for accuracy on small daily returns. */
    private record Moments(int count, double mean, double sumSquares) {

        static Moments of(double[] returns) {
            double sum = 0;
            int n = 0;
            for (double r : returns) {
                if (r == r) {
                    sum += r;
                    n++;
                }
            }
            if (n == 0) {
                return new Moments(0, Double.NaN, Double.NaN);
            }
            double mean = sum / n;
            double ss = 0;
            for (double r : returns) {
                if (r == r) {
                    double d = r - mean;
                    ss += d * d;
                }
            }
            return new Moments(n, mean, ss);
        }

        double sampleStdev() {
            return count < 2 ? Double.NaN : Math.sqrt(sumSquares / (count - 1));
        }
    }
}
