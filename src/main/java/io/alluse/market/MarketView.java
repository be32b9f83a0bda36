package io.alluse.market;

import io.alluse.domain.OptionContract;
import io.alluse.domain.Symbol;
import io.alluse.domain.SymbolCatalog;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the strategies and the paper broker may read of a market: read-only, thread-safe, and
 * the same for the simulated market and a replay of imported history.
 *
 * <p>Prices are for the market's current moment ({@link #now()}), which implementations may
 * round down to a quote interval (a minute in the simulated market) so that every account asking
 * within that interval sees the very same spot and chains. Prices are dollars per share as
 * {@code double}; round with {@link io.alluse.domain.Money#roundedFrom(double)} where a ledger
 * amount is needed. Option quotes are already in whole cents.
 *
 * <p>Every method throws {@link MarketDataException} with a message naming what is available
 * when it cannot answer (unknown symbol, unlisted or expired expiry, a moment outside the data).
 */
public interface MarketView extends SymbolCatalog {

    /** The market's clock. */
    Instant now();

    ExchangeCalendar calendar();

    /** Every symbol quoted, for pickers and validation. */
    Set<Symbol> symbols();

    /** Last price of the underlying now: during the session it moves, outside it is the last close. */
    double spot(Symbol symbol);

    /** Expiries listed today (New York date), ascending; today's until its closing bell. */
    List<LocalDate> expiries(Symbol symbol);

    /** All listed strikes of one expiry, calls and puts, quoted now. Immutable; shared between callers. */
    OptionChain chain(Symbol symbol, LocalDate expiry);

    /** One contract quoted now, whether or not its strike is on today's grid, until its expiry's close. */
    OptionQuote quote(OptionContract contract);

    /** Continuously compounded risk-free rate per year as a fraction (0.04 = 4%). */
    double riskFreeRate();

    /** Continuous dividend yield per year of {@code symbol} as a fraction, as used to price its options. */
    double dividendYield(Symbol symbol);

    /**
     * Closing prices of the trading days from {@code from} to {@code to} inclusive that have closed
     * by now, oldest first: the chart and benchmark series.
     */
    List<DailyClose> closes(Symbol symbol, LocalDate from, LocalDate to);
}
