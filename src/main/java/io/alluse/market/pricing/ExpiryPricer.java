package io.alluse.market.pricing;

import io.alluse.domain.OptionRight;

/**
 * Black-Scholes-Merton for many strikes of one expiry: the spot, time, rate and dividend yield
 * are fixed, so their exponentials and the forward are computed once here and each strike costs
 * one {@code log} and one {@code exp} ({@link FastMath}'s). This is what a strategy scanning a
 * chain for a target delta should use. Immutable and thread-safe; inputs and units as in {@link BlackScholes}.
 */
public final class ExpiryPricer {

    private final double spot;
    private final double years;
    private final double rate;
    private final double dividendYield;
    private final double rootT;
    private final double carryDiscount;
    private final double discount;
    private final double forward;
    private final double logForward;

    public ExpiryPricer(double spot, double years, double rate, double dividendYield) {
        BlackScholes.check(spot, 1.0, years, 0.0, rate, dividendYield);
        this.spot = spot;
        this.years = years;
        this.rate = rate;
        this.dividendYield = dividendYield;
        this.rootT = Math.sqrt(years);
        this.carryDiscount = FastMath.exp(-dividendYield * years);
        this.discount = FastMath.exp(-rate * years);
        this.forward = spot * carryDiscount / discount;
        this.logForward = FastMath.log(forward);
    }

    public double spot() {
        return spot;
    }

    public double years() {
        return years;
    }

    /** The forward price of the underlying at expiry. */
    public double forward() {
        return forward;
    }

    /**
     * Value to {@code out[BlackScholes.PRICE]}, delta to {@code out[BlackScholes.DELTA]}; no
     * allocation, no validation (strike and volatility must be positive and finite).
     */
    public void priceAndDelta(boolean call, double strike, double volatility, double[] out) {
        double stdDev = volatility * rootT;
        if (!(stdDev > 0)) {
            BlackScholes.priceAndDelta(call, spot, strike, years, volatility, rate, dividendYield, out);
            return;
        }
        // A multiply by 1/stdDev, computed while the log is: a divide after it would lengthen the
        // longest chain of dependent steps (decision record 0033).
        double inverseStdDev = 1.0 / stdDev;
        double d1 = Math.fma(logForward - FastMath.log(strike), inverseStdDev, 0.5 * stdDev);
        double d2 = d1 - stdDev;
        double e1 = FastMath.exp(-0.5 * d1 * d1);
        double e2 = Math.abs(d1) < 37.0 ? e1 * (forward / strike) : FastMath.exp(-0.5 * d2 * d2);
        double t1 = Normal.tail(Math.abs(d1), e1);
        double t2 = Normal.tail(Math.abs(d2), e2);
        double sign = call ? 1.0 : -1.0;
        double n1 = sign * d1 > 0 ? 1.0 - t1 : t1;
        double n2 = sign * d2 > 0 ? 1.0 - t2 : t2;
        out[BlackScholes.PRICE] = Math.max(sign * discount * (forward * n1 - strike * n2), 0.0);
        out[BlackScholes.DELTA] = sign * carryDiscount * n1;
    }

    /** Value and greeks for one strike; validates. */
    public Greeks greeks(OptionRight right, double strike, double volatility) {
        return BlackScholes.greeks(right, spot, strike, years, volatility, rate, dividendYield);
    }
}
