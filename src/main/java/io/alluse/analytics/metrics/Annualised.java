package io.alluse.analytics.metrics;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A figure per year (CAGR, IRR, volatility, Sharpe, Sortino): its value, or why it has none. Kept
 * apart from a plain empty value because "too little history" is a different thing to tell the user
 * than "undefined": the first goes away by itself with time, and the views explain it as such.
 */
public sealed interface Annualised {

    /** @param value per year: 0.12 is 12% (a rate) or 1.2 (a ratio) */
    record Value(double value) implements Annualised {
    }

    /**
     * The series is shorter than {@link HistoryRule} asks for this figure, so extrapolating it to a year
     * would mislead (a good week is not a 76% year). The period's total return is the figure to show.
     *
     * @param needs for the user, e.g. "needs at least 1 year of history (has 4 days); total return shown"
     */
    record ShortHistory(String needs) implements Annualised {
        public ShortHistory {
            Objects.requireNonNull(needs, "needs");
        }
    }

    /**
     * Undefined however long the history: no variation to divide by, no solution of the IRR, a
     * single day.
     *
     * @param reason for the user
     */
    record Undefined(String reason) implements Annualised {
        public Undefined {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Annualised of(OptionalDouble value, String undefinedReason) {
        return value.isPresent() ? new Value(value.getAsDouble()) : new Undefined(undefinedReason);
    }

    /** The value if there is one; empty both for short history and for undefined. */
    default OptionalDouble asOptional() {
        return this instanceof Value(double v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    default boolean isShortHistory() {
        return this instanceof ShortHistory;
    }
}
