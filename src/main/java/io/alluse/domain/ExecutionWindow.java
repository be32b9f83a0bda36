package io.alluse.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Collection;

/**
 * The time of day, in America/New_York, in which an account may place its orders. Windows are
 * staggered across accounts so that their market activity is spread out (seed document).
 */
public record ExecutionWindow(LocalTime start, LocalTime end) {

    public static final LocalTime MARKET_OPEN = LocalTime.of(9, 30);
    public static final LocalTime MARKET_CLOSE = LocalTime.of(16, 0);
    /** Shorter windows leave no room to sync, decide and work the orders. */
    public static final Duration MIN_LENGTH = Duration.ofMinutes(5);

    /** Suggested windows avoid the opening auction's spreads and the last half hour's risk. */
    static final LocalTime FIRST_SUGGESTED_START = LocalTime.of(9, 45);
    static final LocalTime LAST_SUGGESTED_END = LocalTime.of(15, 30);

    public ExecutionWindow {
        if (start == null || end == null) {
            throw new IllegalArgumentException("window start and end are required");
        }
        if (start.isBefore(MARKET_OPEN) || end.isAfter(MARKET_CLOSE)) {
            throw new IllegalArgumentException("window " + start + "-" + end + " is outside regular trading hours 09:30-16:00");
        }
        if (Duration.between(start, end).compareTo(MIN_LENGTH) < 0) {
            throw new IllegalArgumentException("window " + start + "-" + end + " must be at least 5 minutes long");
        }
    }

    public static ExecutionWindow of(String start, String end) {
        return new ExecutionWindow(LocalTime.parse(start), LocalTime.parse(end));
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    public boolean overlaps(ExecutionWindow other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /**
     * The first window that overlaps none of {@code taken}: 30-minute slots from 09:45, then
     * 15-, 10- and 5-minute slots once the longer ones are used up. With every 5-minute slot taken
     * (more than 70 accounts) it returns the slot shared by the fewest accounts.
     */
    public static ExecutionWindow suggest(Collection<ExecutionWindow> taken) {
        for (int minutes : new int[] {30, 15, 10, 5}) {
            for (LocalTime s = FIRST_SUGGESTED_START; !s.plusMinutes(minutes).isAfter(LAST_SUGGESTED_END); s = s.plusMinutes(minutes)) {
                ExecutionWindow candidate = new ExecutionWindow(s, s.plusMinutes(minutes));
                if (taken.stream().noneMatch(candidate::overlaps)) {
                    return candidate;
                }
            }
        }
        ExecutionWindow best = null;
        long fewest = Long.MAX_VALUE;
        for (LocalTime s = FIRST_SUGGESTED_START; !s.plusMinutes(5).isAfter(LAST_SUGGESTED_END); s = s.plusMinutes(5)) {
            ExecutionWindow candidate = new ExecutionWindow(s, s.plusMinutes(5));
            long sharing = taken.stream().filter(candidate::overlaps).count();
            if (sharing < fewest) {
                fewest = sharing;
                best = candidate;
            }
        }
        return best;
    }

    /**
     * The windows of {@code count} accounts created one after another, each suggested given the ones
     * before it: {@code suggest} over the growing list, without its cost growing with the list. Once
     * no free window is left (suggest's second case) it keeps, per 5-minute slot, how many windows
     * overlap it, so each further account costs one pass over the slots instead of one over every
     * window taken (a 1,000-account backtest spent about a second here).
     */
    public static java.util.List<ExecutionWindow> suggestMany(int count) {
        java.util.List<ExecutionWindow> taken = new java.util.ArrayList<>(Math.max(0, count));
        java.util.List<ExecutionWindow> slots = null;
        long[] sharing = null;
        for (int i = 0; i < count; i++) {
            ExecutionWindow w;
            if (sharing == null) {
                w = suggest(taken);
                if (taken.stream().anyMatch(w::overlaps)) {
                    // suggest found no free window; nor will it for any longer list: count per slot from here on
                    slots = new java.util.ArrayList<>();
                    for (LocalTime s = FIRST_SUGGESTED_START; !s.plusMinutes(5).isAfter(LAST_SUGGESTED_END); s = s.plusMinutes(5)) {
                        slots.add(new ExecutionWindow(s, s.plusMinutes(5)));
                    }
                    sharing = new long[slots.size()];
                    for (int k = 0; k < slots.size(); k++) {
                        sharing[k] = taken.stream().filter(slots.get(k)::overlaps).count();
                    }
                }
            } else {
                int best = 0;
                for (int k = 1; k < sharing.length; k++) {
                    if (sharing[k] < sharing[best]) {
                        best = k;
                    }
                }
                w = slots.get(best);
            }
            taken.add(w);
            if (sharing != null) {
                for (int k = 0; k < sharing.length; k++) {
                    if (slots.get(k).overlaps(w)) {
                        sharing[k]++;
                    }
                }
            }
        }
        return taken;
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
