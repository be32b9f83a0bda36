package io.alluse.market.pricing;

import io.alluse.domain.OptionRight;

/**
 * Black-Scholes-Merton for European options on a stock paying a continuous dividend yield
 * (Merton 1973; Haug's "generalized" form with cost of carry b = r - q).
 *
 * <p>Every method takes its inputs in the same order and units:
 * <ul>
 *   <li>{@code spot}: price of the underlying, dollars, &gt; 0</li>
 *   <li>{@code strike}: dollars, &gt; 0</li>
 *   <li>{@code years}: time to expiry in years of 365 calendar days, &gt;= 0</li>
 *   <li>{@code volatility}: annualised lognormal volatility as a fraction (0.25 = 25%), &gt;= 0</li>
 *   <li>{@code rate}: continuously compounded risk-free rate per year as a fraction (0.04 = 4%)</li>
 *   <li>{@code dividendYield}: continuous dividend yield per year as a fraction</li>
 * </ul>
 * Results are per share; see {@link Greeks} for the units of each sensitivity. Listed US equity
 * options are American; for the short-dated puts and calls the strategies trade, the early
 * exercise premium is small, and the simulated market prices them as European by design.
 *
 * <p>At expiry ({@code years == 0}) or with zero volatility the value is the discounted intrinsic
 * value of the forward, delta is the discounted step (one half exactly at the money) and gamma and
 * vega are zero.
 */
public final class BlackScholes {

    /** Index of the value in the array filled by {@link #priceAndDelta}. */
    public static final int PRICE = 0;
    /** Index of delta in the array filled by {@link #priceAndDelta}. */
    public static final int DELTA = 1;

    private BlackScholes() {
    }

    /** Model value per share. Throws IllegalArgumentException naming the bad input. */
    public static double price(OptionRight right, double spot, double strike, double years, double volatility,
                               double rate, double dividendYield) {
        check(spot, strike, years, volatility, rate, dividendYield);
        double[] out = new double[2];
        priceAndDelta(right == OptionRight.CALL, spot, strike, years, volatility, rate, dividendYield, out);
        return out[PRICE];
    }

    /**
     * The hot path used to scan whole chains: writes the value to {@code out[PRICE]} and delta to
     * {@code out[DELTA]}, allocates nothing and does not validate its inputs (the caller has;
     * invalid inputs give NaN or nonsense, never an exception). One {@code log}, one {@code sqrt}
     * and three {@code exp}, all of them {@link FastMath}'s: the normal density at d2 follows from
     * the one at d1 by n(d2) = n(d1) * F / K, with F the forward.
     *
     * <p>The order of the work is chosen for the processor, not for reading (decision record 0033):
     * log(F/K) is taken as log(S/K) + (r - q)T, so that the logarithm does not wait for the two
     * discount factors, and 1/stdDev is computed beside it, so that d1 costs a multiply where it
     * would cost a divide on the longest chain of dependent steps.
     */
    public static void priceAndDelta(boolean call, double spot, double strike, double years, double volatility,
                                     double rate, double dividendYield, double[] out) {
        double logMoneyness = FastMath.log(spot / strike);
        double carryDiscount = FastMath.exp(-dividendYield * years);
        double discount = FastMath.exp(-rate * years);
        double sq = spot * carryDiscount;
        double kr = strike * discount;
        double stdDev = volatility * Math.sqrt(years);
        if (!(stdDev > 0)) {
            intrinsic(call, sq, kr, carryDiscount, out);
            return;
        }
        double inverseStdDev = 1.0 / stdDev;
        double d1 = Math.fma(Math.fma(rate - dividendYield, years, logMoneyness), inverseStdDev, 0.5 * stdDev);
        double d2 = d1 - stdDev;
        double e1 = FastMath.exp(-0.5 * d1 * d1);
        // For |d1| > 37, e1 underflows towards subnormals and N(d1) is exactly 0 or 1 anyway.
        double e2 = Math.abs(d1) < 37.0 ? e1 * (sq / kr) : FastMath.exp(-0.5 * d2 * d2);
        // Each tail N(-|d|) serves both rights: the call takes N(d) and the put N(-d), whichever
        // of tail and 1 - tail that is, so there is no subtraction of nearly equal numbers.
        double t1 = Normal.tail(Math.abs(d1), e1);
        double t2 = Normal.tail(Math.abs(d2), e2);
        double sign = call ? 1.0 : -1.0;
        // The sign applied to sq and kr before N(d) arrives (the same bits: multiplying by +-1 is
        // exact), so that the price is one multiply and one subtraction after it.
        double signedSq = sign * sq;
        double signedKr = sign * kr;
        double n1 = sign * d1 > 0 ? 1.0 - t1 : t1;
        double n2 = sign * d2 > 0 ? 1.0 - t2 : t2;
        out[PRICE] = Math.max(signedSq * n1 - signedKr * n2, 0.0);
        out[DELTA] = sign * carryDiscount * n1;
    }

