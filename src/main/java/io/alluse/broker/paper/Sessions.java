package io.alluse.broker.paper;

import io.alluse.broker.BrokerException;
import io.alluse.domain.Money;
import io.alluse.domain.Symbol;
import io.alluse.market.DailyClose;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.calendar.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facts about the market that every paper account asks for again and again and that never change
 * once known: the sessions' bells, and the official closes of days that have closed. They are
 * looked up once and shared by all accounts; a thousand backtest accounts would otherwise rebuild
 * the same {@link Session} and ask the market for the same close a thousand times.
 */
final class Sessions {

    /** Open and close of one trading day (null times: the exchange is closed all day). */
    record Bells(Instant open, Instant close) {
        static final Bells CLOSED = new Bells(null, null);

        boolean contains(Instant t) {
            return open != null && !t.isBefore(open) && t.isBefore(close);
        }
    }

    private record CloseKey(Symbol symbol, LocalDate day) {
    }

    /** The closes of one day in one market: what a thousand accounts settling at one close all ask for. */
    private record DayCloses(MarketView market, LocalDate day, Map<Symbol, Long> closes) {
    }

    private static final int MAX_CLOSES_PER_MARKET = 100_000;

    // Keyed by date alone: the NYSE calendar is the only one (ExchangeCalendar has no other instance).
    private static final Map<LocalDate, Bells> BELLS = new ConcurrentHashMap<>();
    private static final Map<LocalDate, Instant> EXPIRY_CLOSE = new ConcurrentHashMap<>();
    /** Per market (weakly: a market no longer used is not kept alive by its closes). */
    private static final Map<MarketView, Map<CloseKey, Long>> CLOSES = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<Instant, LocalDate> DAY_OF_CLOSE = new ConcurrentHashMap<>();
    private static volatile DayCloses lastDay = new DayCloses(null, null, Map.of());
    /** The session the accounts asked about last: they move through time together. */
    private static volatile Bells current = Bells.CLOSED;

    private Sessions() {
    }

    /** The session under way at {@code now}, or empty when the regular session is not open. */
    static Optional<Bells> openAt(ExchangeCalendar calendar, Instant now) {
        Bells last = current;
        if (last.contains(now)) {
            return Optional.of(last);
        }
        Bells today = BELLS.computeIfAbsent(ExchangeCalendar.dateOf(now),
                d -> calendar.session(d).map(s -> new Bells(s.openInstant(), s.closeInstant())).orElse(Bells.CLOSED));
        if (today.contains(now)) {
            current = today;
            return Optional.of(today);
        }
        return Optional.empty();
    }

    /**
     * When an option expiring on {@code expiry} stops trading and is settled: that day's closing
     * bell, or, should the date not trade, the close of the trading day before it.
     */
    static Instant expiryClose(ExchangeCalendar calendar, LocalDate expiry) {
        Instant cached = EXPIRY_CLOSE.get(expiry);
        if (cached != null) {
            return cached;
        }
        Instant close = calendar.session(calendar.onOrBeforeTradingDay(expiry)).orElseThrow().closeInstant();
        EXPIRY_CLOSE.putIfAbsent(expiry, close);
        return close;
    }

    /**
     * The official close of {@code symbol} on {@code day}, in cents (rounded half up). Throws
     * {@link BrokerException} ({@code UNAVAILABLE}) when the market cannot tell it yet; only
     * closes the market did tell are remembered.
     */
    static long officialClose(MarketView market, Symbol symbol, LocalDate day, String accountId) {
        DayCloses recent = lastDay;
        if (recent.market() == market && recent.day().equals(day)) {
            Long cached = recent.closes().get(symbol);
            if (cached != null) {
                return cached;
            }
        }
        Map<CloseKey, Long> known = CLOSES.computeIfAbsent(market, m -> new ConcurrentHashMap<>());
        CloseKey key = new CloseKey(symbol, day);
        Long cached = known.get(key);
        if (cached != null) {
            remember(market, day, symbol, cached);
            return cached;
        }
        List<DailyClose> list;
        try {
            list = market.closes(symbol, day, day);
        } catch (MarketDataException e) {
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "Paper account " + accountId + " cannot settle " + symbol
                    + " options expiring " + day + ": " + e.getMessage(), e);
        }
        if (list.isEmpty()) {
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "Paper account " + accountId + " cannot settle " + symbol
                    + " options expiring " + day + ": the market has no official close of " + symbol + " for that day.");
        }
        long cents = Money.roundedFrom(list.getFirst().close()).cents();
        if (known.size() >= MAX_CLOSES_PER_MARKET) {
            known.clear();
        }
        known.put(key, cents);
        remember(market, day, symbol, cents);
        return cents;
    }

    private static void remember(MarketView market, LocalDate day, Symbol symbol, long cents) {
        DayCloses recent = lastDay;
        Map<Symbol, Long> closes = new java.util.HashMap<>(recent.market() == market && day.equals(recent.day()) ? recent.closes() : Map.of());
        closes.put(symbol, cents);
        lastDay = new DayCloses(market, day, closes);
    }

    /** The New York date of a closing bell. */
    static LocalDate tradingDayOf(Instant close) {
        LocalDate day = DAY_OF_CLOSE.get(close);
        if (day == null) {
            day = ExchangeCalendar.dateOf(close);
            if (DAY_OF_CLOSE.size() < 100_000) {
                DAY_OF_CLOSE.put(close, day);
            }
        }
        return day;
    }
}
