package io.alluse.ui.drilldown;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.domain.Money;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TotalsTest {

    private static final LocalDate D = LocalDate.of(2031, 12, 29);

    @Test
    void weekAndYearProfitLeaveDepositsOut() {
        // 2031-12-30 close 100,000; 2032-01-02 +1,000 made; 2032-01-05 a 50,000 deposit and +500 made; 2032-01-09 -200
        EquitySeries s = EquitySeries.builder()
                .add(D.plusDays(1), 100_000_00L, 100_000_00L)
                .add(D.plusDays(4), 101_000_00L, 0)
                .add(D.plusDays(7), 151_500_00L, 50_000_00L)
                .add(D.plusDays(11), 151_300_00L, 0)
                .build();
        Totals t = Totals.of(Optional.of(s), Money.ofDollars(151_300), Money.ofDollars(20_000));
        // the week runs from the close on or before 2032-01-02 (101,000): +500 - 200
        assertThat(t.weekPnl()).isEqualTo(Money.ofDollars(300));
        // the year runs from the last close of 2031 (100,000): +1,000 + 500 - 200
        assertThat(t.ytdPnl()).isEqualTo(Money.ofDollars(1_300));
        assertThat(t.asOf()).contains(D.plusDays(11));
    }

    @Test
    void withoutHistoryThereIsNoProfitYet() {
        Totals t = Totals.of(Optional.empty(), Money.ofDollars(500_000), Money.ofDollars(500_000));
        assertThat(t.weekPnl()).isEqualTo(Money.ZERO);
        assertThat(t.asOf()).isEmpty();
    }
}