    /** Value and all first-order greeks plus gamma. Throws IllegalArgumentException naming the bad input. */
    public static Greeks greeks(OptionRight right, double spot, double strike, double years, double volatility,
                                double rate, double dividendYield) {
        check(spot, strike, years, volatility, rate, dividendYield);
        boolean call = right == OptionRight.CALL;
        double sign = call ? 1.0 : -1.0;
        double carryDiscount = FastMath.exp(-dividendYield * years);
        double discount = FastMath.exp(-rate * years);
        double sq = spot * carryDiscount;
        double kr = strike * discount;
        double rootT = Math.sqrt(years);
        double stdDev = volatility * rootT;
        if (!(stdDev > 0)) {
            return degenerateGreeks(call, sq, kr, carryDiscount, strike, years, rate, dividendYield);
        }
        double d1 = FastMath.log(sq / kr) / stdDev + 0.5 * stdDev;
        double d2 = d1 - stdDev;
        double nd1 = Normal.pdf(d1);
        double cdf1 = Normal.cdf(sign * d1);
        double cdf2 = Normal.cdf(sign * d2);
        double value = Math.max(sign * (sq * cdf1 - kr * cdf2), 0.0);
        double delta = sign * carryDiscount * cdf1;
        double gamma = carryDiscount * nd1 / (spot * stdDev);
        double vega = sq * nd1 * rootT;
        double theta = -sq * nd1 * volatility / (2.0 * rootT) + sign * (dividendYield * sq * cdf1 - rate * kr * cdf2);
        double rho = sign * kr * years * cdf2;
        return new Greeks(value, delta, gamma, theta, vega, rho);
    }

    private static void intrinsic(boolean call, double sq, double kr, double carryDiscount, double[] out) {
        double forwardMoneyness = call ? sq - kr : kr - sq;
        out[PRICE] = Math.max(forwardMoneyness, 0.0);
        double step = forwardMoneyness > 0 ? 1.0 : forwardMoneyness == 0 ? 0.5 : 0.0;
        out[DELTA] = (call ? 1.0 : -1.0) * carryDiscount * step;
    }

    private static Greeks degenerateGreeks(boolean call, double sq, double kr, double carryDiscount, double strike,
                                           double years, double rate, double dividendYield) {
        double[] out = new double[2];
        intrinsic(call, sq, kr, carryDiscount, out);
        double sign = call ? 1.0 : -1.0;
        boolean inTheMoney = out[PRICE] > 0;
        // In the money with no uncertainty left, the option is a discounted forward position.
        double theta = inTheMoney ? sign * (dividendYield * sq - rate * kr) : 0.0;
        double rho = inTheMoney ? sign * strike * years * FastMath.exp(-rate * years) : 0.0;
        return new Greeks(out[PRICE], out[DELTA], 0.0, theta, 0.0, rho);
    }

    static void check(double spot, double strike, double years, double volatility, double rate, double dividendYield) {
        if (!(spot > 0) || Double.isInfinite(spot)) {
            throw new IllegalArgumentException("spot must be a positive price, was " + spot);
        }
        if (!(strike > 0) || Double.isInfinite(strike)) {
            throw new IllegalArgumentException("strike must be a positive price, was " + strike);
        }
        if (!(years >= 0) || Double.isInfinite(years)) {
            throw new IllegalArgumentException("time to expiry must be zero or more years, was " + years);
        }
        if (!(volatility >= 0) || Double.isInfinite(volatility)) {
            throw new IllegalArgumentException("volatility must be zero or more (0.25 = 25%), was " + volatility);
        }
        if (!Double.isFinite(rate)) {
            throw new IllegalArgumentException("rate must be a finite fraction per year (0.04 = 4%), was " + rate);
        }
        if (!Double.isFinite(dividendYield)) {
            throw new IllegalArgumentException("dividend yield must be a finite fraction per year, was " + dividendYield);
        }
    }
}
