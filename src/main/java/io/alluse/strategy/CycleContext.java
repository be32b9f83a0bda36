package io.alluse.strategy;

import io.alluse.market.calendar.ExchangeCalendar;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When a decision is made.
 *
 * @param tradingDay the New York date of the run
 * @param now        the moment of the run, inside the account's execution window on {@code tradingDay}
 */
public record CycleContext(LocalDate tradingDay, Instant now) {

    public CycleContext {
        if (tradingDay == null || now == null) {
            throw new IllegalArgumentException("cycle context needs a trading day and a moment");
        }
        LocalDate nyDate = ExchangeCalendar.dateOf(now);
        if (!nyDate.equals(tradingDay)) {
            throw new IllegalArgumentException("cycle context: now " + now + " is on " + nyDate + " in New York, not on the trading day "
                    + tradingDay + "; pass a moment inside that day's execution window");
        }
    }
}
