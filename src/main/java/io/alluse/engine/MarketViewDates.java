package io.alluse.engine;

import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import java.time.LocalDate;

/** Dates as the market's clock sees them, in New York. */
final class MarketViewDates {

    private MarketViewDates() {
    }

    static LocalDate today(MarketView market) {
        return ExchangeCalendar.dateOf(market.now());
    }
}
