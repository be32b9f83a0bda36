package io.alluse.app;

import io.alluse.domain.Money;
import io.alluse.engine.ReferencePrices;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.store.SettingsRepository;
import java.time.Instant;
import java.util.Optional;

/**
 * The simulated market behind paper trading. Its seed and its clock live in the database: the
 * same data folder always sees the same market, and paper time never runs backwards across
 * restarts (the paper brokerage has booked fills and expirations up to it).
 */
final class PaperMarket {

    /** Paper-mode prices are reproducible: the same seed gives the same market on every machine. */
    static final long DEFAULT_SEED = 20_260_101L;
    static final String SEED = "paper.seed";
    static final String CLOCK = "paper.clock";

    private PaperMarket() {
    }

    /**
     * The paper market of this data folder. Its clock starts at the later of the time saved at the
     * last run and {@code now} (a paper account that followed real time catches up; one that was run
     * ahead into simulated future stays there), or at {@code firstStart} on a new folder.
     */
    /** The market and the clock it reads (the engine drives that clock). */
    record Setup(SimulatedClock clock, SimulatedMarket market) {
    }

    static Setup open(SettingsRepository settings, Instant now, Optional<Long> seedForNewFolder, Optional<Instant> firstStart) {
        long seed = settings.get(SEED).map(Long::parseLong).orElseGet(() -> {
            long chosen = seedForNewFolder.orElse(DEFAULT_SEED);
            settings.put(SEED, Long.toString(chosen));
            return chosen;
        });
        Instant start = settings.get(CLOCK).map(Instant::parse).map(saved -> saved.isAfter(now) ? saved : now)
                .orElse(firstStart.orElse(now));
        settings.put(CLOCK, start.toString());
        SimulatedClock clock = new SimulatedClock(start);
        return new Setup(clock, SimulatedMarket.withDefaults(clock, seed));
    }

    static void saveClock(SettingsRepository settings, Instant time) {
        settings.put(CLOCK, time.toString());
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
