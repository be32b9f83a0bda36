package io.alluse.strategy;

import io.alluse.market.MarketView;

// TEMPORARY on the engine branch: the agreed API; the strategy branch's files replace these at merge.
public interface SleeveStrategy {
    SleeveDecision decide(SleeveState state, MarketView market, CycleContext context);
}
