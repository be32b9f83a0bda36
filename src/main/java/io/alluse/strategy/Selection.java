package io.alluse.strategy;

import io.alluse.domain.DeltaRange;
import io.alluse.domain.DteRange;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import java.time.LocalDate;
import java.util.List;

/** Which expiry and which strike: the SPEC section 3 rules as plain loops over the listed data. */
final class Selection {

    private static final double EPSILON = 1e-12;

    private Selection() {
    }

    /** Calendar days from {@code day} to {@code expiry}. */
    static int daysToExpiry(LocalDate day, LocalDate expiry) {
        return (int) (expiry.toEpochDay() - day.toEpochDay());
    }

    /** The nearest listed expiry whose days to expiry lie in {@code range}, or null. {@code expiries} ascend. */
    static LocalDate expiry(List<LocalDate> expiries, LocalDate day, DteRange range) {
        long today = day.toEpochDay();
        for (int i = 0, n = expiries.size(); i < n; i++) {
            LocalDate e = expiries.get(i);
            long dte = e.toEpochDay() - today;
            if (dte > range.max()) {
                return null;
            }
            if (dte >= range.min()) {
                return e;
            }
        }
        return null;
    }

    /** {@code TSLA: no expiry 5-9 days out from 2026-11-09; nearest listed 2026-11-13 (4 days), 2026-11-20 (11 days)}. */
    static String noExpiryDetail(String prefix, List<LocalDate> expiries, LocalDate day, DteRange range) {
        LocalDate before = null;
        LocalDate after = null;
        long today = day.toEpochDay();
        for (int i = 0, n = expiries.size(); i < n; i++) {
            LocalDate e = expiries.get(i);
            long dte = e.toEpochDay() - today;
            if (dte < range.min()) {
                before = e;
            } else if (dte > range.max()) {
                after = e;
                break;
            }
        }
        StringBuilder sb = new StringBuilder(120).append(prefix).append("no expiry ").append(range.min()).append('-').append(range.max())
                .append(" days out from ");
        Text.appendDate(sb, day);
        if (before == null && after == null) {
            return sb.append("; none listed").toString();
        }
        sb.append("; nearest listed");
        if (before != null) {
            sb.append(' ');
            Text.appendDate(sb, before);
            sb.append(" (").append(days(daysToExpiry(day, before))).append(')');
        }
        if (after != null) {
            sb.append(before != null ? ", " : " ");
            Text.appendDate(sb, after);
            sb.append(" (").append(days(daysToExpiry(day, after))).append(')');
        }
        return sb.toString();
    }

    private static String days(int n) {
        return n == 1 ? "1 day" : n + " days";
    }

    /**
     * The outcome of a strike search: the quote whose |delta| is closest to the band's target among
     * those inside the band (and at or above {@code minStrikeCents}), or null; plus what was seen,
     * for the skip detail.
     */
    static final class StrikePick {
        OptionQuote best;
        double bestDistance = Double.MAX_VALUE;
        /** Largest |delta| below the band and smallest above it; NaN when none. */
        double nearestBelow = Double.NaN;
        double nearestAbove = Double.NaN;
        /** In-band quotes rejected for a strike below the minimum (covered calls below cost basis). */
        int inBandBelowMinStrike;
        /** Highest strike among those, cents. */
        long highestRejectedStrike;
        double rejectedDelta;
    }

    /** Strikes read beyond each edge of the band found by the search, for safety: see {@link #strike}. */
    private static final int MARGIN = 2;

    /**
     * The strike pick over {@code quotes} of one right in strike order. Ties (two strikes equally far
     * from the target) go to the smaller |delta|, the further out-of-the-money strike: the one less
     * likely to be assigned.
     *
     * <p>|delta| is monotone in the strike (rising for puts, falling for calls; so it stays under the
     * market's skew, whose volatility falls with the strike), so the quotes that can matter, the band
     * and its nearest neighbours, sit in one run of strikes. Two binary searches find that run and only
     * it, plus {@value #MARGIN} strikes either side, is scanned: a chain's quotes are priced when first
     * read, and this reads about 20 of a long chain's 150. The outcome is the full scan's
     * ({@link #scan}); a chain whose deltas are not ordered that way (a NaN, or a quote of the other
     * right) is scanned whole.
     */
    static StrikePick strike(List<OptionQuote> quotes, DeltaRange band, long minStrikeCents) {
        int n = quotes.size();
        if (n <= 4 * MARGIN + 4) {
            return scan(quotes, 0, n, band, minStrikeCents);
        }
        boolean puts = quotes.getFirst().right() == io.alluse.domain.OptionRight.PUT;
        if (quotes.getLast().right() != quotes.getFirst().right()) {
            return scan(quotes, 0, n, band, minStrikeCents);
        }
        return search(quotes, band, minStrikeCents, puts);
    }

    /**
     * {@link #strike(List, DeltaRange, long)} over quotes known to be all of one right: without reading
     * the first and last quotes to find out (on a chain that prices quotes when first read, those two,
     * the deepest in and out of the money, were two of the about 13 quotes a pick priced).
     */
    private static StrikePick strikeOfOneRight(List<OptionQuote> quotes, DeltaRange band, long minStrikeCents, boolean puts) {
        int n = quotes.size();
        if (n <= 4 * MARGIN + 4) {
            return scan(quotes, 0, n, band, minStrikeCents);
        }
        return search(quotes, band, minStrikeCents, puts);
    }

