package io.alluse.market.history;

import java.time.LocalDate;

/**
 * One row of a daily price file, as traded (not adjusted), dollars per share.
 *
 * @param adjClose the close adjusted for later splits and dividends, as download sites provide it
 */
public record DailyBar(LocalDate date, double open, double high, double low, double close, double adjClose, long volume) {

    /** Multiplies this day's traded prices into the adjusted series: {@code adjClose / close}. */
    public double adjustment() {
        return adjClose / close;
    }
}
