package io.alluse.analytics.metrics;

import io.alluse.analytics.Points;
import io.alluse.analytics.series.EquitySeries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RiskRatiosTest {

    /**
     * Rollinger and Hoffman, "Sortino: A 'Sharper' Ratio" (Red Rock Capital), worked example: annual
     * returns 17%, 15%, 23%, -5%, 12%, 9%, 13%, -4%, target 0%. Average 10%; target downside deviation
     * sqrt((0.05^2 + 0.04^2) / 8) = sqrt(0.0041 / 8) = 2.26%; published Sortino ratio 4.417.
     * The division is by all eight periods, not by the two losing ones: that is the point of the example.
     */
    @Test
    void sortinoRedRockCapitalExample() {
        double[] annual = {0.17, 0.15, 0.23, -0.05, 0.12, 0.09, 0.13, -0.04};

        assertThat(RiskRatios.downsideDeviation(annual, 0.0).getAsDouble()).isCloseTo(0.0226, within(0.00005));
        assertThat(RiskRatios.sortinoPerPeriod(annual, 0.0).getAsDouble()).isCloseTo(4.417, within(0.0005));
    }

    /*
     * A spreadsheet-style hand computation, five daily returns, risk-free 0.01% a day:
     *
     *   r:            0.0100  -0.0050   0.0200   0.0000  -0.0100     sum 0.0150, mean 0.0030
     *   r - mean:     0.0070  -0.0080   0.0170  -0.0030  -0.0130
     *   squared:    0.000049 0.000064 0.000289 0.000009 0.000169     sum 0.000580
     *   sample variance 0.000580 / (5 - 1) = 0.000145, stdev sqrt(0.000145) = 0.0120416
     *   Sharpe per day  (0.0030 - 0.0001) / 0.0120416 = 0.240832
     *
     *   r - rf:       0.0099  -0.0051   0.0199  -0.0001  -0.0101
     *   min(0, .)^2:       0 0.00002601     0  0.00000001 0.00010201  sum 0.00012803
     *   downside deviation sqrt(0.00012803 / 5) = sqrt(0.000025606) = 0.00506024
     *   Sortino per day (0.0030 - 0.0001) / 0.00506024 = 0.573096
     *
     *   annualised (x sqrt(252) = 15.874508): volatility 0.191154, Sharpe 3.823088, Sortino 9.097612
     */
    private static final double[] FIVE_DAYS = {0.01, -0.005, 0.02, 0.0, -0.01};

    @Test
    void sharpeAndSortinoByHand() {
        assertThat(RiskRatios.sampleStdev(FIVE_DAYS).getAsDouble()).isCloseTo(0.0120416, within(1e-7));
        assertThat(RiskRatios.sharpePerPeriod(FIVE_DAYS, 0.0001).getAsDouble()).isCloseTo(0.240832, within(1e-6));
        assertThat(RiskRatios.downsideDeviation(FIVE_DAYS, 0.0001).getAsDouble()).isCloseTo(0.00506024, within(1e-8));
        assertThat(RiskRatios.sortinoPerPeriod(FIVE_DAYS, 0.0001).getAsDouble()).isCloseTo(0.573096, within(1e-6));
    }

    /**
     * The same five returns as an account: $1,000,000.00, +1% = 1,010,000.00, -0.5% = 1,004,950.00,
     * +2% = 1,025,049.00, 0% = 1,025,049.00, -1% = 1,014,798.51 (every step exact in cents). An annual
     * risk-free rate of 1.0001^252 - 1 is 0.01% per trading day.
     */
    @Test
    void annualisedFiguresOfASeries() {
        EquitySeries s = Points.start()
                .day("2024-01-08", "1000000.00")
                .day("2024-01-09", "1010000.00")
                .day("2024-01-10", "1004950.00")
                .day("2024-01-11", "1025049.00")
                .day("2024-01-12", "1025049.00")
                .day("2024-01-15", "1014798.51")
                .build();
        double[] daily = Returns.daily(s);
        RiskFreeRate rf = new RiskFreeRate(Math.pow(1.0001, 252) - 1);

        assertThat(rf.perTradingDay()).isCloseTo(0.0001, within(1e-15));
        assertThat(RiskRatios.volatility(daily).getAsDouble()).isCloseTo(0.191154, within(1e-6));
        assertThat(RiskRatios.sharpe(daily, rf).getAsDouble()).isCloseTo(3.823088, within(1e-5));
        assertThat(RiskRatios.sortino(daily, rf).getAsDouble()).isCloseTo(9.097612, within(1e-5));
    }

    @Test
    void undefinedRatiosAreEmpty() {
        assertThat(RiskRatios.volatility(new double[]{Double.NaN, 0.01})).isEmpty();
        assertThat(RiskRatios.sharpe(new double[]{Double.NaN, 0.01, 0.01, 0.01}, RiskFreeRate.ZERO)).isEmpty();
        // never below the target: no downside to divide by
        assertThat(RiskRatios.sortino(new double[]{0.01, 0.02, 0.03}, RiskFreeRate.ZERO)).isEmpty();
    }
}
