package io.alluse.strategy;

import io.alluse.domain.Symbol;
import java.util.Optional;

// TEMPORARY on the engine branch: the agreed API; the strategy branch's files replace these at merge.
public record SkippedTrade(Optional<Symbol> symbol, SkipReason reason, String detail) {
}
