package io.alluse.analytics.metrics;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The deepest fall of the time-weighted growth index from a previous peak. Measured on the
 * flow-adjusted index, so a withdrawal is never a drawdown and a deposit never a recovery.
 *
 * @param depth          the fall as a positive fraction of the peak: 0.25 is a 25% drawdown
 * @param peak           the last day at the peak before the fall
 * @param trough         the lowest day
 * @param recovery       the first day back at (or above) the peak, empty while still under water
 * @param tradingDays    points from the peak to the recovery, or to the last day when not recovered
 * @param calendarDays   calendar days over the same stretch
 */
public record Drawdown(double depth, LocalDate peak, LocalDate trough, Optional<LocalDate> recovery,
                       int tradingDays, long calendarDays) {

    public Drawdown {
        Objects.requireNonNull(peak, "peak");
        Objects.requireNonNull(trough, "trough");
        Objects.requireNonNull(recovery, "recovery");
    }

    public boolean recovered() {
        return recovery.isPresent();
    }
}
