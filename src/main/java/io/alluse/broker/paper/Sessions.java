package io.alluse.broker.paper;

import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.calendar.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closing bells the paper broker needs again and again (every account holding an option asks for
 * its expiry's close), looked up once per date and shared by all accounts: a thousand backtest
 * accounts would otherwise rebuild the same {@link Session} millions of times.
 */
final class Sessions {

    private static final Map<LocalDate, Instant> EXPIRY_CLOSE = new ConcurrentHashMap<>();

    private Sessions() {
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
        // The calendar is the NYSE's and there is only one; the cache cannot mix calendars.
        EXPIRY_CLOSE.putIfAbsent(expiry, close);
        return close;
    }
}
