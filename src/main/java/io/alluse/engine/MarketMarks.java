package io.alluse.engine;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import java.time.Instant;
import java.time.LocalDate;

/** Marks from the market; remembers the date of the last instant it saw (a backtest values many positions per instant). */
final class MarketMarks implements Marks {
    private record Day(Instant at, LocalDate date) {
    }

    private final MarketView market;
    private volatile Day day;

    MarketMarks(MarketView market) {
        this.market = market;
    }

    @Override
    public Money unitValue(Instrument instrument, Money fallback) {
        try {
            return switch (instrument) {
                case OptionContract option -> option.expiry().isBefore(today())
                        ? Money.ZERO
                        : market.quote(option).mid().times(OptionContract.MULTIPLIER);
                case io.alluse.domain.Stock stock -> Money.roundedFrom(market.spot(stock.underlying()));
            };
        } catch (MarketDataException e) {
            return fallback;
        }
    }

    private LocalDate today() {
        Instant now = market.now();
        Day d = day;
        if (d == null || !d.at.equals(now)) {
            d = new Day(now, ExchangeCalendar.dateOf(now));
            day = d;
        }
        return d.date;
    }
}
