package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.AccountStatus;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.run.CycleStatus;
import io.alluse.engine.CycleSchedule.AccountView;
import io.alluse.engine.CycleSchedule.Due;
import io.alluse.market.calendar.ExchangeCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schedule decides from configuration, calendar, clock and ledger alone; restarts go through it too. */
class CycleScheduleTest {

    private static final ExecutionWindow WINDOW = ExecutionWindow.of("10:15", "10:45");
    private final CycleSchedule schedule = new CycleSchedule(ExchangeCalendar.nyse(), Duration.ofMinutes(15));

    /** 2026-11-23 is a Monday; 26 Thanksgiving (closed); 27 closes early at 13:00. */
    private static Instant ny(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ExchangeCalendar.NEW_YORK).toInstant();
    }

    private static AccountView view(Optional<LocalDate> lastDay, Optional<CycleStatus> last, Optional<Instant> lastSync) {
        return new AccountView(AccountStatus.ACTIVE, WINDOW, ny("2026-11-20T08:00"), lastDay, last, Optional.of(LocalDate.of(2026, 11, 20)),
                lastSync, Optional.empty());
    }

    private static AccountView syncedAt(Instant t, Optional<LocalDate> lastDay, Optional<CycleStatus> last) {
        return view(lastDay, last, Optional.of(t));
    }

    private static final Optional<LocalDate> FRIDAY_20 = Optional.of(LocalDate.of(2026, 11, 20));
    private static final Optional<CycleStatus> DONE = Optional.of(CycleStatus.DONE);

    @Test
    void beforeTheWindowOnlyTheFirstSyncIsDueAndTheNextWakeIsTheWindowStart() {
        Instant now = ny("2026-11-23T09:40");
        assertThat(schedule.due(view(FRIDAY_20, DONE, Optional.empty()), now)).containsExactly(new Due.Sync());
        AccountView synced = syncedAt(now, FRIDAY_20, DONE);
        assertThat(schedule.due(synced, now)).isEmpty();
        assertThat(schedule.nextWake(synced, now)).isEqualTo(ny("2026-11-23T09:55"));
        assertThat(schedule.nextWake(synced, ny("2026-11-23T10:00"))).isEqualTo(ny("2026-11-23T10:15"));
    }

    @Test
    void insideTheWindowTheCycleIsDueOnceAndNotAgainWhenDone() {
        Instant now = ny("2026-11-23T10:20");
        assertThat(schedule.due(syncedAt(now, FRIDAY_20, DONE), now)).containsExactly(new Due.RunCycle(LocalDate.of(2026, 11, 23)));
        assertThat(schedule.due(syncedAt(now, Optional.of(LocalDate.of(2026, 11, 23)), DONE), now.plusSeconds(60))).isEmpty();
    }

    @Test
    void restartInsideTheWindowRunsTheCycleAndAfterItRecordsItMissed() {
        AccountView freshStart = view(FRIDAY_20, DONE, Optional.empty());
        assertThat(schedule.due(freshStart, ny("2026-11-23T10:30")))
                .containsExactly(new Due.Sync(), new Due.RunCycle(LocalDate.of(2026, 11, 23)));
        assertThat(schedule.due(freshStart, ny("2026-11-23T11:00")))
                .containsExactly(new Due.Sync(), new Due.Missed(List.of(LocalDate.of(2026, 11, 23))));
    }

    @Test
    void aCycleLeftRunningByACrashIsResumedInItsWindowAndFailedAfterIt() {
        Optional<LocalDate> monday = Optional.of(LocalDate.of(2026, 11, 23));
        Optional<CycleStatus> running = Optional.of(CycleStatus.RUNNING);
        assertThat(schedule.due(view(monday, running, Optional.empty()), ny("2026-11-23T10:40")))
                .containsExactly(new Due.Sync(), new Due.RunCycle(LocalDate.of(2026, 11, 23)));
        assertThat(schedule.due(syncedAt(ny("2026-11-23T10:50"), monday, running), ny("2026-11-23T10:50")))
                .containsExactly(new Due.FailCycle(LocalDate.of(2026, 11, 23)));
        // next morning, the old RUNNING day is failed and today's cycle is not affected
        assertThat(schedule.due(syncedAt(ny("2026-11-24T10:20"), monday, running), ny("2026-11-24T10:20")))
                .containsExactly(new Due.FailCycle(LocalDate.of(2026, 11, 23)), new Due.RunCycle(LocalDate.of(2026, 11, 24)));
    }

    @Test
    void daysTheAppWasClosedAreMissedTradingDaysOnly() {
        // last cycle Friday 20th; app reopened Monday 30th at 09:00: Mon 23, Tue 24, Wed 25 and the
        // early-close Friday 27 were trading days (Thanksgiving 26 and the weekends were not)
        AccountView view = syncedAt(ny("2026-11-30T09:00"), FRIDAY_20, DONE);
        assertThat(schedule.due(view, ny("2026-11-30T09:00"))).containsExactly(new Due.Missed(List.of(
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 27))));
    }

    @Test
    void pausedAccountsRecordPausedDaysInsteadOfMissedOnes() {
        AccountView paused = new AccountView(AccountStatus.PAUSED, WINDOW, ny("2026-11-20T08:00"), FRIDAY_20, DONE, FRIDAY_20,
                Optional.of(ny("2026-11-24T10:20")), Optional.empty());
        assertThat(schedule.due(paused, ny("2026-11-24T10:20"))).containsExactly(
                new Due.Paused(List.of(LocalDate.of(2026, 11, 23))), new Due.Paused(List.of(LocalDate.of(2026, 11, 24))));
    }

    @Test
    void onAnEarlyCloseDayALateWindowMovesToEndAtTheClose() {
        ExecutionWindow late = ExecutionWindow.of("15:00", "15:30");
        CycleSchedule.Window w = schedule.windowOn(LocalDate.of(2026, 11, 27), late).orElseThrow();
        assertThat(w.start()).isEqualTo(ny("2026-11-27T12:30"));
        assertThat(w.end()).isEqualTo(ny("2026-11-27T13:00"));
        assertThat(schedule.windowOn(LocalDate.of(2026, 11, 26), late)).isEmpty();
        assertThat(schedule.windowOn(LocalDate.of(2026, 11, 27), WINDOW).orElseThrow().start()).isEqualTo(ny("2026-11-27T10:15"));
    }

    @Test
    void afterTheCloseTheDaysSnapshotIsDueOnce() {
        Optional<LocalDate> monday = Optional.of(LocalDate.of(2026, 11, 23));
        AccountView beforeSnapshot = new AccountView(AccountStatus.ACTIVE, WINDOW, ny("2026-11-20T08:00"), monday, DONE, FRIDAY_20,
                Optional.of(ny("2026-11-23T15:50")), Optional.empty());
        assertThat(schedule.due(beforeSnapshot, ny("2026-11-23T16:00"))).containsExactly(new Due.Snapshot(LocalDate.of(2026, 11, 23)));
        AccountView after = new AccountView(AccountStatus.ACTIVE, WINDOW, ny("2026-11-20T08:00"), monday, DONE, monday,
                Optional.of(ny("2026-11-23T15:50")), Optional.empty());
        assertThat(schedule.due(after, ny("2026-11-23T16:30"))).isEmpty();
        // the next thing is Tuesday's open
        assertThat(schedule.nextWake(after, ny("2026-11-23T16:30"))).isEqualTo(ny("2026-11-24T09:30"));
    }

    @Test
    void anAccountCreatedAfterTodaysWindowOwesNothingForToday() {
        AccountView created = new AccountView(AccountStatus.ACTIVE, WINDOW, ny("2026-11-23T11:00"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(ny("2026-11-23T11:00")), Optional.empty());
        assertThat(schedule.due(created, ny("2026-11-23T11:05"))).isEmpty();
        assertThat(schedule.due(created, ny("2026-11-24T10:16"))).contains(new Due.RunCycle(LocalDate.of(2026, 11, 24)));
    }

    @Test
    void aFailedCallWaitsForItsRetryTime() {
        AccountView waiting = new AccountView(AccountStatus.ACTIVE, WINDOW, ny("2026-11-20T08:00"), FRIDAY_20, DONE, FRIDAY_20,
                Optional.of(ny("2026-11-23T09:40")), Optional.of(ny("2026-11-23T10:25")));
        assertThat(schedule.due(waiting, ny("2026-11-23T10:20"))).isEmpty();
        assertThat(schedule.nextWake(waiting, ny("2026-11-23T10:20"))).isEqualTo(ny("2026-11-23T10:25"));
        assertThat(schedule.due(waiting, ny("2026-11-23T10:25"))).contains(new Due.RunCycle(LocalDate.of(2026, 11, 23)));
    }

    @Test
    void closedAccountsOweNothing() {
        AccountView closed = new AccountView(AccountStatus.CLOSED, WINDOW, ny("2026-11-20T08:00"), FRIDAY_20, DONE, FRIDAY_20,
                Optional.empty(), Optional.empty());
        assertThat(schedule.due(closed, ny("2026-11-23T10:20"))).isEmpty();
        assertThat(schedule.nextWake(closed, ny("2026-11-23T10:20"))).isEqualTo(Instant.MAX);
    }

    /**
     * The driver keeps "nothing due until nextWake" per account instead of asking every account at every step
     * ({@code AccountWorker.wakeFor}): that is only right if, for an unchanged view, nothing becomes due and the
     * next wake stays the same at every instant before it. Checked against the schedule itself for random
     * views and instants over three weeks with a holiday and an early close.
     */
    @Test
    void nothingBecomesDueBeforeTheNextWakeSoTheDriverMayKeepIt() {
        java.util.Random random = new java.util.Random(7);
        Instant start = ny("2026-11-16T00:00");
        int checkedCases = 0;
        for (int c = 0; c < 6_000; c++) {
            int startMinute = 9 * 60 + 30 + 5 * random.nextInt(78);
            int length = 5 * (1 + random.nextInt(Math.min(12, (16 * 60 - startMinute) / 5)));
            ExecutionWindow window = new ExecutionWindow(java.time.LocalTime.of(0, 0).plusMinutes(startMinute),
                    java.time.LocalTime.of(0, 0).plusMinutes(startMinute + length));
            Instant t0 = start.plusSeconds(random.nextInt(21 * 24 * 3600));
            LocalDate today = ExchangeCalendar.dateOf(t0);
            Optional<LocalDate> lastDay = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(today.minusDays(random.nextInt(4)));
            Optional<CycleStatus> last = lastDay.map(d -> CycleStatus.values()[random.nextInt(CycleStatus.values().length)]);
            Optional<Instant> lastSync = random.nextInt(5) == 0 ? Optional.empty() : Optional.of(t0.minusSeconds(random.nextInt(3 * 3600)));
            Optional<Instant> retryAt = random.nextInt(5) == 0 ? Optional.of(t0.plusSeconds(random.nextInt(7200) - 1800)) : Optional.empty();
            AccountStatus status = AccountStatus.values()[random.nextInt(AccountStatus.values().length)];
            AccountView v = new AccountView(status, window, t0.minusSeconds(random.nextInt(10 * 24 * 3600)), lastDay, last,
                    Optional.of(today.minusDays(random.nextInt(3))), lastSync, retryAt);
            // cycles are recorded only on days with a window, i.e. trading days; views with a waiting retry are
            // included: a window may end before the retry comes round, and nextWake must say so
            if (!schedule.due(v, t0).isEmpty() || lastDay.isPresent() && schedule.calendar().session(lastDay.get()).isEmpty()) {
                continue;
            }
            Instant wake = schedule.nextWake(v, t0);
            if (wake.equals(Instant.MAX)) {
                continue;
            }
            checkedCases++;
            for (Instant t = t0.plusNanos(1); t.isBefore(wake); t = t.plusSeconds(1 + random.nextInt(900))) {
                assertThat(schedule.due(v, t)).as("due at %s for %s (nothing due at %s)", t, v, t0).isEmpty();
                assertThat(schedule.nextWake(v, t)).as("next wake at %s for %s", t, v).isEqualTo(wake);
            }
            Instant justBefore = wake.minusNanos(1);
            assertThat(schedule.due(v, justBefore)).isEmpty();
            assertThat(schedule.nextWake(v, justBefore)).isEqualTo(wake);
        }
        assertThat(checkedCases).as("views with nothing due").isGreaterThan(300);
    }
}
