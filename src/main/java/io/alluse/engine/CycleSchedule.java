package io.alluse.engine;

import io.alluse.domain.AccountStatus;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.run.CycleStatus;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.calendar.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "What is due now?" for one account, computed only from its configuration, the exchange
 * calendar, the clock and what its ledger records. A restart, a missed window and a normal day
 * all go through this same function, so there is no separate recovery path to get wrong.
 */
public final class CycleSchedule {

    /** What one account's worker should do now, in this order. */
    public sealed interface Due {
        /** Sync balances, positions and activities with the broker. */
        record Sync() implements Due {
        }

        /** Days whose window passed with no cycle (the app was not running): record them, tell the user. */
        record Missed(List<LocalDate> days) implements Due {
        }

        /** Days the account was paused through its window. */
        record Paused(List<LocalDate> days) implements Due {
        }

        /** Run (or resume after a crash or failure) the cycle of {@code day}. */
        record RunCycle(LocalDate day) implements Due {
        }

        /** A started cycle whose window closed before it could finish. */
        record FailCycle(LocalDate day) implements Due {
        }

        /** End of day: sync (expirations) and write the sleeves' snapshots for {@code day}. */
        record Snapshot(LocalDate day) implements Due {
        }
    }

    /**
     * What the schedule needs to know of an account: kept in memory by its worker and updated as work
     * completes, so that scheduling thousands of accounts reads no database.
     *
     * @param eligibleFrom   cycles are due from the first window ending after this instant (account creation)
     * @param lastCycleDay   the latest day with a recorded cycle, if any
     * @param lastCycle      that cycle's status
     * @param lastSnapshot   the latest day with snapshots
     * @param lastSync       when the broker was last synced, if ever in this run
     * @param retryAt        after a failure: not before this
     */
    public record AccountView(AccountStatus status, ExecutionWindow window, Instant eligibleFrom, Optional<LocalDate> lastCycleDay,
                              Optional<CycleStatus> lastCycle, Optional<LocalDate> lastSnapshot, Optional<Instant> lastSync,
                              Optional<Instant> retryAt) {
    }

    /** An execution window on one day, in instants. */
    public record Window(Instant start, Instant end) {
        public boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    private final ExchangeCalendar calendar;
    private final Duration syncInterval;

    public CycleSchedule(ExchangeCalendar calendar, Duration syncInterval) {
        this.calendar = calendar;
        this.syncInterval = syncInterval;
    }

    public ExchangeCalendar calendar() {
        return calendar;
    }

    /**
     * The window on {@code day}; on an early-close day a window that would reach past the close is
     * moved to end at the close (same length), so the account still trades that day.
     */
    public Optional<Window> windowOn(LocalDate day, ExecutionWindow window) {
        Optional<Session> session = calendar.session(day);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Session s = session.get();
        Instant start = s.open().toLocalDate().atTime(window.start()).atZone(ExchangeCalendar.NEW_YORK).toInstant();
        Instant end = s.open().toLocalDate().atTime(window.end()).atZone(ExchangeCalendar.NEW_YORK).toInstant();
        Instant close = s.closeInstant();
        if (end.isAfter(close)) {
            Duration length = Duration.between(start, end);
            end = close;
            start = close.minus(length);
            if (start.isBefore(s.openInstant())) {
                start = s.openInstant();
            }
        }
        return Optional.of(new Window(start, end));
    }

    public List<Due> due(AccountView a, Instant now) {
        List<Due> due = new ArrayList<>();
        if (a.status() == AccountStatus.CLOSED) {
            return due;
        }
        LocalDate today = ExchangeCalendar.dateOf(now);
        Optional<Session> session = calendar.session(today);
        boolean retryWaiting = a.retryAt().isPresent() && now.isBefore(a.retryAt().get());

        if (!retryWaiting && (a.lastSync().isEmpty() || (session.isPresent() && session.get().contains(now)
                && !now.isBefore(a.lastSync().get().plus(syncInterval))))) {
            due.add(new Due.Sync());
        }

        // days before today whose window passed without a recorded cycle
        List<LocalDate> unrecorded = new ArrayList<>();
        LocalDate from = a.lastCycleDay().map(d -> d.plusDays(1)).orElse(ExchangeCalendar.dateOf(a.eligibleFrom()));
        for (LocalDate d = from; d.isBefore(today); d = d.plusDays(1)) {
            Optional<Window> w = windowOn(d, a.window());
            if (w.isPresent() && w.get().end().isAfter(a.eligibleFrom())) {
                unrecorded.add(d);
            }
        }
        // a cycle left RUNNING on an earlier day (crash after its window): it can no longer finish
        if (a.lastCycle().orElse(null) == CycleStatus.RUNNING && a.lastCycleDay().get().isBefore(today)) {
            due.add(new Due.FailCycle(a.lastCycleDay().get()));
        }
        Optional<Window> w = windowOn(today, a.window());
        boolean todayRecorded = a.lastCycleDay().map(today::equals).orElse(false);
        boolean todayEligible = w.isPresent() && w.get().end().isAfter(a.eligibleFrom());
        if (todayEligible && !todayRecorded && !now.isBefore(w.get().end())) {
            unrecorded.add(today);
        }
        if (!unrecorded.isEmpty()) {
            due.add(a.status() == AccountStatus.PAUSED ? new Due.Paused(unrecorded) : new Due.Missed(unrecorded));
        }
        if (todayEligible && w.get().contains(now) && !retryWaiting) {
            if (!todayRecorded) {
                due.add(a.status() == AccountStatus.PAUSED ? new Due.Paused(List.of(today)) : new Due.RunCycle(today));
            } else if (a.lastCycle().orElse(null) == CycleStatus.RUNNING) {
                due.add(new Due.RunCycle(today));
            }
        }
        if (todayRecorded && a.lastCycle().orElse(null) == CycleStatus.RUNNING && w.isPresent() && !now.isBefore(w.get().end())) {
            due.add(new Due.FailCycle(today));
        }
        if (session.isPresent() && !now.isBefore(session.get().closeInstant()) && !retryWaiting
                && a.lastSnapshot().map(d -> d.isBefore(today)).orElse(true)) {
            due.add(new Due.Snapshot(today));
        }
        return due;
    }

    /** The next instant after {@code now} at which something may become due for the account. */
    public Instant nextWake(AccountView a, Instant now) {
        if (a.status() == AccountStatus.CLOSED) {
            return Instant.MAX;
        }
        Instant best = Instant.MAX;
        LocalDate day = ExchangeCalendar.dateOf(now);
        for (int i = 0; i < 10 && best == Instant.MAX; i++, day = day.plusDays(1)) {
            Optional<Session> session = calendar.session(day);
            if (session.isEmpty()) {
                continue;
            }
            Session s = session.get();
            List<Instant> candidates = new ArrayList<>();
            windowOn(day, a.window()).ifPresent(w -> {
                candidates.add(w.start());
                candidates.add(w.end());
            });
            candidates.add(s.openInstant());
            candidates.add(s.closeInstant());
            if (a.lastSync().isPresent() && s.contains(now)) {
                candidates.add(a.lastSync().get().plus(syncInterval));
            }
            for (Instant c : candidates) {
                if (c.isAfter(now) && c.isBefore(best)) {
                    best = c;
                }
            }
        }
        // A waiting retry is one more candidate, not the only one: a window can end (and its cycle fail
        // or be missed) before the retry comes round.
        if (a.retryAt().isPresent() && a.retryAt().get().isAfter(now) && a.retryAt().get().isBefore(best)) {
            best = a.retryAt().get();
        }
        return best;
    }
}
