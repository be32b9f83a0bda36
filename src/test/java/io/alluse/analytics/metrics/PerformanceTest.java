package io.alluse.analytics.metrics;

import io.alluse.analytics.Points;
import io.alluse.analytics.series.EquitySeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.alluse.analytics.Points.dollars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerformanceTest {

    /** The CFA Level I example (see ReturnsTest and IrrTest) through the one call the engine makes. */
    @Test
    void allFiguresOfTheCfaExample() {
        EquitySeries s = Points.start()
                .day("2021-01-01", "100.00", "+100.00")
                .day("2022-01-01", "240.00", "+118.00")
                .day("2023-01-01", "260.00", "-4.00")
                .build();

        Performance p = Performance.of(s, RiskFreeRate.ZERO);

        assertThat(p.start()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(p.end()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(p.startEquity()).isEqualTo(dollars("100.00"));
        assertThat(p.endEquity()).isEqualTo(dollars("260.00"));
        // the opening deposit is the starting capital, not a later flow
        assertThat(p.netFlows()).isEqualTo(dollars("114.00"));
        // 2 x $20 price gain + $6 dividends = $46
        assertThat(p.profit()).isEqualTo(dollars("46.00"));
        assertThat(p.timeWeightedReturn()).isCloseTo(0.342, within(1e-12));
        assertThat(p.cagr().getAsDouble()).isCloseTo(0.1584, within(0.00005));
        assertThat(p.moneyWeightedReturn().annualRate().getAsDouble()).isCloseTo(0.1386, within(0.00005));
        assertThat(p.maxDrawdown()).isEmpty();
        // two daily returns, 22% and 10%: sample stdev = |0.22 - 0.10| / sqrt(2)
        assertThat(p.volatility().getAsDouble()).isCloseTo(0.12 / Math.sqrt(2) * Math.sqrt(252), within(1e-12));
    }

    @Test
    void aSingleDayHasOnlyItsLevels() {
        Performance p = Performance.of(Points.start().day("2024-01-02", "500000.00").build(), RiskFreeRate.ZERO);

        assertThat(p.timeWeightedReturn()).isZero();
        assertThat(p.profit()).isEqualTo(dollars("0"));
        assertThat(p.cagr()).isEmpty();
        assertThat(p.moneyWeightedReturn()).isInstanceOf(IrrResult.NoSolution.class);
        assertThat(p.volatility()).isEmpty();
        assertThat(p.sharpe()).isEmpty();
        assertThat(p.sortino()).isEmpty();
    }
}
