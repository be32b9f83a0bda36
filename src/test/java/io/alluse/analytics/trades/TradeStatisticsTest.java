package io.alluse.analytics.trades;

import io.alluse.domain.Money;
import io.alluse.domain.Symbol;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.alluse.analytics.Points.dollars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TradeStatisticsTest {

    private static final LocalDate FRI = LocalDate.of(2024, 3, 8);

    private static ClosedOptionTrade trade(String premium, String cost, String fees, ClosedOptionTrade.Outcome outcome) {
        return new ClosedOptionTrade(new Symbol("TSLA"), FRI, dollars(premium), dollars(cost), dollars(fees), outcome);
    }

    /*
     * Four weekly puts, by hand:
     *   expired:     +500.00 premium, 0 to close, 1.30 fees   ->  +498.70  win
     *   bought back: +400.00,  150.00 to close,  2.60 fees    ->  +247.40  win
     *   bought back: +300.00,  650.00 to close,  2.60 fees    ->  -352.60  loss
     *   assigned:    +450.00, 0 to close, 1.30 fees           ->  +448.70  win (on the option)
     * premium 1,650.00; realized 842.20; 3 wins of 4 = 75%; 1 assignment of 4 = 25%.
     * Open: 100 shares bought at 20,000.00 now 19,250.00 (-750.00); a call sold for 310.00 now 120.00
     * to buy back (+190.00); unrealized -560.00.
     */
    @Test
    void statisticsByHand() {
        List<ClosedOptionTrade> closed = List.of(
                trade("500.00", "0", "1.30", ClosedOptionTrade.Outcome.EXPIRED),
                trade("400.00", "150.00", "2.60", ClosedOptionTrade.Outcome.BOUGHT_BACK),
                trade("300.00", "650.00", "2.60", ClosedOptionTrade.Outcome.BOUGHT_BACK),
                trade("450.00", "0", "1.30", ClosedOptionTrade.Outcome.ASSIGNED));
        List<OpenPosition> open = List.of(
                new OpenPosition("TSLA", dollars("20000.00"), dollars("19250.00")),
                new OpenPosition("TSLA 2024-03-15 C 210", dollars("-310.00"), dollars("-120.00")));

        TradeStatistics t = TradeStatistics.of(closed, open);

        assertThat(t.closedTrades()).isEqualTo(4);
        assertThat(t.premiumCollected()).isEqualTo(dollars("1650.00"));
        assertThat(t.realizedPnl()).isEqualTo(dollars("842.20"));
        assertThat(t.wins()).isEqualTo(3);
        assertThat(t.winRate().getAsDouble()).isCloseTo(0.75, within(1e-15));
        assertThat(t.assigned()).isEqualTo(1);
        assertThat(t.assignmentRate().getAsDouble()).isCloseTo(0.25, within(1e-15));
        assertThat(t.expired()).isEqualTo(1);
        assertThat(t.unrealizedPnl()).isEqualTo(dollars("-560.00"));
        assertThat(t.totalPnl()).isEqualTo(dollars("282.20"));
    }

    @Test
    void noTradesHaveNoRates() {
        TradeStatistics t = TradeStatistics.of(List.of(), List.of());

        assertThat(t.winRate()).isEmpty();
        assertThat(t.assignmentRate()).isEmpty();
        assertThat(t.realizedPnl()).isEqualTo(Money.ZERO);
    }

    @Test
    void contradictoryTradesAreRejected() {
        assertThatThrownBy(() -> trade("100.00", "20.00", "0", ClosedOptionTrade.Outcome.EXPIRED))
                .hasMessageContaining("TSLA trade closed 2024-03-08")
                .hasMessageContaining("costToClose must be zero");
        assertThatThrownBy(() -> trade("0", "0", "0", ClosedOptionTrade.Outcome.EXPIRED))
                .hasMessageContaining("premiumReceived must be the positive credit");
        assertThatThrownBy(() -> trade("100.00", "-1.00", "0", ClosedOptionTrade.Outcome.BOUGHT_BACK))
                .hasMessageContaining("costToClose must be zero or the positive debit");
    }
}
