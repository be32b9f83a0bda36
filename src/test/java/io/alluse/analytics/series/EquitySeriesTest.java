package io.alluse.analytics.series;

import io.alluse.analytics.Points;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.alluse.analytics.Points.dollars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EquitySeriesTest {

    private static final LocalDate MON = LocalDate.of(2024, 3, 4);

    @Test
    void keepsExactCents() {
        EquitySeries s = EquitySeries.of(new LocalDate[]{MON, MON.plusDays(1)}, new long[]{50_000_000_01L, 50_000_100_02L}, new long[]{0, 99_99});

        assertThat(s.size()).isEqualTo(2);
        assertThat(s.equity(1)).isEqualTo(dollars("50000100.02"));
        assertThat(s.flow(1)).isEqualTo(dollars("99.99"));
        assertThat(s.firstDate()).isEqualTo(MON);
        assertThat(s.lastDate()).isEqualTo(MON.plusDays(1));
    }

    @Test
    void doesNotShareTheCallersArrays() {
        long[] equity = {100, 200};
        EquitySeries s = EquitySeries.of(new LocalDate[]{MON, MON.plusDays(1)}, equity, new long[2]);
        equity[1] = 999;

        assertThat(s.equityCents(1)).isEqualTo(200);
    }

    @Test
    void rejectsDatesOutOfOrderNamingThem() {
        assertThatThrownBy(() -> EquitySeries.of(new LocalDate[]{MON, MON}, new long[2], new long[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dates[1] 2024-03-04 is not after dates[0] 2024-03-04")
                .hasMessageContaining("merge same-day snapshots");
        assertThatThrownBy(() -> Points.start().day("2024-03-05", "1").day("2024-03-04", "1").build())
                .hasMessageContaining("dates[1] 2024-03-04");
    }

    @Test
    void rejectsMismatchedOrEmptyArrays() {
        assertThatThrownBy(() -> EquitySeries.of(new LocalDate[]{MON}, new long[2], new long[1]))
                .hasMessageContaining("1 dates, 2 equity values and 1 flows");
        assertThatThrownBy(() -> EquitySeries.of(new LocalDate[0], new long[0], new long[0]))
                .hasMessageContaining("at least one day");
        assertThatThrownBy(() -> EquitySeries.of(new LocalDate[]{null}, new long[1], new long[1]))
                .hasMessageContaining("dates[0] is missing");
    }

    @Test
    void slicesAPeriodWhoseFirstDayIsTheOpening() {
        EquitySeries s = Points.start()
                .day("2024-03-04", "100.00").day("2024-03-05", "110.00").day("2024-03-06", "120.00").day("2024-03-07", "130.00")
                .build();

        EquitySeries mid = s.between(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 6)).orElseThrow();

        assertThat(mid.size()).isEqualTo(2);
        assertThat(mid.equity(0)).isEqualTo(dollars("110.00"));
        assertThat(s.between(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))).containsSame(s);
        assertThat(s.between(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 30))).isEmpty();
        assertThatThrownBy(() -> s.between(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 3, 1))).hasMessageContaining("swap");
    }
}
