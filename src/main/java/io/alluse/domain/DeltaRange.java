package io.alluse.domain;

/**
 * The band of absolute option delta a sleeve sells in, e.g. 0.40-0.50. The strategy picks the
 * strike whose |delta| is closest to {@link #target()} without leaving the band.
 */
public record DeltaRange(double min, double max) {

    public DeltaRange {
        if (!(min > 0 && min < 1) || !(max > 0 && max < 1) || min > max) {
            throw new IllegalArgumentException("delta range must satisfy 0 < min <= max < 1, was " + min + "-" + max);
        }
    }

    public double target() {
        return (min + max) / 2.0;
    }

    public boolean contains(double absDelta) {
        return absDelta >= min - 1e-12 && absDelta <= max + 1e-12;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.2f-%.2f", min, max);
    }
}
