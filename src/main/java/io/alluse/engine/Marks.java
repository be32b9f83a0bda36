package io.alluse.engine;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;

/** What one unit of an instrument is worth now: a share at its price, an option contract at mid x 100. */
@FunctionalInterface
public interface Marks {

    /** Value of one unit, or {@code fallback} (e.g. its cost) when the market cannot price it. */
    Money unitValue(Instrument instrument, Money fallback);

    static Marks of(MarketView market) {
        return (instrument, fallback) -> {
            try {
                return switch (instrument) {
                    case OptionContract option -> option.expiry().isBefore(MarketViewDates.today(market))
                            ? Money.ZERO
                            : market.quote(option).mid().times(OptionContract.MULTIPLIER);
                    case io.alluse.domain.Stock stock -> Money.roundedFrom(market.spot(stock.underlying()));
                };
            } catch (MarketDataException e) {
                return fallback;
            }
        };
    }

    /** Everything at its cost: for when no market is at hand. */
    Marks AT_COST = (instrument, fallback) -> fallback;
}
