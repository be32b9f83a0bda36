package io.alluse.market.clock;

import java.time.Instant;

/** The computer's clock. */
public final class WallClock implements MarketClock {

    static final WallClock INSTANCE = new WallClock();

    private WallClock() {
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public String toString() {
        return "wall clock";
    }
}
