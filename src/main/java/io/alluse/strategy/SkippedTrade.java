package io.alluse.strategy;

import io.alluse.domain.Symbol;
import java.util.Optional;

/**
 * A trade not made and why.
 *
 * @param symbol empty when the reason concerns the whole sleeve (not an entry day)
 * @param detail one sentence with the numbers, e.g.
 *               {@code TSLA 2026-11-13 395P premium 5.88 = 1.48% of strike < floor 1.5%/wk x 1 week = 1.5%}
 */
public record SkippedTrade(Optional<Symbol> symbol, SkipReason reason, String detail) {

    public SkippedTrade {
        if (symbol == null || reason == null || detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a skipped trade needs a symbol (or empty), a reason and a detail");
        }
    }

    public static SkippedTrade of(Symbol symbol, SkipReason reason, String detail) {
        return new SkippedTrade(Optional.of(symbol), reason, detail);
    }

    public static SkippedTrade sleeveWide(SkipReason reason, String detail) {
        return new SkippedTrade(Optional.empty(), reason, detail);
    }

    @Override
    public String toString() {
        return reason + ": " + detail;
    }
}
