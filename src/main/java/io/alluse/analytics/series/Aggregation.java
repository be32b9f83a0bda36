package io.alluse.analytics.series;

import io.alluse.domain.AccountId;
import io.alluse.domain.SleeveKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Combines the series of several sleeves or accounts into one series whose metrics are those of
 * the combined money: all Gen-Accs, one account, all accounts.
 *
 * <p>The rules that keep capital from being counted as performance (same end-of-day convention as
 * {@link EquitySeries}):
 * <ul>
 *   <li>The combined dates are the union of all dates. On each date the equity is the sum of every part
 *       that has started and not yet ended; a part without a point on a date inside its own life counts
 *       with its last equity and no flow (it earned nothing that day; its next point carries the move).</li>
 *   <li>A part that starts after the combined first date enters as an external inflow of its whole
 *       opening equity on its first day, so it adds capital, never return. Parts that start on the
 *       combined first date form the opening, and their first-day flows are kept for display.</li>
 *   <li>A part that ends before the combined last date leaves as an external outflow of its last equity
 *       at the end of its last day: that day's move still counts, the combined equity of that day no
 *       longer includes it. (Booking the exit a day later would keep money in the base for a day it
 *       was not invested and dilute the return.) A part closed properly, last equity zero after
 *       withdrawing everything, leaves nothing more.</li>
 *   <li>Flows of the same day are summed, so a transfer between two of our accounts or sleeves
 *       (out of one, into the other, same day) nets to zero.</li>
 * </ul>
 */
public final class Aggregation {

    /** Above this span of calendar days the union of dates is found by sorting instead of a day table. */
    private static final long DENSE_SPAN_LIMIT = 1 << 20;

    private Aggregation() {
    }

    /**
     * The combined series of {@code parts}; the order of the parts does not matter.
     *
     * @throws IllegalArgumentException when {@code parts} is empty
     */
    public static EquitySeries combine(Collection<EquitySeries> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to combine: pass at least one equity series");
        }
        int[] days = unionOfDays(parts);
        int m = days.length;
        // Sums of cents: long overflows only beyond 92 quadrillion dollars.
        long[] equity = new long[m];
        long[] flow = new long[m];
        for (EquitySeries part : parts) {
            int j = Arrays.binarySearch(days, part.epochDay(0));
            long last = part.equityCents(0);
            equity[j] += last;
            flow[j] += j == 0 ? part.flowCents(0) : last;
            j++;
            for (int i = 1, n = part.size(); i < n; j++) {
                if (days[j] == part.epochDay(i)) {
                    last = part.equityCents(i);
                    flow[j] += part.flowCents(i);
                    i++;
                }
                equity[j] += last;
            }
            if (j < m) {
                // Ended before the others: withdrawn after the close of its last day, like any flow.
                equity[j - 1] -= last;
                flow[j - 1] -= last;
            }
        }
        return EquitySeries.wrap(days, equity, flow);
    }

    /** One combined series per account, from its sleeves. */
    public static SortedMap<AccountId, EquitySeries> byAccount(Collection<SleeveSeries> sleeves) {
        checkDistinct(sleeves);
        SortedMap<AccountId, List<EquitySeries>> groups = new TreeMap<>();
        for (SleeveSeries s : sleeves) {
            groups.computeIfAbsent(s.account(), k -> new ArrayList<>()).add(s.series());
        }
        SortedMap<AccountId, EquitySeries> out = new TreeMap<>();
        groups.forEach((account, parts) -> out.put(account, combine(parts)));
        return out;
    }

    /** One combined series per sleeve kind across accounts (all Gen-Accs, all Rev-Accs, ...). */
    public static Map<SleeveKind, EquitySeries> bySleeve(Collection<SleeveSeries> sleeves) {
        checkDistinct(sleeves);
        Map<SleeveKind, List<EquitySeries>> groups = new EnumMap<>(SleeveKind.class);
        for (SleeveSeries s : sleeves) {
            groups.computeIfAbsent(s.sleeve(), k -> new ArrayList<>()).add(s.series());
        }
        Map<SleeveKind, EquitySeries> out = new EnumMap<>(SleeveKind.class);
        groups.forEach((kind, parts) -> out.put(kind, combine(parts)));
        return out;
    }

    /** Everything combined: all sleeves of all accounts. */
    public static EquitySeries total(Collection<SleeveSeries> sleeves) {
        checkDistinct(sleeves);
        return combine(sleeves.stream().map(SleeveSeries::series).toList());
    }

    private static void checkDistinct(Collection<SleeveSeries> sleeves) {
        if (sleeves.isEmpty()) {
            throw new IllegalArgumentException("nothing to combine: pass at least one sleeve series");
        }
        Set<String> seen = new HashSet<>();
        for (SleeveSeries s : sleeves) {
            if (!seen.add(s.account() + "/" + s.sleeve().key())) {
                throw new IllegalArgumentException(s.account() + " " + s.sleeve().label()
                        + " is given twice: pass each sleeve's series once (it would be counted double)");
            }
        }
    }

    private static int[] unionOfDays(Collection<EquitySeries> parts) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        long total = 0;
        for (EquitySeries p : parts) {
            min = Math.min(min, p.epochDay(0));
            max = Math.max(max, p.epochDay(p.size() - 1));
            total += p.size();
        }
        long span = (long) max - min + 1;
        if (span <= DENSE_SPAN_LIMIT) {
            boolean[] present = new boolean[(int) span];
            int count = 0;
            for (EquitySeries p : parts) {
                for (int i = 0, n = p.size(); i < n; i++) {
                    int k = p.epochDay(i) - min;
                    if (!present[k]) {
                        present[k] = true;
                        count++;
                    }
                }
            }
            int[] days = new int[count];
            for (int k = 0, j = 0; k < present.length; k++) {
                if (present[k]) {
                    days[j++] = min + k;
                }
            }
            return days;
        }
        int[] all = new int[Math.toIntExact(total)];
        int j = 0;
        for (EquitySeries p : parts) {
            for (int i = 0, n = p.size(); i < n; i++) {
                all[j++] = p.epochDay(i);
            }
        }
        return Arrays.stream(all).sorted().distinct().toArray();
    }
}
