package io.alluse.market.pricing;

import io.alluse.domain.OptionRight;

import java.util.Locale;

/**
 * The Black-Scholes-Merton volatility that reproduces an option price. The price is first
 * checked against the no-arbitrage bounds
 * <pre>
 *   call: max(S e^-qT - K e^-rT, 0) &lt;= C &lt; S e^-qT
 *   put:  max(K e^-rT - S e^-qT, 0) &lt;= P &lt; K e^-rT
 * </pre>
 * then the root is bracketed (the value rises monotonically with volatility) and found by
 * Newton's method on vega, falling back to bisection whenever a Newton step would leave the
 * bracket or vega is too small to trust (far out of the money). A price equal to the lower bound
 * has volatility zero.
 */
public final class ImpliedVolatility {

    /** Largest volatility searched: 1000% a year; a price needing more is treated as outside the bounds. */
    public static final double MAX_VOLATILITY = 10.0;

    private static final int MAX_ITERATIONS = 200;

    private ImpliedVolatility() {
    }

    /**
     * @param price option price per share in dollars; the other inputs as in {@link BlackScholes}
     * @return annualised volatility as a fraction, accurate to about 1e-10 where vega allows
     * @throws ImpliedVolatilityException when no volatility reproduces the price
     * @throws IllegalArgumentException when an input is itself invalid
     */
    public static double solve(OptionRight right, double price, double spot, double strike, double years,
                               double rate, double dividendYield) {
        BlackScholes.check(spot, strike, years, 0.0, rate, dividendYield);
        if (!Double.isFinite(price) || price < 0) {
            throw new IllegalArgumentException("option price must be zero or more dollars, was " + price);
        }
        boolean call = right == OptionRight.CALL;
        double sq = spot * FastMath.exp(-dividendYield * years);
        double kr = strike * FastMath.exp(-rate * years);
        double lower = Math.max(call ? sq - kr : kr - sq, 0.0);
        double upper = call ? sq : kr;
        double tolerance = 1e-13 * Math.max(1.0, upper);
        if (price < lower - tolerance) {
            throw new ImpliedVolatilityException(String.format(Locale.ROOT,
                    "%s price %.6f is below the discounted intrinsic value %.6f: no volatility gives it (arbitrage)",
                    name(right), price, lower));
        }
        if (price >= upper) {
            throw new ImpliedVolatilityException(String.format(Locale.ROOT,
                    "%s price %.6f is at or above the no-arbitrage upper bound %.6f (the discounted %s)",
                    name(right), price, upper, call ? "spot" : "strike"));
        }
        if (price <= lower + tolerance) {
            return 0.0;
        }
        if (years == 0) {
            throw new ImpliedVolatilityException(String.format(Locale.ROOT,
                    "%s at expiry is worth its intrinsic value %.6f; price %.6f has time value but no time is left",
                    name(right), lower, price));
        }

        double[] out = new double[2];
        double lo = 0.0;
        double hi = 1.0;
        while (value(call, spot, strike, years, hi, rate, dividendYield, out) < price) {
            lo = hi;
            hi *= 2.0;
            if (hi > MAX_VOLATILITY) {
                throw new ImpliedVolatilityException(String.format(Locale.ROOT,
                        "%s price %.6f needs a volatility above %.0f%% a year: too close to the upper bound %.6f",
                        name(right), price, MAX_VOLATILITY * 100, upper));
            }
        }
        // Brenner-Subrahmanyam's at-the-money approximation is a good first guess in the bracket.
        double vol = Math.sqrt(2.0 * Math.PI / years) * (price - lower) / Math.max(sq, kr);
        if (!(vol > lo && vol < hi)) {
            vol = 0.5 * (lo + hi);
        }
        double rootT = Math.sqrt(years);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double diff = value(call, spot, strike, years, vol, rate, dividendYield, out) - price;
            if (Math.abs(diff) <= tolerance) {
                return vol;
            }
            if (diff > 0) {
                hi = vol;
            } else {
                lo = vol;
            }
            double stdDev = vol * rootT;
            double d1 = FastMath.log(sq / kr) / stdDev + 0.5 * stdDev;
            double vega = sq * Normal.pdf(d1) * rootT;
            double next = vol - diff / vega;
            if (!(next > lo && next < hi) || vega < 1e-12 * upper) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - vol) < 1e-15 * Math.max(1.0, vol) || hi - lo < 1e-15) {
                return next;
            }
            vol = next;
        }
        return vol;
    }

    private static double value(boolean call, double spot, double strike, double years, double vol, double rate,
                                double dividendYield, double[] out) {
        BlackScholes.priceAndDelta(call, spot, strike, years, vol, rate, dividendYield, out);
        return out[BlackScholes.PRICE];
    }

    private static String name(OptionRight right) {
        return right == OptionRight.CALL ? "call" : "put";
    }
}
