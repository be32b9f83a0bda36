package io.alluse.engine;

import java.time.Duration;

/**
 * Retry delays after consecutive failures: doubling from {@code first} up to {@code max}, with a
 * deterministic jitter per account so that accounts failing together do not retry in lock-step,
 * yet a seeded run stays reproducible.
 */
public record Backoff(Duration first, Duration max, int failuresBeforeError) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 5);

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || failuresBeforeError < 1) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max and at least one failure before error");
        }
    }

    /** Delay before retry number {@code failures} (1 = after the first failure). */
    public Duration delay(int failures, String key) {
        int exponent = Math.min(Math.max(failures - 1, 0), 30);
        long base = Math.min(max.toMillis(), first.toMillis() << Math.min(exponent, 20));
        // up to +25%, fixed per (key, failure count)
        long jitter = Math.floorMod((key.hashCode() * 31L + failures) * 0x9E3779B97F4A7C15L, 1000L) * base / 4000L;
        return Duration.ofMillis(Math.min(max.toMillis(), base + jitter));
    }

    public boolean isError(int consecutiveFailures) {
        return consecutiveFailures >= failuresBeforeError;
    }
}
