package io.alluse.engine.backtest;

import io.alluse.broker.paper.PaperSettings;
import io.alluse.domain.Money;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What to backtest: {@code accounts} independent main accounts with the ALL-USE defaults and
 * staggered windows, over {@code years} from {@code start}, on the simulated market of {@code seed}
 * (or on imported daily prices).
 *
 * @param threads accounts are split over this many threads; results do not depend on it
 * @param forking the rules by which grown accounts fork and forked ones merge, or empty for none (a fork stays on its parent's thread)
 */
public record BacktestSpec(int accounts, int years, long seed, LocalDate start, Money initialCapital, Optional<Path> pricesDir,
                           PaperSettings paper, int threads, Optional<io.alluse.domain.fork.ForkRules> forking) {

    /** Without forking and merging. */
    public BacktestSpec(int accounts, int years, long seed, LocalDate start, Money initialCapital, Optional<Path> pricesDir, PaperSettings paper,
                        int threads) {
        this(accounts, years, seed, start, initialCapital, pricesDir, paper, threads, Optional.empty());
    }

    /** The same run with ALL-USE forking and merging on (default rules, docs/decisions/0017). */
    public BacktestSpec withForking(boolean on) {
        return withForking(on ? Optional.of(io.alluse.domain.fork.ForkRules.defaults()) : Optional.empty());
    }

    /** The same run forking and merging by {@code rules} (empty: off). */
    public BacktestSpec withForking(Optional<io.alluse.domain.fork.ForkRules> rules) {
        return new BacktestSpec(accounts, years, seed, start, initialCapital, pricesDir, paper, threads, rules);
    }

    public BacktestSpec {
        if (accounts < 1 || accounts > 100_000) {
            throw new IllegalArgumentException("--accounts must be between 1 and 100,000, was " + accounts);
        }
        if (years < 1 || years > 50) {
            throw new IllegalArgumentException("--years must be between 1 and 50, was " + years);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public static final LocalDate DEFAULT_START = LocalDate.of(2026, 1, 2);
}
