package io.alluse.market.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against NYSE's published holiday and early-closing calendars ("NYSE Group announces 2025, 2026
 * and 2027 holiday and early closings calendar", Nov 2024, and the 2026-2028 release of Dec 2025).
 */
class ExchangeCalendarTest {

    private final ExchangeCalendar nyse = ExchangeCalendar.nyse();

    @Test
    void holidays2025() {
        assertThat(weekdayClosures(2025)).containsExactly(
                d("2025-01-01"),
                d("2025-01-09"), // national day of mourning for President Carter, announced after the calendar
                d("2025-01-20"), d("2025-02-17"), d("2025-04-18"), d("2025-05-26"), d("2025-06-19"),
                d("2025-07-04"), d("2025-09-01"), d("2025-11-27"), d("2025-12-25"));
    }

    @Test
    void holidays2026() {
        assertThat(weekdayClosures(2026)).containsExactly(
                d("2026-01-01"), d("2026-01-19"), d("2026-02-16"), d("2026-04-03"), d("2026-05-25"),
                d("2026-06-19"),
                d("2026-07-03"), // Independence Day observed: July 4th is a Saturday
                d("2026-09-07"), d("2026-11-26"), d("2026-12-25"));
    }

    @Test
    void holidays2027() {
        assertThat(weekdayClosures(2027)).containsExactly(
                d("2027-01-01"), d("2027-01-18"), d("2027-02-15"), d("2027-03-26"), d("2027-05-31"),
                d("2027-06-18"), // Juneteenth observed (Saturday)
                d("2027-07-05"), // Independence Day observed (Sunday)
                d("2027-09-06"), d("2027-11-25"),
                d("2027-12-24")); // Christmas observed (Saturday)
    }

    @Test
    void newYearsDayOnASaturdayIsNotObserved() {
        // NYSE Rule 7.2: no New Year's holiday for 2022 and 2028; the Friday before trades normally.
        assertThat(nyse.isTradingDay(d("2021-12-31"))).isTrue();
        assertThat(nyse.isTradingDay(d("2027-12-31"))).isTrue();
        assertThat(weekdayClosures(2028)).containsExactly(
                d("2028-01-17"), d("2028-02-21"), d("2028-04-14"), d("2028-05-29"), d("2028-06-19"),
                d("2028-07-04"), d("2028-09-04"), d("2028-11-23"), d("2028-12-25"));
    }

    @Test
    void juneteenthOnlySince2022() {
        assertThat(nyse.isTradingDay(d("2021-06-18"))).isTrue();
        assertThat(nyse.isTradingDay(d("2022-06-20"))).isFalse();
    }

    @Test
    void earlyCloses2025To2028() {
        assertThat(earlyCloses(2025)).containsExactly(d("2025-07-03"), d("2025-11-28"), d("2025-12-24"));
        assertThat(earlyCloses(2026)).containsExactly(d("2026-11-27"), d("2026-12-24"));
        assertThat(earlyCloses(2027)).containsExactly(d("2027-11-26"));
        assertThat(earlyCloses(2028)).containsExactly(d("2028-07-03"), d("2028-11-24"));
    }

    @Test
    void sessionHoursInNewYorkAcrossDaylightSaving() {
        Session winter = nyse.session(d("2026-01-05")).orElseThrow();
        assertThat(winter.openInstant()).isEqualTo(Instant.parse("2026-01-05T14:30:00Z"));
        assertThat(winter.closeInstant()).isEqualTo(Instant.parse("2026-01-05T21:00:00Z"));
        assertThat(winter.earlyClose()).isFalse();
        Session summer = nyse.session(d("2026-07-06")).orElseThrow();
        assertThat(summer.openInstant()).isEqualTo(Instant.parse("2026-07-06T13:30:00Z"));
        assertThat(summer.closeInstant()).isEqualTo(Instant.parse("2026-07-06T20:00:00Z"));
        Session blackFriday = nyse.session(d("2026-11-27")).orElseThrow();
        assertThat(blackFriday.earlyClose()).isTrue();
        assertThat(blackFriday.closeInstant()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(nyse.session(d("2026-11-26"))).isEmpty();
        assertThat(nyse.session(d("2026-11-28"))).isEmpty();
    }

    @Test
    void openOnlyInsideTheSession() {
        assertThat(nyse.isOpen(Instant.parse("2026-01-05T14:29:59Z"))).isFalse();
        assertThat(nyse.isOpen(Instant.parse("2026-01-05T14:30:00Z"))).isTrue();
        assertThat(nyse.isOpen(Instant.parse("2026-01-05T20:59:59Z"))).isTrue();
        assertThat(nyse.isOpen(Instant.parse("2026-01-05T21:00:00Z"))).isFalse();
        assertThat(nyse.isOpen(Instant.parse("2026-11-27T18:30:00Z"))).isFalse();
    }

    @Test
    void nextAndPreviousTradingDaySkipHolidaysAndWeekends() {
        assertThat(nyse.nextTradingDay(d("2026-07-02"))).isEqualTo(d("2026-07-06"));
        assertThat(nyse.previousTradingDay(d("2026-07-06"))).isEqualTo(d("2026-07-02"));
        assertThat(nyse.nextTradingDay(d("2025-12-31"))).isEqualTo(d("2026-01-02"));
        assertThat(nyse.previousTradingDay(d("2026-04-06"))).isEqualTo(d("2026-04-02"));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-03-30, 2026-04-02", // Good Friday: weeklies expire on Thursday
            "2026-04-05, 2026-04-02", // Sunday belongs to the Monday-Sunday week of that Friday
            "2026-06-29, 2026-07-02", // Independence Day observed on Friday July 3rd
            "2026-11-23, 2026-11-27", // the day after Thanksgiving trades (early close)
            "2026-12-21, 2026-12-24", // Christmas on a Friday
            "2026-01-05, 2026-01-09"})
    void weeklyExpiry(LocalDate anyDay, LocalDate expiry) {
        assertThat(nyse.weeklyExpiry(anyDay)).isEqualTo(expiry);
    }

