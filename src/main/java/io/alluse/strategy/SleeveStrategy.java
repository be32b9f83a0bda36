package io.alluse.strategy;

import io.alluse.market.MarketView;

/**
 * One sleeve's strategy: a pure function from the sleeve's snapshot, the market and the day to
 * the orders to place and the trades not taken. Implementations keep no state and are thread-safe;
 * get them from {@link Strategies#forKind}.
 */
public interface SleeveStrategy {

    /**
     * Decides this sleeve's orders for one run inside the account's execution window.
     *
     * @throws IllegalArgumentException if the state belongs to a sleeve this strategy does not run
     */
    SleeveDecision decide(SleeveState state, MarketView market, CycleContext context);
}
