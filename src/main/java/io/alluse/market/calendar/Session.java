package io.alluse.market.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One trading day's regular session in America/New_York: 09:30 to 16:00, or to 13:00 on an
 * early-close day.
 */
public record Session(LocalDate date, ZonedDateTime open, ZonedDateTime close, boolean earlyClose) {

    /** Open at {@code instant}: from the opening bell inclusive to the close exclusive. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(open.toInstant()) && instant.isBefore(close.toInstant());
    }

    public Instant openInstant() {
        return open.toInstant();
    }

    public Instant closeInstant() {
        return close.toInstant();
    }
}
