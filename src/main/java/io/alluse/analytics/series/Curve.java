package io.alluse.analytics.series;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dated line of doubles for charts and comparisons: a normalised equity curve, a drawdown curve,
 * benchmark closes. Immutable. Values may be {@code NaN} only where the producer says so.
 */
public final class Curve {

    private final int[] days;
    private final double[] values;

    private Curve(int[] days, double[] values) {
        this.days = days;
        this.values = values;
    }

    /** @throws IllegalArgumentException when the lengths differ or the days are not strictly increasing */
    public static Curve ofEpochDays(int[] epochDays, double[] values) {
        Objects.requireNonNull(epochDays, "epochDays");
        Objects.requireNonNull(values, "values");
        return checked(epochDays.clone(), values.clone());
    }

    private static Curve checked(int[] days, double[] values) {
        if (days.length != values.length) {
            throw new IllegalArgumentException("a curve needs one value per date, but there are "
                    + days.length + " dates and " + values.length + " values");
        }
        for (int i = 1; i < days.length; i++) {
            if (days[i] <= days[i - 1]) {
                throw new IllegalArgumentException("dates[" + i + "] " + LocalDate.ofEpochDay(days[i]) + " is not after dates["
                        + (i - 1) + "] " + LocalDate.ofEpochDay(days[i - 1]) + ": dates must be strictly increasing");
            }
        }
        return new Curve(days, values);
    }

    public int size() {
        return days.length;
    }

    public boolean isEmpty() {
        return days.length == 0;
    }

    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(days[i]);
    }

    public int epochDay(int i) {
        return days[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** A copy of the values, e.g. for a chart's data set. */
    public double[] values() {
        return values.clone();
    }

    /** A copy of the dates as epoch days. */
    public int[] epochDays() {
        return days.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve other && Arrays.equals(days, other.days) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(days) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return days.length == 0 ? "Curve[empty]"
                : "Curve[" + days.length + " points " + date(0) + ".." + date(days.length - 1) + "]";
    }
}
