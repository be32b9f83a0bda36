package io.alluse.strategy;

import java.util.List;

// TEMPORARY on the engine branch: the agreed API; the strategy branch's files replace these at merge.
public record SleeveDecision(List<OrderIntent> orders, List<SkippedTrade> skipped) {
}
