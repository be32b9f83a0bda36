package io.alluse.market.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The time the market, the strategies and the engine agree on. Wall time in normal use; a
 * {@link SimulatedClock} in paper demos, tests and backtests. Implementations are thread-safe.
 */
public interface MarketClock {

    ZoneId NEW_YORK = ZoneId.of("America/New_York");

    Instant now();

    /** Now as New York wall-clock time (the exchange's time zone). */
    default ZonedDateTime nowInNewYork() {
        return now().atZone(NEW_YORK);
    }

    /** Today's date in New York: the trading date, whatever the user's own time zone. */
    default LocalDate todayInNewYork() {
        return nowInNewYork().toLocalDate();
    }

    /** The system clock. */
    static MarketClock system() {
        return WallClock.INSTANCE;
    }
}
