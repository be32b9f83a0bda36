package io.alluse.market.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NYSE trading calendar in America/New_York: which days trade, their hours, and the option
 * expiry dates that follow from them. Immutable and thread-safe; one shared instance
 * ({@link #nyse()}) is enough for the whole application.
 *
 * <p>Full-day holidays come from jollyday's NYSE calendar (New Year's Day, Martin Luther King Jr.
 * Day, Washington's Birthday, Good Friday, Memorial Day, Juneteenth from 2022, Independence Day,
 * Labor Day, Thanksgiving, Christmas, with NYSE Rule 7.2's weekend rules: a Sunday holiday is
 * observed on Monday, a Saturday one on Friday, except New Year's Day, which is then not observed
 * at all; plus unscheduled closures such as the 2025-01-09 national day of mourning).
 * Early closes (13:00) are not in jollyday and are computed here: July 3, the day after
 * Thanksgiving and December 24, each when it is a trading day.
 */
public final class ExchangeCalendar {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final LocalTime OPEN = LocalTime.of(9, 30);
    public static final LocalTime CLOSE = LocalTime.of(16, 0);
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

    private static final ExchangeCalendar NYSE = new ExchangeCalendar();

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NYSE));
    /** Holidays by year; one small map per year ever asked for, a few dozen at most in practice. */
    private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

    private ExchangeCalendar() {
    }

    public static ExchangeCalendar nyse() {
        return NYSE;
    }

    /** A weekday on which the exchange is open (possibly only until 13:00). */
    public boolean isTradingDay(LocalDate date) {
        return !isWeekend(date) && !holidaysOf(date.getYear()).containsKey(date);
    }

    /** The name of the exchange holiday on {@code date}, if the exchange is closed for one. */
    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(holidaysOf(date.getYear()).get(date));
    }

    /** The exchange closes at 13:00 on this trading day. */
    public boolean isEarlyClose(LocalDate date) {
        if (!isTradingDay(date)) {
            return false;
        }
        return (date.getMonth() == Month.JULY && date.getDayOfMonth() == 3)
                || (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24)
                || date.equals(thanksgiving(date.getYear()).plusDays(1));
    }

    /** The regular session of {@code date}, or empty when the exchange is closed all day. */
    public Optional<Session> session(LocalDate date) {
        if (!isTradingDay(date)) {
            return Optional.empty();
        }
        boolean early = isEarlyClose(date);
        return Optional.of(new Session(date, ZonedDateTime.of(date, OPEN, NEW_YORK),
                ZonedDateTime.of(date, early ? EARLY_CLOSE : CLOSE, NEW_YORK), early));
    }

    /** Whether the regular session is under way at {@code instant}. */
    public boolean isOpen(Instant instant) {
        return session(dateOf(instant)).map(s -> s.contains(instant)).orElse(false);
    }

    /** The New York calendar date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(NEW_YORK).toLocalDate();
    }

    /** The first trading day strictly after {@code date}. */
    public LocalDate nextTradingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isTradingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The last trading day strictly before {@code date}. */
    public LocalDate previousTradingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** {@code date} itself when it trades, otherwise the trading day before it. */
    public LocalDate onOrBeforeTradingDay(LocalDate date) {
        return isTradingDay(date) ? date : previousTradingDay(date);
    }

    /**
     * Trading days {@code d} with {@code from < d <= to}: from a trade date to an expiry, the
     * sessions still to come. Zero when {@code to <= from}.
     */
    public int tradingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The weekly option expiry of the Monday-to-Sunday week containing {@code date}: that week's
     * Friday, or the trading day before it when the Friday is a holiday (Good Friday, a July 4th
     * or Christmas on a Friday...).
     */
    public LocalDate weeklyExpiry(LocalDate date) {
        LocalDate friday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(4);
        return onOrBeforeTradingDay(friday);
    }

    /** The standard monthly expiry: the third Friday, or the trading day before it when that Friday is a holiday. */
    public LocalDate monthlyExpiry(YearMonth month) {
        return onOrBeforeTradingDay(thirdFriday(month));
    }

    public static LocalDate thirdFriday(YearMonth month) {
        return month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static LocalDate thanksgiving(int year) {
        return LocalDate.of(year, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    }

    private Map<LocalDate, String> holidaysOf(int year) {
        return byYear.computeIfAbsent(year, this::load);
    }

    private Map<LocalDate, String> load(int year) {
        Map<LocalDate, String> map = new TreeMap<>();
        java.util.Set<Holiday> ofYear;
        // jollyday does not promise thread safety; each year is loaded once, so a lock costs nothing.
        synchronized (holidays) {
            ofYear = holidays.getHolidays(Year.of(year));
        }
        for (Holiday h : ofYear) {
            // getDate() is the observed date: Saturday's July 4th is closed on Friday July 3rd.
            LocalDate date = h.getDate();
            if (!isWeekend(date)) {
                map.put(date, name(h));
            }
        }
        return Map.copyOf(map);
    }

    private static String name(Holiday h) {
        String key = h.getPropertiesKey() == null ? "" : h.getPropertiesKey();
        return switch (key) {
            case "LABOUR_DAY" -> "Labor Day";
            case "WASHINGTONS_BIRTHDAY" -> "Washington's Birthday (Presidents' Day)";
            default -> h.getDescription(Locale.US);
        };
    }
}
