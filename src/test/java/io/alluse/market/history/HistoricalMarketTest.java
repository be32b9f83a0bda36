package io.alluse.market.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Symbol;
import io.alluse.market.DailyClose;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.clock.SimulatedClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoricalMarketTest {

    private static final Symbol XYZ = new Symbol("XYZ");

    /**
     * 30 trading days of January-February 2026 with a 2:1 split after the 10th row: traded
     * prices halve, Adj Close is continuous. Closes alternate +2% / -1% in adjusted terms.
     */
    private static PriceHistory history() {
        List<DailyBar> bars = new ArrayList<>();
        LocalDate d = LocalDate.of(2026, 1, 2);
        double adj = 100;
        int row = 0;
        while (bars.size() < 30) {
            if (d.getDayOfWeek().getValue() <= 5 && !d.equals(LocalDate.of(2026, 1, 19)) && !d.equals(LocalDate.of(2026, 2, 16))) {
                double factor = row < 10 ? 0.5 : 1.0; // before the split traded prices were twice the adjusted ones
                double close = adj / factor;
                double open = close * 0.99;
                bars.add(new DailyBar(d, open, close * 1.01, open * 0.99, close, adj, 1_000_000));
                adj *= row % 2 == 0 ? 1.02 : 0.99;
                row++;
            }
            d = d.plusDays(1);
        }
        return new PriceHistory(XYZ, bars);
    }

    private static HistoricalMarket replayAt(String instant) {
        return new HistoricalMarket(new SimulatedClock(Instant.parse(instant)), List.of(history()));
    }

    @Test
    void pricesAreSplitAdjusted() {
        HistoricalMarket m = replayAt("2026-01-06T21:00:00Z");
        PriceHistory h = history();
        DailyBar jan6 = h.bars().get(2);
        assertThat(jan6.close()).isEqualTo(2 * jan6.adjClose(), within(1e-9));
        assertThat(m.spot(XYZ)).isCloseTo(jan6.adjClose(), within(1e-12));
    }

    @Test
    void intradayRunsFromOpenToClose() {
        PriceHistory h = history();
        DailyBar jan7 = h.bars().get(3);
        DailyBar jan6 = h.bars().get(2);
        HistoricalMarket m = replayAt("2026-01-07T12:00:00Z");
        assertThat(m.spotAt(XYZ, Instant.parse("2026-01-07T12:00:00Z"))).isCloseTo(jan6.adjClose(), within(1e-12));
        double open = jan7.open() * jan7.adjustment();
        assertThat(m.spotAt(XYZ, Instant.parse("2026-01-07T14:30:00Z"))).isCloseTo(open, within(1e-12));
        // 12:45 is halfway through 09:30-16:00.
        assertThat(m.spotAt(XYZ, Instant.parse("2026-01-07T17:45:00Z"))).isCloseTo((open + jan7.adjClose()) / 2, within(1e-12));
        assertThat(m.spotAt(XYZ, Instant.parse("2026-01-07T21:00:00Z"))).isCloseTo(jan7.adjClose(), within(1e-12));
        // Martin Luther King Jr. Day has no row: Friday's close.
        assertThat(m.spotAt(XYZ, Instant.parse("2026-01-19T17:00:00Z"))).isCloseTo(h.bars().get(10).adjClose(), within(1e-12));
    }

    @Test
    void volatilityIsTheRealisedVolatilityOfTheTrailingWindow() {
        PriceHistory h = history();
        // Independent calculation: sample standard deviation of the 20 log returns before row 25.
        double[] r = new double[20];
        for (int i = 0; i < 20; i++) {
            r[i] = Math.log(h.bars().get(5 + i).adjClose() / h.bars().get(4 + i).adjClose());
        }
        double mean = java.util.Arrays.stream(r).average().orElseThrow();
        double var = java.util.Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum() / 19;
        LocalDate row25 = h.bars().get(25).date();
        HistoricalMarket m = replayAt(row25.toString() + "T15:00:00Z");
        assertThat(m.volatilityOn(XYZ, row25)).isCloseTo(Math.sqrt(var * 252), within(1e-12));
        // The first days have too few returns: the documented placeholder.
        assertThat(m.volatilityOn(XYZ, h.firstDate())).isEqualTo(HistoricalMarket.PLACEHOLDER_VOLATILITY);
    }

    @Test
    void optionsArePricedFromTheReplay() {
        MarketView m = replayAt("2026-02-09T16:00:00Z");
        LocalDate expiry = m.expiries(XYZ).getFirst();
        assertThat(expiry).isEqualTo(LocalDate.of(2026, 2, 13));
        OptionChain chain = m.chain(XYZ, expiry);
        assertThat(chain.underlyingPrice()).isEqualTo(m.spot(XYZ));
        assertThat(chain.dividendYield()).isZero();
        OptionContract put = chain.puts().get(chain.puts().size() / 2).contract();
        assertThat(m.quote(put)).isEqualTo(chain.quote(OptionRight.PUT, put.strike()).orElseThrow());
        assertThat(m.quote(new OptionContract(XYZ, expiry, OptionRight.CALL, Money.ofCents(10_001))).ask().isPositive()).isTrue();
    }

    @Test
    void closesStopAtNow() {
        HistoricalMarket m = replayAt("2026-01-08T20:00:00Z");
        List<DailyClose> closes = m.closes(XYZ, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 3, 1));
        assertThat(closes).extracting(DailyClose::date).containsExactly(
                LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 7));
    }

    @Test
    void outsideTheDataTheMessageGivesTheRange() {
        PriceHistory h = history();
        assertThatThrownBy(() -> replayAt("2025-12-31T15:00:00Z").spot(XYZ))
                .isInstanceOf(MarketDataException.class)
                .hasMessage("the imported XYZ history covers 2026-01-02 to " + h.lastDate() + "; the replay is at 2025-12-31");
        assertThatThrownBy(() -> replayAt("2026-03-20T15:00:00Z").spot(XYZ)).isInstanceOf(MarketDataException.class);
        assertThatThrownBy(() -> replayAt("2026-01-08T20:00:00Z").spot(new Symbol("AAPL")))
                .hasMessage("AAPL is not in the imported histories; they cover XYZ");
    }

    @Test
    void isACatalogOfTheImportedSymbols() {
        HistoricalMarket m = replayAt("2026-01-08T20:00:00Z");
        assertThat(m.name()).isEqualTo("history replay");
        assertThat(m.isKnown(XYZ)).isTrue();
        assertThat(m.symbols()).containsExactly(XYZ);
    }
}
