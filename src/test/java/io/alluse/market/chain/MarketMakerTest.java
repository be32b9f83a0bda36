package io.alluse.market.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Symbol;
import io.alluse.market.MarketDataException;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.pricing.BlackScholes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketMakerTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final LocalDate EXPIRY = LocalDate.of(2026, 1, 16);
    private static final Instant MONDAY_NOON = Instant.parse("2026-01-12T17:00:00Z");

    private final MarketMaker flat = new MarketMaker(ExchangeCalendar.nyse(), 0.04, 0.0, SpreadModel.DEFAULT);
    private final MarketMaker skewed = new MarketMaker(ExchangeCalendar.nyse(), 0.04, 1.0, SpreadModel.DEFAULT);

    @Test
    void timeRunsToTheExpiryDaysClosingBell() {
        // Monday 12:00 to Friday 16:00 New York: 4 days and 4 hours.
        assertThat(flat.yearsToExpiry(MONDAY_NOON, EXPIRY)).isCloseTo((4 + 4 / 24.0) / 365, within(1e-12));
        assertThat(flat.yearsToExpiry(Instant.parse("2026-01-16T21:00:01Z"), EXPIRY)).isZero();
        assertThatThrownBy(() -> flat.expiryTime(LocalDate.of(2026, 1, 17))).isInstanceOf(MarketDataException.class);
    }

    @Test
    void chainQuotesAreTheModelValuesAtTheFlatVolatility() {
        OptionChain chain = flat.chain(AAPL, EXPIRY, MONDAY_NOON, 231.37, 0.0045, 0.25);
        double years = chain.yearsToExpiry();
        OptionQuote put = chain.quote(OptionRight.PUT, Money.ofDollars(230)).orElseThrow();
        double expected = BlackScholes.price(OptionRight.PUT, 231.37, 230, years, 0.25, 0.04, 0.0045);
        assertThat(put.modelValue()).isCloseTo(expected, within(1e-12));
        assertThat(put.impliedVolatility()).isEqualTo(0.25);
        assertThat(put.bid().toDouble()).isLessThanOrEqualTo(expected);
        assertThat(put.ask().toDouble()).isGreaterThanOrEqualTo(expected);
        assertThat(put.underlyingPrice()).isEqualTo(231.37);
    }

    @Test
    void chainCoversTheSpotOnTheGridWithMonotoneDeltas() {
        OptionChain chain = skewed.chain(AAPL, EXPIRY, MONDAY_NOON, 231.37, 0.0045, 0.25);
        List<Money> strikes = chain.strikes();
        assertThat(strikes).isSorted().allMatch(StrikeGrid::isListed);
        assertThat(strikes.getFirst().toDouble()).isLessThan(231.37 * 0.91);
        assertThat(strikes.getLast().toDouble()).isGreaterThan(231.37 * 1.09);
        assertThat(chain.calls()).hasSameSizeAs(strikes);
        double previousCall = 1;
        double previousPut = 0;
        for (int i = 0; i < strikes.size(); i++) {
            OptionQuote call = chain.calls().get(i);
            OptionQuote put = chain.puts().get(i);
            assertThat(call.strike()).isEqualTo(strikes.get(i));
            assertThat(call.delta()).isLessThanOrEqualTo(previousCall).isBetween(0.0, 1.0);
            assertThat(put.delta()).isLessThanOrEqualTo(previousPut).isBetween(-1.0, 0.0);
            previousCall = call.delta();
            previousPut = put.delta();
        }
    }

    @Test
    void skewMakesLowStrikesDearerInVolatility() {
        OptionChain chain = skewed.chain(AAPL, EXPIRY, MONDAY_NOON, 231.37, 0.0045, 0.25);
        double low = chain.quote(OptionRight.PUT, Money.ofDollars(215)).orElseThrow().impliedVolatility();
        double high = chain.quote(OptionRight.PUT, Money.ofDollars(245)).orElseThrow().impliedVolatility();
        assertThat(low).isGreaterThan(0.25).isGreaterThan(high);
        double forward = 231.37 * Math.exp((0.04 - 0.0045) * chain.yearsToExpiry());
        assertThat(low).isCloseTo(0.25 * (1 - Math.log(215 / forward)), within(1e-12));
    }

    @Test
    void quoteOfAnOffGridStrikeStillPrices() {
        OptionContract odd = new OptionContract(AAPL, EXPIRY, OptionRight.CALL, Money.ofCents(23_137));
        OptionQuote q = flat.quote(odd, MONDAY_NOON, 231.37, 0.0045, 0.25);
        assertThat(q.delta()).isCloseTo(0.5, within(0.05));
        assertThat(q.mid().cents()).isEqualTo((q.bid().cents() + q.ask().cents() + 1) / 2);
    }

    @Test
    void afterTheCloseOnExpiryDayTheQuoteIsIntrinsic() {
        OptionContract itm = new OptionContract(AAPL, EXPIRY, OptionRight.PUT, Money.ofDollars(240));
        OptionQuote q = flat.quote(itm, Instant.parse("2026-01-16T21:30:00Z"), 231.37, 0.0045, 0.25);
        assertThat(q.modelValue()).isCloseTo(8.63, within(1e-9));
        assertThat(q.delta()).isEqualTo(-1.0);
    }

    @Test
    void rejectsNonsenseInputsByName() {
        assertThatThrownBy(() -> flat.chain(AAPL, EXPIRY, MONDAY_NOON, 0, 0, 0.25)).hasMessageContaining("AAPL: spot");
        assertThatThrownBy(() -> flat.chain(AAPL, EXPIRY, MONDAY_NOON, 100, 0, 0)).hasMessageContaining("volatility");
        assertThatThrownBy(() -> new MarketMaker(ExchangeCalendar.nyse(), 0.04, -1, SpreadModel.DEFAULT)).hasMessageContaining("skew");
    }
}
