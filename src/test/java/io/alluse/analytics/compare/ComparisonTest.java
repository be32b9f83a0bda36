package io.alluse.analytics.compare;

import io.alluse.analytics.Points;
import io.alluse.analytics.series.Curve;
import io.alluse.analytics.series.EquitySeries;
import io.alluse.analytics.series.PriceSeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ComparisonTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /**
     * A small account and a large one that received a deposit compare on performance alone: both
     * rebased to 100 at the common start (the later of their first days).
     */
    @Test
    void normalisesAtTheCommonStart() {
        EquitySeries small = Points.start()
                .day("2024-03-01", "1000.00").day("2024-03-04", "1100.00").day("2024-03-05", "1210.00").build();
        EquitySeries large = Points.start()
                .day("2024-03-04", "500000.00").day("2024-03-05", "1050000.00", "+500000.00").build();

        LocalDate start = Comparison.commonStart(List.of(small, large));
        Curve a = Comparison.normalised(small, start);
        Curve b = Comparison.normalised(large, start);

        assertThat(start).isEqualTo(d("2024-03-04"));
        assertThat(a.size()).isEqualTo(2);
        assertThat(a.value(0)).isEqualTo(100.0);
        assertThat(a.value(1)).isCloseTo(110.0, within(1e-12));
        // 500,000 -> 550,000 before the deposit: +10%, not +110%
        assertThat(b.value(1)).isCloseTo(110.0, within(1e-12));
    }

    /**
     * Benchmark closes on the account's dates; 2024-03-29 (Good Friday) has no SPY close, so the close of
     * the 28th stands for it. Rebased: 100, 102, 102, 99.
     */
    @Test
    void alignsABenchmarkOntoTheSameDates() {
        PriceSeries spy = PriceSeries.of("SPY",
                new LocalDate[]{d("2024-03-26"), d("2024-03-27"), d("2024-03-28"), d("2024-04-01")},
                new double[]{500.0, 505.0, 510.0, 495.0});
        Curve onto = Curve.ofEpochDays(
                new int[]{(int) d("2024-03-27").toEpochDay(), (int) d("2024-03-28").toEpochDay(),
                        (int) d("2024-03-29").toEpochDay(), (int) d("2024-04-01").toEpochDay()},
                new double[]{100, 101, 102, 103});

        Curve closes = Comparison.align(spy, onto);
        Curve rebased = Comparison.benchmark(spy, onto);

        assertThat(closes.values()).containsExactly(505.0, 510.0, 510.0, 495.0);
        assertThat(rebased.value(0)).isEqualTo(100.0);
        assertThat(rebased.value(1)).isCloseTo(510.0 / 505.0 * 100, within(1e-12));
        assertThat(rebased.value(2)).isCloseTo(510.0 / 505.0 * 100, within(1e-12));
        assertThat(rebased.value(3)).isCloseTo(495.0 / 505.0 * 100, within(1e-12));
        assertThat(rebased.date(2)).isEqualTo(d("2024-03-29"));
    }

    @Test
    void aBenchmarkThatStartsTooLateSaysWhatToDo() {
        PriceSeries spy = PriceSeries.of("SPY", new LocalDate[]{d("2024-03-28")}, new double[]{510.0});
        Curve onto = Curve.ofEpochDays(new int[]{(int) d("2024-03-27").toEpochDay()}, new double[]{100});

        assertThatThrownBy(() -> Comparison.benchmark(spy, onto))
                .hasMessageContaining("SPY prices start on 2024-03-28, after 2024-03-27")
                .hasMessageContaining("load more SPY history");
    }

    @Test
    void badBenchmarkPricesAreRejected() {
        assertThatThrownBy(() -> PriceSeries.of("SPY", new LocalDate[]{d("2024-03-28")}, new double[]{0.0}))
                .hasMessageContaining("the close on 2024-03-28 (closes[0]) is 0.0");
    }

    @Test
    void drawdownCurveUsesTheFlowAdjustedIndex() {
        EquitySeries s = Points.start()
                .day("2024-03-04", "100.00").day("2024-03-05", "50.00", "-40.00").day("2024-03-06", "45.00").build();

        Curve dd = Comparison.drawdowns(s);

        // day 2: (50 + 40) / 100 = -10%; day 3: 45 / 50 = -10% more: 0.9 x 0.9 = 0.81, i.e. -19%
        assertThat(dd.value(1)).isCloseTo(-0.10, within(1e-12));
        assertThat(dd.value(2)).isCloseTo(-0.19, within(1e-12));
    }
}
