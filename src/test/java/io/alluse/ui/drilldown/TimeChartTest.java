package io.alluse.ui.drilldown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeChartTest {

    @Test
    void niceTicksCoverTheRangeInRoundSteps() {
        double[] t = TimeChart.Ticks.nice(99.4, 101.3, 5);
        assertThat(t[0]).isLessThanOrEqualTo(99.4);
        assertThat(t[t.length - 1]).isGreaterThanOrEqualTo(101.3);
        assertThat(t[1] - t[0]).isEqualTo(0.5);
    }

    @Test
    void axisLabelsHaveTheDecimalsTheirStepNeeds() {
        assertThat(TimeChart.Scale.INDEX.format(100.5, 0.5)).isEqualTo("100.5");
        assertThat(TimeChart.Scale.INDEX.format(100, 0.25)).isEqualTo("100.00");
        assertThat(TimeChart.Scale.INDEX.format(120, 10)).isEqualTo("120");
        assertThat(TimeChart.Scale.PERCENT.format(-0.025, 0.005)).isEqualTo("-2.5%");
        assertThat(TimeChart.Scale.MONEY.format(1_250_000, 250_000)).isEqualTo("$1.25M");
        assertThat(TimeChart.Scale.MONEY.format(-12_000, 1000)).isEqualTo("-$12K");
    }

    @Test
    void dateTicksAreMonthStartsOverMonthsAndYearsOverADecade() {
        List<TimeChart.Ticks.DateTick> months = TimeChart.Ticks.dates((int) LocalDate.of(2031, 1, 15).toEpochDay(),
                (int) LocalDate.of(2031, 7, 20).toEpochDay(), 8);
        assertThat(months).extracting(TimeChart.Ticks.DateTick::label).containsExactly("Feb 31", "Mar 31", "Apr 31", "May 31", "Jun 31", "Jul 31");
        List<TimeChart.Ticks.DateTick> years = TimeChart.Ticks.dates((int) LocalDate.of(2021, 3, 1).toEpochDay(),
                (int) LocalDate.of(2031, 3, 1).toEpochDay(), 8);
        assertThat(years).extracting(TimeChart.Ticks.DateTick::label).startsWith("2022", "2024").hasSizeLessThanOrEqualTo(8);
    }
}
