package io.alluse.market.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.market.calendar.ExchangeCalendar;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiryScheduleTest {

    private final ExpirySchedule schedule = new ExpirySchedule(ExchangeCalendar.nyse());

    @Test
    void weekliesMonthliesAndLeaps() {
        List<LocalDate> listed = schedule.listed(LocalDate.of(2026, 3, 30));
        assertThat(listed).startsWith(
                d("2026-04-02"), // Good Friday week: Thursday
                d("2026-04-10"), d("2026-04-17"), d("2026-04-24"), d("2026-05-01"), d("2026-05-08"),
                d("2026-05-15"), d("2026-05-22"),
                d("2026-06-18")); // June monthly on Thursday: Juneteenth is the third Friday
        assertThat(listed).contains(d("2026-07-17"), d("2026-11-20"));
        assertThat(listed).endsWith(d("2027-01-15"), d("2028-01-21"), d("2029-01-19"));
        assertThat(listed).isSorted().doesNotHaveDuplicates();
        assertThat(listed).doesNotContain(d("2026-05-29"));
    }

    @Test
    void todaysExpiryIsListedAndYesterdaysIsNot() {
        assertThat(schedule.listed(d("2026-01-09")).getFirst()).isEqualTo(d("2026-01-09"));
        assertThat(schedule.listed(d("2026-01-10")).getFirst()).isEqualTo(d("2026-01-16"));
    }

    @Test
    void monthlyIsTheThirdFridayRule() {
        assertThat(schedule.isMonthly(d("2026-01-16"))).isTrue();
        assertThat(schedule.isMonthly(d("2026-01-09"))).isFalse();
        assertThat(schedule.isMonthly(d("2026-06-18"))).isTrue();
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
