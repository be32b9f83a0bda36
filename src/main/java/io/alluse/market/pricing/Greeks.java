package io.alluse.market.pricing;

/**
 * An option's Black-Scholes-Merton value and its sensitivities, per one share of the underlying
 * (multiply by the contract's 100 for one contract). Units, as most textbooks and no brokers
 * state them (brokers show the per-day and per-point forms, which the methods below give):
 *
 * @param value  model value in dollars per share
 * @param delta  dV/dS: dollars per $1 move of the underlying (call 0..1, put -1..0)
 * @param gamma  d2V/dS2: change of delta per $1 move of the underlying
 * @param theta  -dV/dT per <b>year</b> of calendar time (negative for a long option that loses
 *               time value); {@link #thetaPerDay()} is per calendar day
 * @param vega   dV/dsigma per <b>1.00</b> (100 percentage points) of volatility;
 *               {@link #vegaPerVolPoint()} is per 1 point (0.20 to 0.21)
 * @param rho    dV/dr per <b>1.00</b> (100 percentage points) of the risk-free rate, the dividend
 *               yield held fixed; {@link #rhoPerRatePoint()} is per 1 point
 */
public record Greeks(double value, double delta, double gamma, double theta, double vega, double rho) {

    /** Calendar days per year used by every time conversion in the market package. */
    public static final double DAYS_PER_YEAR = 365.0;

    /** Theta per calendar day: what one night costs (or earns) at unchanged spot and volatility. */
    public double thetaPerDay() {
        return theta / DAYS_PER_YEAR;
    }

    /** Vega per one volatility point, the form option platforms display. */
    public double vegaPerVolPoint() {
        return vega / 100.0;
    }

    /** Rho per one percentage point of the rate. */
    public double rhoPerRatePoint() {
        return rho / 100.0;
    }
}
