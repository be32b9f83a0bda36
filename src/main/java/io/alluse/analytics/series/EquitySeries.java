package io.alluse.analytics.series;

import io.alluse.domain.Money;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily history of one sleeve, one account or an aggregate of them: for each trading day its
 * end-of-day equity and the net external cash flow of that day, both in exact cents.
 *
 * <h2>Timing convention: flows are booked at the end of their day</h2>
 * {@code equity(i)} is the value after the close of day {@code i} <em>including</em> that day's flow;
 * the flow itself did not take part in day {@code i}'s market move. So the return of day {@code i} is
 * <pre>   r(i) = (equity(i) - flow(i)) / equity(i-1) - 1</pre>
 * and every metric (time- and money-weighted return, aggregation) uses this one convention. A flow
 * that really arrived in the morning is therefore credited to the next day's base; at daily
 * granularity that misplaces one day's return on the flow, which is the usual price of daily data.
 *
 * <p>The first point is the opening: its equity is the capital the measurement starts with, and its
 * flow is kept only for display (for example "initially funded with $500,000"); no metric reads it.
 *
 * <p>Flows are signed from the account's side: deposits and transfers in are positive, withdrawals
 * and transfers out negative. Money moved between our own accounts or sleeves arrives here as an
 * external flow of each; {@link Aggregation} nets such pairs out.
 *
 * <p>Immutable; held as three primitive arrays so that 1,000 accounts of ten years each stay small
 * and fast to scan.
 */
public final class EquitySeries {

    private final int[] days;
    private final long[] equity;
    private final long[] flow;

    private EquitySeries(int[] days, long[] equity, long[] flow) {
        this.days = days;
        this.equity = equity;
        this.flow = flow;
    }

    /**
     * @param dates       trading days, strictly increasing
     * @param equityCents end-of-day equity in cents, after the day's flow
     * @param flowCents   net external flow of each day in cents (deposits positive)
     * @throws IllegalArgumentException naming the offending element, when the arrays differ in length,
     *                                  are empty, or the dates are not strictly increasing
     */
    public static EquitySeries of(LocalDate[] dates, long[] equityCents, long[] flowCents) {
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(equityCents, "equityCents");
        Objects.requireNonNull(flowCents, "flowCents");
        int[] days = new int[dates.length];
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == null) {
                throw new IllegalArgumentException("dates[" + i + "] is missing: every point needs its trading day");
            }
            days[i] = Math.toIntExact(dates[i].toEpochDay());
        }
        return checked(days, equityCents.clone(), flowCents.clone());
    }

    /** As {@link #of(LocalDate[], long[], long[])} with days as {@link LocalDate#toEpochDay()}; copies the arrays. */
    public static EquitySeries ofEpochDays(int[] epochDays, long[] equityCents, long[] flowCents) {
        Objects.requireNonNull(epochDays, "epochDays");
        Objects.requireNonNull(equityCents, "equityCents");
        Objects.requireNonNull(flowCents, "flowCents");
        return checked(epochDays.clone(), equityCents.clone(), flowCents.clone());
    }

    /** Takes ownership of arrays built inside this package; checks them like the public factories. */
    static EquitySeries wrap(int[] days, long[] equity, long[] flow) {
        return checked(days, equity, flow);
    }

    private static EquitySeries checked(int[] days, long[] equity, long[] flow) {
        if (days.length != equity.length || days.length != flow.length) {
            throw new IllegalArgumentException("dates, equity and flows must have one entry per day, but there are "
                    + days.length + " dates, " + equity.length + " equity values and " + flow.length + " flows");
        }
        if (days.length == 0) {
            throw new IllegalArgumentException("an equity series needs at least one day (the opening)");
        }
        for (int i = 1; i < days.length; i++) {
            if (days[i] <= days[i - 1]) {
                throw new IllegalArgumentException("dates[" + i + "] " + LocalDate.ofEpochDay(days[i])
                        + " is not after dates[" + (i - 1) + "] " + LocalDate.ofEpochDay(days[i - 1])
                        + ": dates must be strictly increasing, one point per day (sort them, and merge same-day snapshots first)");
            }
        }
        return new EquitySeries(days, equity, flow);
    }

    public static Builder builder() {
        return new Builder(256);
    }

    public int size() {
        return days.length;
    }

    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(days[i]);
    }

    public int epochDay(int i) {
        return days[i];
    }

    public long equityCents(int i) {
        return equity[i];
    }

    public long flowCents(int i) {
        return flow[i];
    }

    public Money equity(int i) {
        return Money.ofCents(equity[i]);
    }

    public Money flow(int i) {
        return Money.ofCents(flow[i]);
    }

    public LocalDate firstDate() {
        return date(0);
    }

    public LocalDate lastDate() {
        return date(days.length - 1);
    }

    /**
     * Index of the first point on or after {@code date}, or {@link #size()} when there is none.
     */
    public int indexOnOrAfter(LocalDate date) {
        int i = Arrays.binarySearch(days, Math.toIntExact(date.toEpochDay()));
        return i >= 0 ? i : -i - 1;
    }

    /**
     * The points from {@code from} to {@code to}, both inclusive; the first of them becomes the opening,
     * so metrics of the slice measure from the close of its first day. Empty when no point falls inside.
     */
    public Optional<EquitySeries> between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + "): swap the dates");
        }
        int a = indexOnOrAfter(from);
        int b = indexOnOrAfter(to.plusDays(1));
        if (a >= b) {
            return Optional.empty();
        }
        if (a == 0 && b == days.length) {
            return Optional.of(this);
        }
        return Optional.of(new EquitySeries(Arrays.copyOfRange(days, a, b), Arrays.copyOfRange(equity, a, b),
                Arrays.copyOfRange(flow, a, b)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EquitySeries other && Arrays.equals(days, other.days)
                && Arrays.equals(equity, other.equity) && Arrays.equals(flow, other.flow);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(days) + Arrays.hashCode(equity)) + Arrays.hashCode(flow);
    }

    @Override
    public String toString() {
        return "EquitySeries[" + size() + " days " + firstDate() + ".." + lastDate() + ", equity "
                + equity(0) + " -> " + equity(size() - 1) + "]";
    }

    /** Collects points in date order, e.g. while reading snapshot rows. */
    public static final class Builder {
        private int[] days;
        private long[] equity;
        private long[] flow;
        private int size;

        private Builder(int capacity) {
            days = new int[capacity];
            equity = new long[capacity];
            flow = new long[capacity];
        }

        public Builder add(LocalDate date, Money equityAfterFlow, Money netFlow) {
            return add(date, equityAfterFlow.cents(), netFlow.cents());
        }

        public Builder add(LocalDate date, long equityCents, long flowCents) {
            if (size == days.length) {
                int capacity = Math.max(16, size * 2);
                days = Arrays.copyOf(days, capacity);
                equity = Arrays.copyOf(equity, capacity);
                flow = Arrays.copyOf(flow, capacity);
            }
            days[size] = Math.toIntExact(date.toEpochDay());
            equity[size] = equityCents;
            flow[size] = flowCents;
            size++;
            return this;
        }

        /** @throws IllegalArgumentException when nothing was added or the dates are not strictly increasing */
        public EquitySeries build() {
            return checked(Arrays.copyOf(days, size), Arrays.copyOf(equity, size), Arrays.copyOf(flow, size));
        }
    }
}
