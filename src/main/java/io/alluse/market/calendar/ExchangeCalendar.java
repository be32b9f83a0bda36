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
import java.util.concurrent.atomic.AtomicReferenceArray;

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

    /** Years kept in {@link #years} by index; others (far past or future) go through {@link #otherYears}. */
    private static final int FIRST_INDEXED_YEAR = 1900;
    private static final int INDEXED_YEARS = 300;

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NYSE));
    /**
     * What is known of each year asked for, loaded once: isTradingDay runs millions of times in a
     * backtest, so it reads an array slot and a bit instead of boxing the year into a map key.
     */
    private final AtomicReferenceArray<YearDays> years = new AtomicReferenceArray<>(INDEXED_YEARS);
    private final Map<Integer, YearDays> otherYears = new ConcurrentHashMap<>();

    /** One year's holidays (names, and a bit per day of the year) and the closing bell of each trading day. */
    private record YearDays(Map<LocalDate, String> names, long[] holidayBits, Instant[] closes) {

        boolean isHoliday(int dayOfYear) {
            return (holidayBits[dayOfYear >> 6] & (1L << dayOfYear)) != 0;
        }
    }

    private ExchangeCalendar() {
    }

    public static ExchangeCalendar nyse() {
        return NYSE;
    }

    /** A weekday on which the exchange is open (possibly only until 13:00). */
    public boolean isTradingDay(LocalDate date) {
        return !isWeekend(date) && !yearOf(date.getYear()).isHoliday(date.getDayOfYear());
    }

    /** The name of the exchange holiday on {@code date}, if the exchange is closed for one. */
    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(yearOf(date.getYear()).names().get(date));
    }

    /**
     * The closing bell of {@code date} (13:00 on an early close, else 16:00, New York time), or null
     * when the exchange does not trade that day: {@link #session} without building the session.
     */
    public Instant closeInstantOrNull(LocalDate date) {
        return isWeekend(date) ? null : yearOf(date.getYear()).closes()[date.getDayOfYear()];
    }

    /** The exchange closes at 13:00 on this trading day. */
    public boolean isEarlyClose(LocalDate date) {
        return isTradingDay(date) && earlyClose(date, date.getYear());
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
        long second = instant.getEpochSecond();
        NewYorkDay d = lastDay;
        if (d != null && second >= d.fromSecond() && second < d.toSecond()) {
            return d.date();
        }
        LocalDate date = instant.atZone(NEW_YORK).toLocalDate();
        lastDay = new NewYorkDay(date.atStartOfDay(NEW_YORK).toEpochSecond(), date.plusDays(1).atStartOfDay(NEW_YORK).toEpochSecond(), date);
        return date;
    }

    /** One New York day as the epoch seconds [fromSecond, toSecond) it covers (23, 24 or 25 hours). */
    private record NewYorkDay(long fromSecond, long toSecond, LocalDate date) {
    }

    /**
     * The day {@link #dateOf} answered last: a backtest asks for the date of the same day's moments
     * millions of times, and the time-zone rules behind each answer were about 5% of its time. Swapped
     * whole, so any thread sees a matching range and date; a miss computes as before.
     */
    private static volatile NewYorkDay lastDay;

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
        // 1970-01-01 was a Thursday: day 0 of the week below is Monday, 5 and 6 the weekend
        return Math.floorMod(date.toEpochDay() + 3, 7) >= 5;
    }

    private static LocalDate thanksgiving(int year) {
        return LocalDate.of(year, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    }

    private YearDays yearOf(int year) {
        int index = year - FIRST_INDEXED_YEAR;
        if (index < 0 || index >= INDEXED_YEARS) {
            return otherYears.computeIfAbsent(year, this::loadYear);
        }
        YearDays days = years.getAcquire(index);
        if (days == null) {
            // two threads may both load a year; they load equal data and the first one stays
            YearDays loaded = loadYear(year);
            days = years.compareAndExchangeRelease(index, null, loaded);
            if (days == null) {
                days = loaded;
            }
        }
        return days;
    }

    private YearDays loadYear(int year) {
        Map<LocalDate, String> names = loadHolidays(year);
        long[] bits = new long[(366 >> 6) + 1];
        for (LocalDate d : names.keySet()) {
            int doy = d.getDayOfYear();
            bits[doy >> 6] |= 1L << doy;
        }
        Instant[] closes = new Instant[367];
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (!isWeekend(d) && !names.containsKey(d)) {
                closes[d.getDayOfYear()] = ZonedDateTime.of(d, earlyClose(d, year) ? EARLY_CLOSE : CLOSE, NEW_YORK).toInstant();
            }
        }
        return new YearDays(names, bits, closes);
    }

    /** The early-close rule for a day already known to trade. */
    private static boolean earlyClose(LocalDate date, int year) {
        return (date.getMonth() == Month.JULY && date.getDayOfMonth() == 3)
                || (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24)
                || date.equals(thanksgiving(year).plusDays(1));
    }

    private Map<LocalDate, String> loadHolidays(int year) {
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
