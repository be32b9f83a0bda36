package io.alluse.market.chain;

import io.alluse.market.calendar.ExchangeCalendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeSet;

/**
 * Which expiries are listed on a given day, for the liquid optionable names the simulated
 * market carries:
 * <ul>
 *   <li>weeklies: the expiry of the current week (if not yet passed) and of the next
 *       {@value #WEEKLIES_AHEAD} weeks; Friday, or Thursday when Friday is a holiday</li>
 *   <li>monthlies: the standard third-Friday expiry of the current and next {@value #MONTHLIES_AHEAD} months</li>
 *   <li>LEAPS: the January monthly of each of the next {@value #LEAPS_YEARS} years</li>
 * </ul>
 * An expiry stays listed through its expiry day.
 */
public final class ExpirySchedule {

    static final int WEEKLIES_AHEAD = 7;
    static final int MONTHLIES_AHEAD = 8;
    static final int LEAPS_YEARS = 3;

    private final ExchangeCalendar calendar;

    public ExpirySchedule(ExchangeCalendar calendar) {
        this.calendar = calendar;
    }

    /** Expiries listed on {@code today} (New York date), ascending. */
    public List<LocalDate> listed(LocalDate today) {
        TreeSet<LocalDate> expiries = new TreeSet<>();
        int weeklies = 0;
        for (int week = 0; weeklies <= WEEKLIES_AHEAD; week++) {
            LocalDate expiry = calendar.weeklyExpiry(today.plusWeeks(week));
            if (!expiry.isBefore(today)) {
                expiries.add(expiry);
                weeklies++;
            }
        }
        YearMonth month = YearMonth.from(today);
        for (int m = 0; m <= MONTHLIES_AHEAD; m++) {
            expiries.add(calendar.monthlyExpiry(month.plusMonths(m)));
        }
        for (int y = 1; y <= LEAPS_YEARS; y++) {
            expiries.add(calendar.monthlyExpiry(YearMonth.of(today.getYear() + y, 1)));
        }
        expiries.removeIf(d -> d.isBefore(today));
        return List.copyOf(expiries);
    }

    /** Whether {@code date} is the standard monthly expiry of its month. */
    public boolean isMonthly(LocalDate date) {
        return date.equals(calendar.monthlyExpiry(YearMonth.from(date)));
    }
}
