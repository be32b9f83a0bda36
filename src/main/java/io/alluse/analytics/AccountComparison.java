package io.alluse.analytics;

import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.series.Curve;
import io.alluse.domain.AccountId;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Accounts side by side over their common period (from the latest of their first snapshot days to the
 * latest of their last), so that the figures compare like with like.
 *
 * @param start     the common start: every normalised curve is 100 here
 * @param accounts  in the order asked for
 * @param benchmark the benchmark's closes rebased to 100 at {@code start}, on the dates of the first
 *                  account's curve; empty when none was given
 */
public record AccountComparison(LocalDate start, List<Compared> accounts, Optional<Benchmark> benchmark) {

    public AccountComparison {
        Objects.requireNonNull(start, "start");
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(benchmark, "benchmark");
    }

    /**
     * One account in a comparison.
     *
     * @param performance every metric over the common period (from {@code start})
     * @param normalised  time-weighted growth, 100 at {@code start}: deposits and withdrawals do not move it
     * @param drawdowns   each day's distance below the running peak of the time-weighted index (e.g. -0.25)
     */
    public record Compared(AccountId account, String name, Performance performance, Curve normalised, Curve drawdowns) {
    }

    /**
     * @param name        as the caller named the price series, e.g. SPY
     * @param normalised  closes rebased to 100 at the common start
     * @param totalReturn last / first - 1 over the period
     */
    public record Benchmark(String name, Curve normalised, double totalReturn) {
    }
}
