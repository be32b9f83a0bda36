package io.alluse.strategy;

import io.alluse.domain.DeltaRange;
import io.alluse.domain.DteRange;
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

    /**
     * Scans {@code quotes} once. Ties (two strikes equally far from the target) go to the smaller
     * |delta|, the further out-of-the-money strike: the one less likely to be assigned.
     */
    static StrikePick strike(List<OptionQuote> quotes, DeltaRange band, long minStrikeCents) {
        StrikePick pick = new StrikePick();
        // the band's own tolerance (DeltaRange.contains), unrolled: this loop runs over every strike of a chain
        double lo = band.min() - 1e-12;
        double hi = band.max() + 1e-12;
        double target = band.target();
        double below = Double.NaN;
        double above = Double.NaN;
        double bestAbs = Double.NaN;
        for (int i = 0, n = quotes.size(); i < n; i++) {
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
