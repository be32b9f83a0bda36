package io.alluse.analytics.metrics;

import io.alluse.analytics.Points;
import io.alluse.analytics.series.Curve;
import io.alluse.analytics.series.EquitySeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DrawdownsTest {

    /*
     * Hand-made curve (no flows):
     *   Tue 01-02 100   Wed 01-03 110 peak   Thu 01-04 99   Fri 01-05 88 trough (88/110 = 0.8: -20%)
     *   Mon 01-08 95    Tue 01-09 110 back at the peak     Wed 01-10 120 new peak
     *   Thu 01-11 108 (-10%, shallower)   Fri 01-12 115 (still under 120)
     * Deepest: 20% from 01-03 to 01-05, recovered 01-09: 4 trading days, 6 calendar days.
     */
    private static final EquitySeries CURVE = Points.start()
            .day("2024-01-02", "100.00").day("2024-01-03", "110.00").day("2024-01-04", "99.00")
            .day("2024-01-05", "88.00").day("2024-01-08", "95.00").day("2024-01-09", "110.00")
            .day("2024-01-10", "120.00").day("2024-01-11", "108.00").day("2024-01-12", "115.00")
            .build();

    @Test
    void maxDrawdownOfAHandMadeCurve() {
        Drawdown d = Drawdowns.max(CURVE).orElseThrow();

        assertThat(d.depth()).isCloseTo(0.20, within(1e-12));
        assertThat(d.peak()).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(d.trough()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(d.recovery()).contains(LocalDate.of(2024, 1, 9));
        assertThat(d.tradingDays()).isEqualTo(4);
        assertThat(d.calendarDays()).isEqualTo(6);
    }

    @Test
    void drawdownCurveOfTheSameCurve() {
        Curve c = Drawdowns.curve(CURVE);

        double[] expected = {0, 0, 99.0 / 110 - 1, 88.0 / 110 - 1, 95.0 / 110 - 1, 0, 0, 108.0 / 120 - 1, 115.0 / 120 - 1};
        for (int i = 0; i < expected.length; i++) {
            assertThat(c.value(i)).as("day %d", i).isCloseTo(expected[i], within(1e-12));
        }
        assertThat(c.date(3)).isEqualTo(LocalDate.of(2024, 1, 5));
    }

    @Test
    void aDrawdownNotYetRecoveredLastsToTheEnd() {
        EquitySeries s = Points.start()
                .day("2024-01-02", "100.00").day("2024-01-03", "120.00").day("2024-01-04", "90.00")
                .day("2024-01-05", "100.00").build();

        Drawdown d = Drawdowns.max(s).orElseThrow();

        assertThat(d.depth()).isCloseTo(0.25, within(1e-12));
        assertThat(d.recovery()).isEmpty();
        assertThat(d.tradingDays()).isEqualTo(2);
        assertThat(d.calendarDays()).isEqualTo(2);
    }

    /** Taking half the money out is not a loss: the flow-adjusted curve never falls. */
    @Test
    void aWithdrawalIsNotADrawdown() {
        EquitySeries s = Points.start()
                .day("2024-01-02", "100000.00").day("2024-01-03", "110000.00")
                .day("2024-01-04", "55000.00", "-55000.00").day("2024-01-05", "60000.00").build();

        assertThat(Drawdowns.max(s)).isEmpty();
        assertThat(Drawdowns.curve(s).values()).containsOnly(0.0);
    }

    /** A deposit during a drawdown does not end it; only performance back to the peak does. */
    @Test
    void aDepositIsNotARecovery() {
        EquitySeries s = Points.start()
                .day("2024-01-02", "100.00").day("2024-01-03", "90.00")
                .day("2024-01-04", "190.00", "+100.00").day("2024-01-05", "200.00").build();

        Drawdown d = Drawdowns.max(s).orElseThrow();

        assertThat(d.depth()).isCloseTo(0.10, within(1e-12));
        // 190 -> 200 is +5.26%: 0.9 x 1.0526 = 0.947, still 5.3% under the peak
        assertThat(d.recovery()).isEmpty();
    }

    /**
     * 100 -> 90 (-10%), then 90 -> 100 exactly (+11.1...%): in doubles 0.9 x (100/90) may come back a hair
     * under 1.0; it must still count as recovered, on that day.
     */
    @Test
    void returningExactlyToThePeakIsARecovery() {
        EquitySeries s = Points.start()
                .day("2024-01-02", "100.00").day("2024-01-03", "90.00").day("2024-01-04", "100.00")
                .day("2024-01-05", "99.00").build();

        Optional<Drawdown> d = Drawdowns.max(s);

        assertThat(d.orElseThrow().recovery()).contains(LocalDate.of(2024, 1, 4));
        assertThat(d.orElseThrow().depth()).isCloseTo(0.10, within(1e-12));
    }

    @Test
    void aRisingCurveHasNoDrawdown() {
        EquitySeries s = Points.start().day("2024-01-02", "100.00").day("2024-01-03", "101.00").build();

        assertThat(Drawdowns.max(s)).isEmpty();
    }
}
