package io.alluse.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.DeltaRange;
import io.alluse.domain.Symbol;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.chain.MarketMaker;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import io.alluse.market.chain.SpreadModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The strike search reads only the strikes near the band; its outcome must be the full scan's in
 * every field (the pick, the nearest |delta| seen either side, the strikes rejected under a minimum),
 * over chains priced by the real market maker across spots, volatilities, skews, rates, yields and
 * expiries from the same day to LEAPS.
 */
class SelectionSearchTest {

    private static final ExchangeCalendar CALENDAR = ExchangeCalendar.nyse();
    private static final Instant NOW = Instant.parse("2026-11-11T16:07:00Z");
    private static final Symbol XYZ = new Symbol("XYZ");

    @Property(tries = 600)
    void theSearchFindsWhatTheFullScanFinds(@ForAll @DoubleRange(min = 3, max = 3000) double spot,
                                            @ForAll @DoubleRange(min = 0.03, max = 1.6) double volatility,
                                            @ForAll @DoubleRange(min = 0, max = 5) double skew,
                                            @ForAll @DoubleRange(min = -0.02, max = 0.1) double rate,
                                            @ForAll @DoubleRange(min = 0, max = 0.08) double dividendYield,
                                            @ForAll @IntRange(min = 0, max = 900) int days,
                                            @ForAll @DoubleRange(min = 0.001, max = 0.99) @net.jqwik.api.constraints.Scale(6) double a,
                                            @ForAll @DoubleRange(min = 0.001, max = 0.99) @net.jqwik.api.constraints.Scale(6) double b,
                                            @ForAll @DoubleRange(min = 0.5, max = 1.3) double minStrikeOfSpot,
                                            @ForAll boolean withMinimum) {
        LocalDate expiry = CALENDAR.onOrBeforeTradingDay(ExchangeCalendar.dateOf(NOW).plusDays(days));
        if (expiry.isBefore(ExchangeCalendar.dateOf(NOW))) {
            expiry = ExchangeCalendar.dateOf(NOW);
        }
        MarketMaker maker = new MarketMaker(CALENDAR, rate, skew, SpreadModel.DEFAULT);
        OptionChain chain = maker.chain(XYZ, expiry, NOW, spot, dividendYield, volatility);
        DeltaRange band = new DeltaRange(Math.min(a, b), Math.max(a, b));
        long minStrike = withMinimum ? Math.round(spot * minStrikeOfSpot * 100) : 0;
        for (List<OptionQuote> quotes : List.of(chain.puts(), chain.calls())) {
            assertSame(Selection.strike(quotes, band, minStrike), Selection.scan(quotes, 0, quotes.size(), band, minStrike));
        }
        // through the chain, which knows its quotes' rights without pricing the first and last to find out
        assertThat(chain.quotesMatchTheirRight()).isTrue();
        OptionChain fresh = maker.chain(XYZ, expiry, NOW, spot, dividendYield, volatility);
        assertSame(Selection.strike(fresh, io.alluse.domain.OptionRight.PUT, band, minStrike),
                Selection.scan(chain.puts(), 0, chain.puts().size(), band, minStrike));
        assertSame(Selection.strike(fresh, io.alluse.domain.OptionRight.CALL, band, minStrike),
                Selection.scan(chain.calls(), 0, chain.calls().size(), band, minStrike));
    }

    @Test
    void aNarrowBandBetweenTwoStrikesReportsBothNeighbours() {
        MarketMaker maker = new MarketMaker(CALENDAR, 0.04, 0.8, SpreadModel.DEFAULT);
        OptionChain chain = maker.chain(XYZ, LocalDate.of(2026, 12, 18), NOW, 400, 0.0, 0.55);
        assertThat(chain.puts()).hasSizeGreaterThan(100);
        // a band no strike falls in: the search must still report the |delta| just below and just above it
        DeltaRange band = new DeltaRange(0.3000, 0.3001);
        Selection.StrikePick full = Selection.scan(chain.puts(), 0, chain.puts().size(), band, 0);
        Selection.StrikePick searched = Selection.strike(chain.puts(), band, 0);
        assertThat(full.best).isNull();
        assertThat(full.nearestBelow).isLessThan(0.3).isGreaterThan(0.25);
        assertSame(searched, full);
    }

