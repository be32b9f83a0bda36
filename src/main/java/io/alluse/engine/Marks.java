package io.alluse.engine;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.market.MarketView;

/** What one unit of an instrument is worth now: a share at its price, an option contract at mid x 100. */
@FunctionalInterface
public interface Marks {

    /** Value of one unit, or {@code fallback} (e.g. its cost) when the market cannot price it. */
    Money unitValue(Instrument instrument, Money fallback);

    static Marks of(MarketView market) {
        return new MarketMarks(market);
    }

    /** Everything at its cost: for when no market is at hand. */
    Marks AT_COST = (instrument, fallback) -> fallback;
}
