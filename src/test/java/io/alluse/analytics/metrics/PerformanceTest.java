package io.alluse.analytics.metrics;

import io.alluse.analytics.Points;
import io.alluse.analytics.series.EquitySeries;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static io.alluse.analytics.Points.dollars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerformanceTest {

    /** The CFA Level I example (see ReturnsTest and IrrTest) through the one call the engine makes: two years. */
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
        assertThat(p.cagr()).isInstanceOf(Annualised.Value.class);
        assertThat(p.cagr().asOptional().getAsDouble()).isCloseTo(0.1584, within(0.00005));
        assertThat(p.moneyWeightedReturn().asOptional().getAsDouble()).isCloseTo(0.1386, within(0.00005));
        assertThat(p.maxDrawdown()).isEmpty();
        // two yearly returns are not 60 daily ones: nothing to annualise with sqrt(252)
        assertThat(p.volatility()).isEqualTo(new Annualised.ShortHistory("needs at least 60 daily returns (has 2); total return shown"));
        assertThat(p.sharpe()).isEqualTo(p.volatility());
        assertThat(p.sortino()).isEqualTo(p.volatility());
    }

    /**
     * Four days that gained 2.4%: extrapolated, that is a year of about 800%. The total return is
     * shown; every figure per year says it needs more history.
     */
    @Test
    void aFewDaysHaveTheirTotalReturnButNoFigurePerYear() {
        EquitySeries s = Points.start()
                .day("2026-11-16", "500000.00")
                .day("2026-11-17", "505000.00")
                .day("2026-11-18", "503000.00")
                .day("2026-11-19", "508000.00")
                .day("2026-11-20", "512000.00")
                .build();

        Performance p = Performance.of(s, RiskFreeRate.ZERO);

        assertThat(p.timeWeightedReturn()).isCloseTo(0.024, within(1e-12));
        assertThat(p.profit()).isEqualTo(dollars("12000.00"));
        assertThat(Returns.annualise(0.024, 4).getAsDouble()).as("what used to be shown").isGreaterThan(7.0);
        assertThat(p.cagr()).isEqualTo(new Annualised.ShortHistory("needs at least 1 year of history (has 4 days); total return shown"));
        assertThat(p.moneyWeightedReturn()).isEqualTo(p.cagr());
        assertThat(p.volatility()).isEqualTo(new Annualised.ShortHistory("needs at least 60 daily returns (has 4); total return shown"));
        assertThat(p.sharpe().asOptional()).isEmpty();
        assertThat(p.sortino().isShortHistory()).isTrue();
        assertThat(p.maxDrawdown()).isPresent();
    }

    /** 364 calendar days is still short of a year; 365 is one. */
    @Test
    void anAnnualRateStartsAtOneYear() {
        EquitySeries almost = Points.start().day("2025-01-01", "100.00").day("2025-12-31", "110.00").build();
        EquitySeries year = Points.start().day("2025-01-01", "100.00").day("2026-01-01", "110.00").build();

        assertThat(Performance.of(almost, RiskFreeRate.ZERO).cagr().isShortHistory()).isTrue();
        assertThat(Performance.of(year, RiskFreeRate.ZERO).cagr().asOptional().getAsDouble()).isCloseTo(0.10, within(1e-12));
        assertThat(Performance.of(year, RiskFreeRate.ZERO).moneyWeightedReturn().asOptional().getAsDouble()).isCloseTo(0.10, within(1e-9));
    }

    /*
     * Sixty daily returns: the five of RiskRatiosTest's hand computation, twelve times over. Each day ends at
     * $1,000,000.00 with the day's gain withdrawn (end-of-day flow), so every return is exactly the one written.
     *
     *   mean 0.0030; squared deviations 12 x 0.000580 = 0.00696; sample variance 0.00696 / 59 = 0.000117966
     *   stdev 0.0108612; volatility x sqrt(252) = 0.172417
     *   Sharpe (0.0030 - 0.0001) / 0.0108612 = 0.267005 a day, 4.238573 a year
     *   downside deviation sqrt(12 x 0.00012803 / 60) = 0.00506024, as for five days: Sortino 9.097612 (the worked example)
     *
     * Sixty trading days are about three calendar months: the risk figures are there, CAGR is not yet.
     */
    @Test
    void sixtyDailyReturnsHaveTheirRiskFiguresAsComputedByHand() {
        double[] pattern = {0.01, -0.005, 0.02, 0.0, -0.01};
        EquitySeries.Builder b = EquitySeries.builder();
        LocalDate day = LocalDate.of(2026, 1, 5);
        b.add(day, 100_000_000L, 0L);
        for (int i = 0; i < 60; i++) {
            day = nextWeekday(day);
            long gain = Math.round(pattern[i % 5] * 100_000_000L);
            b.add(day, 100_000_000L, -gain);
        }
        EquitySeries s = b.build();
        RiskFreeRate rf = new RiskFreeRate(Math.pow(1.0001, 252) - 1);

        Performance p = Performance.of(s, rf);

        assertThat(p.volatility().asOptional().getAsDouble()).isCloseTo(0.172417, within(1e-6));
        assertThat(p.sharpe().asOptional().getAsDouble()).isCloseTo(4.238573, within(1e-5));
        assertThat(p.sortino().asOptional().getAsDouble()).isCloseTo(9.097612, within(1e-5));
        assertThat(ChronoUnit.DAYS.between(p.start(), p.end())).isLessThan(365);
        assertThat(p.cagr().isShortHistory()).isTrue();

        // one day fewer: 59 returns, short again
        EquitySeries shorter = s.between(s.firstDate(), s.lastDate().minusDays(1)).orElseThrow();
        assertThat(Performance.of(shorter, rf).sharpe()).isEqualTo(new Annualised.ShortHistory("needs at least 60 daily returns (has 59); total return shown"));
    }

    @Test
    void aSingleDayHasOnlyItsLevels() {
        Performance p = Performance.of(Points.start().day("2024-01-02", "500000.00").build(), RiskFreeRate.ZERO);

        assertThat(p.timeWeightedReturn()).isZero();
        assertThat(p.profit()).isEqualTo(dollars("0"));
        assertThat(p.cagr().asOptional()).isEmpty();
        assertThat(p.moneyWeightedReturn().asOptional()).isEmpty();
        assertThat(p.volatility().asOptional()).isEmpty();
        assertThat(p.sharpe().asOptional()).isEmpty();
        assertThat(p.sortino().asOptional()).isEmpty();
    }

    /** A long flat series: long enough, but no variation to divide by, which is not a matter of history. */
    @Test
    void undefinedIsNotShortHistory() {
        EquitySeries.Builder b = EquitySeries.builder();
        LocalDate day = LocalDate.of(2024, 1, 2);
        for (int i = 0; i < 400; i++) {
            b.add(day, 100_000_000L, 0L);
            day = nextWeekday(day);
        }
        Performance p = Performance.of(b.build(), RiskFreeRate.ZERO);

        assertThat(p.cagr().asOptional().getAsDouble()).isZero();
        assertThat(p.sharpe()).isInstanceOf(Annualised.Undefined.class);
        assertThat(p.sortino()).isInstanceOf(Annualised.Undefined.class);
        assertThat(p.volatility().asOptional().getAsDouble()).isZero();
    }

    private static LocalDate nextWeekday(LocalDate d) {
        LocalDate next = d.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }
}