    private static StrikePick search(List<OptionQuote> quotes, DeltaRange band, long minStrikeCents, boolean puts) {
        int n = quotes.size();
        double lo = band.min() - 1e-12;
        double hi = band.max() + 1e-12;
        // puts: |delta| rises with the index; the run is [first |d| >= lo, first |d| > hi)
        // calls: it falls; the run is [first |d| <= hi, first |d| < lo)
        int from = puts ? firstIndex(quotes, lo, true, false) : firstIndex(quotes, hi, false, true);
        int to = puts ? firstIndex(quotes, hi, true, true) : firstIndex(quotes, lo, false, false);
        if (from < 0 || to < 0) {
            return scan(quotes, 0, n, band, minStrikeCents);
        }
        return scan(quotes, Math.max(0, Math.min(from, to) - MARGIN), Math.min(n, Math.max(from, to) + MARGIN), band, minStrikeCents);
    }

    /** What a strike pick depends on besides the chain. */
    private record PickKey(io.alluse.domain.OptionRight right, DeltaRange band, long minStrikeCents) {
    }

    /**
     * {@link #strike(List, DeltaRange, long)} over the chain's quotes of {@code right}, computed once
     * per chain and key: every account quoting at the same minute reads the same shared chain, and
     * the pick is a pure function of its quotes, the band and the minimum strike. The pick is shared,
     * so callers only read it.
     */
    static StrikePick strike(OptionChain chain, io.alluse.domain.OptionRight right, DeltaRange band, long minStrikeCents) {
        return chain.derived(new PickKey(right, band, minStrikeCents), k -> chain.quotesMatchTheirRight()
                ? strikeOfOneRight(chain.quotes(k.right()), k.band(), k.minStrikeCents(), k.right() == io.alluse.domain.OptionRight.PUT)
                : strike(chain.quotes(k.right()), k.band(), k.minStrikeCents()));
    }

    /**
     * The first index whose |delta| is past {@code bound}: rising, {@code >= bound} ({@code > bound}
     * when strict); falling, {@code <= bound} ({@code < bound} when strict). {@code size} when none;
     * -1 when a NaN delta makes the order unknowable.
     */
    private static int firstIndex(List<OptionQuote> quotes, double bound, boolean rising, boolean strict) {
        int lo = 0;
        int hi = quotes.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double d = Math.abs(quotes.get(mid).delta());
            if (Double.isNaN(d)) {
                return -1;
            }
            boolean past = rising ? (strict ? d > bound : d >= bound) : (strict ? d < bound : d <= bound);
            if (past) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Scans {@code quotes[from, to)} once, in strike order: the rule itself. */
    static StrikePick scan(List<OptionQuote> quotes, int from, int to, DeltaRange band, long minStrikeCents) {
        StrikePick pick = new StrikePick();
        // the band's own tolerance (DeltaRange.contains), unrolled: this loop runs over every strike of a chain
        double lo = band.min() - 1e-12;
        double hi = band.max() + 1e-12;
        double target = band.target();
        double below = Double.NaN;
        double above = Double.NaN;
        double bestAbs = Double.NaN;
        for (int i = from; i < to; i++) {
            OptionQuote q = quotes.get(i);
            double d = Math.abs(q.delta());
            if (Double.isNaN(d)) {
                continue; // no delta quoted: neither selectable nor a useful "nearest seen"
            }
            if (!(d >= lo && d <= hi)) {
                if (d < lo) {
                    if (!(d <= below)) {
                        below = d;
                    }
                } else if (!(d >= above)) {
                    above = d;
                }
                continue;
            }
            long strike = q.contract().strike().cents();
            if (strike < minStrikeCents) {
                pick.inBandBelowMinStrike++;
                if (strike >= pick.highestRejectedStrike) {
                    pick.highestRejectedStrike = strike;
                    pick.rejectedDelta = d;
                }
                continue;
            }
            double distance = Math.abs(d - target);
            if (distance < pick.bestDistance - EPSILON || (distance <= pick.bestDistance + EPSILON && d < bestAbs)) {
                pick.best = q;
                pick.bestDistance = distance;
                bestAbs = d;
            }
        }
        pick.nearestBelow = below;
        pick.nearestAbove = above;
        return pick;
    }

    /** {@code no |delta| in 0.40-0.50 (nearest seen 0.38 and 0.53)}. */
    static String noStrikeDetail(StrikePick pick, DeltaRange band) {
        StringBuilder sb = new StringBuilder("no strike with |delta| in ").append(Text.band(band));
        if (Double.isNaN(pick.nearestBelow) && Double.isNaN(pick.nearestAbove)) {
            return sb.append(" (no quotes listed)").toString();
        }
        sb.append(" (nearest seen");
        if (!Double.isNaN(pick.nearestBelow)) {
            sb.append(' ').append(Text.delta(pick.nearestBelow));
        }
        if (!Double.isNaN(pick.nearestAbove)) {
            sb.append(Double.isNaN(pick.nearestBelow) ? " " : " and ").append(Text.delta(pick.nearestAbove));
        }
        return sb.append(')').toString();
    }
}
