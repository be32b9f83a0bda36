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
 */
public record BacktestSpec(int accounts, int years, long seed, LocalDate start, Money initialCapital, Optional<Path> pricesDir,
                           PaperSettings paper, int threads) {

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
