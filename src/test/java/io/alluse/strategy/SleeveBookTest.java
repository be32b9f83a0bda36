package io.alluse.strategy;

import static io.alluse.strategy.Scenario.ACCOUNT;
import static io.alluse.strategy.Scenario.TSLA;
import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Defaults;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.market.calendar.ExchangeCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;

class SleeveBookTest {

    @Test
    void newYorkMidnightOfEveryMondayMatchesJavaTime() {
        // every Monday from 1990 to 2100, across every daylight-saving change in between
        for (LocalDate monday = LocalDate.of(1990, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                monday.getYear() < 2100; monday = monday.plusWeeks(1)) {
            assertThat(SleeveBook.midnightInNewYork(monday)).as(monday.toString())
                    .isEqualTo(monday.atStartOfDay(ExchangeCalendar.NEW_YORK).toInstant());
        }
    }

    @Test
    void theWeekRunsFromMondayMidnightToSundayNightInNewYork() {
        // Wednesday 2026-03-11; clocks moved forward on Sunday 2026-03-08
        SleeveBook book = new SleeveBook(new SleeveState(ACCOUNT, Defaults.sleeve(SleeveKind.GEN), Defaults.CASH_BUFFER, Money.ZERO,
                List.of(), List.of()), LocalDate.of(2026, 3, 11));
        assertThat(book.inThisWeek(Instant.parse("2026-03-09T04:00:00Z"))).as("Monday 00:00 EDT").isTrue();
        assertThat(book.inThisWeek(Instant.parse("2026-03-09T03:59:59Z"))).as("Sunday 23:59:59 EDT").isFalse();
        assertThat(book.inThisWeek(Instant.parse("2026-03-16T03:59:59Z"))).as("next Sunday 23:59:59").isTrue();
        assertThat(book.inThisWeek(Instant.parse("2026-03-16T04:00:00Z"))).as("next Monday 00:00").isFalse();
        assertThat(book.inThisWeek(null)).isFalse();
        assertThat(book.of(TSLA).committedCents()).isZero();
    }
}
