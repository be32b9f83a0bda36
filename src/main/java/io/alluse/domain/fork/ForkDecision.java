package io.alluse.domain.fork;

import io.alluse.domain.Money;
import io.alluse.domain.SleeveCapitals;

/** What the fork rule says after a cycle. */
public sealed interface ForkDecision {

    /** Growth below the threshold (or forking off): nothing to do. */
    record NoFork(Money growth, Money threshold) implements ForkDecision {
    }

    /** Grown enough, but the surplus is not all free settled cash: positions are never closed to fork, so check again later. */
    record Wait(Money surplus, Money freeCash) implements ForkDecision {
    }

    /** Found a new account with {@code surplus}, split over its sleeves as {@code childCapital} (sums to the surplus to the cent). */
    record Fork(Money surplus, SleeveCapitals childCapital) implements ForkDecision {
    }
}
