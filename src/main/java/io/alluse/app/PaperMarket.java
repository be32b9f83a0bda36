package io.alluse.app;

import io.alluse.domain.Money;
import io.alluse.engine.ReferencePrices;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import java.time.Instant;
import java.util.Optional;

/** The simulated market that backs paper trading, and what the account services read from it. */
final class PaperMarket {

    /** Paper-mode prices are reproducible: the same seed gives the same market on every machine. */
    static final long DEFAULT_SEED = 20_260_101L;

    private PaperMarket() {
    }

    static SimulatedMarket startingNow() {
        return SimulatedMarket.withDefaults(new SimulatedClock(Instant.now()), DEFAULT_SEED);
    }

    static ReferencePrices referencePrices(MarketView market) {
        return symbol -> {
            try {
                return Optional.of(Money.roundedFrom(market.spot(symbol)));
            } catch (MarketDataException e) {
                return Optional.empty();
            }
        };
    }
}