    /** The pick remembered on a shared chain is the search's, per key: right, band and minimum strike each tell picks apart. */
    @Test
    void thePickRememberedOnTheChainIsTheSearchsForEachKey() {
        MarketMaker maker = new MarketMaker(CALENDAR, 0.04, 0.8, SpreadModel.DEFAULT);
        OptionChain chain = maker.chain(XYZ, LocalDate.of(2026, 12, 18), NOW, 400, 0.0, 0.55);
        DeltaRange band = new DeltaRange(0.20, 0.30);
        DeltaRange other = new DeltaRange(0.40, 0.50);
        Selection.StrikePick puts = Selection.strike(chain, io.alluse.domain.OptionRight.PUT, band, 0);
        assertSame(puts, Selection.strike(chain.puts(), band, 0));
        assertThat(Selection.strike(chain, io.alluse.domain.OptionRight.PUT, new DeltaRange(0.20, 0.30), 0)).as("remembered").isSameAs(puts);
        assertSame(Selection.strike(chain, io.alluse.domain.OptionRight.CALL, band, 0), Selection.strike(chain.calls(), band, 0));
        assertSame(Selection.strike(chain, io.alluse.domain.OptionRight.PUT, other, 0), Selection.strike(chain.puts(), other, 0));
        assertSame(Selection.strike(chain, io.alluse.domain.OptionRight.CALL, band, 45_000), Selection.strike(chain.calls(), band, 45_000));
        assertThat(Selection.strike(chain, io.alluse.domain.OptionRight.PUT, other, 0).best).isNotEqualTo(puts.best);
        // another chain (a later minute) computes its own
        OptionChain later = maker.chain(XYZ, LocalDate.of(2026, 12, 18), NOW.plusSeconds(60), 380, 0.0, 0.55);
        assertSame(Selection.strike(later, io.alluse.domain.OptionRight.PUT, band, 0), Selection.strike(later.puts(), band, 0));
    }

    /** A chain made from quotes given elsewhere may hold the wrong right in a list: the pick then checks, and scans what it finds. */
    @Test
    void aChainOfGivenQuotesWhosePutsAreCallsIsPickedAsTheCallsTheyAre() {
        MarketMaker maker = new MarketMaker(CALENDAR, 0.04, 0.8, SpreadModel.DEFAULT);
        OptionChain priced = maker.chain(XYZ, LocalDate.of(2026, 12, 18), NOW, 400, 0.0, 0.55);
        OptionChain given = OptionChain.of(XYZ, priced.expiry(), NOW, 400, priced.yearsToExpiry(), 0.04, 0.0, priced.calls(), priced.calls());
        OptionChain right = OptionChain.of(XYZ, priced.expiry(), NOW, 400, priced.yearsToExpiry(), 0.04, 0.0, priced.calls(), priced.puts());
        assertThat(given.quotesMatchTheirRight()).isFalse();
        assertThat(right.quotesMatchTheirRight()).isTrue();
        DeltaRange band = new DeltaRange(0.20, 0.30);
        Selection.StrikePick pick = Selection.strike(given, io.alluse.domain.OptionRight.PUT, band, 0);
        assertSame(pick, Selection.scan(priced.calls(), 0, priced.calls().size(), band, 0));
        assertThat(pick.best.right()).isEqualTo(io.alluse.domain.OptionRight.CALL);
    }

    private static void assertSame(Selection.StrikePick searched, Selection.StrikePick full) {
        assertThat(searched.best).isEqualTo(full.best);
        assertThat(Double.valueOf(searched.bestDistance)).as("bestDistance").isEqualTo(Double.valueOf(full.bestDistance));
        assertThat(Double.valueOf(searched.nearestBelow)).as("nearestBelow").isEqualTo(Double.valueOf(full.nearestBelow));
        assertThat(Double.valueOf(searched.nearestAbove)).as("nearestAbove").isEqualTo(Double.valueOf(full.nearestAbove));
        assertThat(searched.inBandBelowMinStrike).isEqualTo(full.inBandBelowMinStrike);
        assertThat(searched.highestRejectedStrike).isEqualTo(full.highestRejectedStrike);
        assertThat(Double.valueOf(searched.rejectedDelta)).as("rejectedDelta").isEqualTo(Double.valueOf(full.rejectedDelta));
    }
}
