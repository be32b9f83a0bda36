package io.alluse.domain;

/** Calendar days to expiry a sleeve may sell, inclusive: 0-7 for Gen-Acc weeklies. */
public record DteRange(int min, int max) {

    /** Beyond this no listed equity option exists (LEAPS reach about three years). */
    public static final int MAX_DAYS = 1_100;

    public DteRange {
        if (min < 0 || max > MAX_DAYS || min > max) {
            throw new IllegalArgumentException("DTE range must satisfy 0 <= min <= max <= " + MAX_DAYS + ", was " + min + "-" + max);
        }
    }

    public boolean contains(int days) {
        return days >= min && days <= max;
    }

    @Override
    public String toString() {
        return min + "-" + max;
    }
}