    @ParameterizedTest
    @CsvSource({"2026-01, 2026-01-16", "2026-02, 2026-02-20", "2025-04, 2025-04-18", "2027-12, 2027-12-17"})
    void thirdFriday(YearMonth month, LocalDate expected) {
        assertThat(ExchangeCalendar.thirdFriday(month)).isEqualTo(expected);
        assertThat(expected.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    }

    @Test
    void monthlyExpiryMovesToThursdayWhenTheThirdFridayIsAHoliday() {
        // Good Friday 2025 is April 18, Juneteenth 2026 is Friday June 19: both third Fridays.
        assertThat(nyse.monthlyExpiry(YearMonth.of(2025, 4))).isEqualTo(d("2025-04-17"));
        assertThat(nyse.monthlyExpiry(YearMonth.of(2026, 6))).isEqualTo(d("2026-06-18"));
        assertThat(nyse.monthlyExpiry(YearMonth.of(2026, 1))).isEqualTo(d("2026-01-16"));
    }

    @Test
    void tradingDaysBetweenCountsTheSessionsStillToCome() {
        // Thursday 2026-07-02 to Friday 2026-07-10: Mon-Fri of the next week, Friday July 3rd closed.
        assertThat(nyse.tradingDaysBetween(d("2026-07-02"), d("2026-07-10"))).isEqualTo(5);
        assertThat(nyse.tradingDaysBetween(d("2026-01-05"), d("2026-01-05"))).isZero();
        assertThat(nyse.tradingDaysBetween(d("2026-01-09"), d("2026-01-05"))).isZero();
        // 2026: 261 weekdays less 10 holidays.
        assertThat(nyse.tradingDaysBetween(d("2025-12-31"), d("2026-12-31"))).isEqualTo(251);
    }

    @Test
    void holidaysHaveReadableNames() {
        assertThat(nyse.holidayName(d("2026-09-07"))).contains("Labor Day");
        assertThat(nyse.holidayName(d("2026-07-03"))).contains("Independence Day");
        assertThat(nyse.holidayName(d("2026-07-06"))).isEmpty();
    }

    private Set<LocalDate> weekdayClosures(int year) {
        Set<LocalDate> closed = new TreeSet<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5 && !nyse.isTradingDay(day)) {
                closed.add(day);
            }
        }
        return closed;
    }

    private Set<LocalDate> earlyCloses(int year) {
        Set<LocalDate> early = new TreeSet<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (nyse.isEarlyClose(day)) {
                early.add(day);
            }
        }
        return early;
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }
    /**
     * dateOf remembers the last day it answered: against the time-zone rules themselves, every few
     * minutes across both daylight-saving changes of 2026 (23- and 25-hour days), at and one
     * nanosecond before each midnight, and jumping between far-apart days so the memo is replaced.
     */
    @Test
    void dateOfAgreesWithTheTimeZoneRulesAcrossMidnightsAndDaylightSavingChanges() {
        java.util.List<Instant> instants = new java.util.ArrayList<>();
        for (LocalDate day : new LocalDate[] {LocalDate.of(2026, 3, 6), LocalDate.of(2026, 10, 30), LocalDate.of(1999, 12, 30)}) {
            Instant from = day.atStartOfDay(ExchangeCalendar.NEW_YORK).toInstant();
            for (long s = 0; s < 4 * 86_400; s += 7 * 60 + 13) {
                instants.add(from.plusSeconds(s));
            }
            for (int d = 0; d < 4; d++) {
                Instant midnight = day.plusDays(d).atStartOfDay(ExchangeCalendar.NEW_YORK).toInstant();
                instants.add(midnight);
                instants.add(midnight.minusNanos(1));
                instants.add(midnight.plusNanos(1));
            }
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            instants.add(instants.get(random.nextInt(instants.size())));
        }
        for (Instant at : instants) {
            assertThat(ExchangeCalendar.dateOf(at)).as("date of %s", at).isEqualTo(at.atZone(ExchangeCalendar.NEW_YORK).toLocalDate());
        }
    }
}
