package io.alluse.analytics.series;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * Daily closing prices of a benchmark such as SPY, used as the comparison line. Use closes adjusted
 * for dividends and splits when the comparison should be total return. Immutable.
 */
public final class PriceSeries {

    private final String name;
    private final int[] days;
    private final double[] closes;

    private PriceSeries(String name, int[] days, double[] closes) {
        this.name = name;
        this.days = days;
        this.closes = closes;
    }

    /**
     * @param name   shown in messages and legends, e.g. {@code SPY}
     * @param dates  strictly increasing
     * @param closes positive and finite
     * @throws IllegalArgumentException naming the offending element
     */
    public static PriceSeries of(String name, LocalDate[] dates, double[] closes) {
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(closes, "closes");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a benchmark needs a name, e.g. SPY");
        }
        if (dates.length != closes.length) {
            throw new IllegalArgumentException(name + ": one close per date is needed, but there are "
                    + dates.length + " dates and " + closes.length + " closes");
        }
        if (dates.length == 0) {
            throw new IllegalArgumentException(name + ": the benchmark has no prices; load its history first");
        }
        int[] days = new int[dates.length];
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == null) {
                throw new IllegalArgumentException(name + ": dates[" + i + "] is missing");
            }
            days[i] = Math.toIntExact(dates[i].toEpochDay());
            if (i > 0 && days[i] <= days[i - 1]) {
                throw new IllegalArgumentException(name + ": dates[" + i + "] " + dates[i] + " is not after dates[" + (i - 1)
                        + "] " + dates[i - 1] + ": sort the prices by date and keep one close per day");
            }
            if (!(closes[i] > 0) || !Double.isFinite(closes[i])) {
                throw new IllegalArgumentException(name + ": the close on " + dates[i] + " (closes[" + i + "]) is "
                        + closes[i] + "; closes must be positive prices");
            }
        }
        return new PriceSeries(name, days, closes.clone());
    }

    public String name() {
        return name;
    }

    public int size() {
        return days.length;
    }

    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(days[i]);
    }

    public double close(int i) {
        return closes[i];
    }

    /** Index of the last close on or before {@code epochDay}, or -1 when the prices start later. */
    public int indexOnOrBefore(int epochDay) {
        int i = Arrays.binarySearch(days, epochDay);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public String toString() {
        return "PriceSeries[" + name + ", " + size() + " closes " + date(0) + ".." + date(size() - 1) + "]";
    }
}
