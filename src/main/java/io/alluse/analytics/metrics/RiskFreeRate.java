package io.alluse.analytics.metrics;

import io.alluse.domain.Percent;

/**
 * The annual risk-free rate that Sharpe and Sortino subtract, e.g. the 3-month T-bill yield.
 * It is turned into a per-trading-day rate geometrically: {@code (1 + annual)^(1/252) - 1}, so that
 * 252 days of it compound to exactly the annual rate.
 *
 * @param annual 0.04 is 4% a year
 */
public record RiskFreeRate(double annual) {

    public static final RiskFreeRate ZERO = new RiskFreeRate(0.0);

    public RiskFreeRate {
        if (!Double.isFinite(annual) || annual <= -1.0) {
            throw new IllegalArgumentException("risk-free rate must be a finite annual rate above -100%, was " + annual
                    + " (enter 4% as 0.04)");
        }
    }

    public static RiskFreeRate of(Percent annual) {
        return new RiskFreeRate(annual.fraction());
    }

    public double perTradingDay() {
        return Math.pow(1.0 + annual, 1.0 / RiskRatios.TRADING_DAYS_PER_YEAR) - 1.0;
    }
}
