package io.alluse.analytics.metrics;

import java.util.OptionalDouble;

/** The outcome of an internal-rate-of-return search: a rate, or why there is none. */
public sealed interface IrrResult {

    /** @param annual per year of 365 days: 0.12 is 12% a year */
    record Rate(double annual) implements IrrResult {
    }

    /** @param reason a sentence for the user, e.g. "the cash flows are all deposits: ..." */
    record NoSolution(String reason) implements IrrResult {
    }

    default OptionalDouble annualRate() {
        return this instanceof Rate(double annual) ? OptionalDouble.of(annual) : OptionalDouble.empty();
    }
}
