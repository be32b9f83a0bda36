package io.alluse.ui.drilldown;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.domain.Money;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The headline figures of a portfolio, an account or a sleeve.
 *
 * @param equity  what it is worth (live for an account, at the last close for the portfolio)
 * @param weekPnl money made over the last 7 calendar days of snapshots, deposits excluded
 * @param ytdPnl  money made since the last close of the previous year, deposits excluded
 * @param cash    cash held
 * @param asOf    the last snapshot day the P&L figures run to; empty before the first close
 */
public record Totals(Money equity, Money weekPnl, Money ytdPnl, Money cash, Optional<LocalDate> asOf) {

    /** P&L from {@code series}; equity and cash as given. */
    public static Totals of(Optional<EquitySeries> series, Money equity, Money cash) {
        if (series.isEmpty()) {
            return new Totals(equity, Money.ZERO, Money.ZERO, cash, Optional.empty());
        }
        EquitySeries s = series.get();
        LocalDate last = s.lastDate();
        return new Totals(equity, profitSince(s, last.minusDays(7)), profitSince(s, LocalDate.of(last.getYear(), 1, 1).minusDays(1)), cash,
                Optional.of(last));
    }

    /**
     * Equity change from the last point on or before {@code base} (the first point if none) to the
     * end, less the flows booked after that point: profit, not deposits.
     */
    static Money profitSince(EquitySeries s, LocalDate base) {
        int from = s.indexOnOrAfter(base.plusDays(1)) - 1;
        if (from < 0) {
            from = 0;
        }
        long flows = 0;
        for (int i = from + 1; i < s.size(); i++) {
            flows += s.flowCents(i);
        }
        return Money.ofCents(s.equityCents(s.size() - 1) - s.equityCents(from) - flows);
    }
}
