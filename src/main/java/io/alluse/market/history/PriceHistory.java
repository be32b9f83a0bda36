package io.alluse.market.history;

import io.alluse.domain.Symbol;

import java.time.LocalDate;
import java.util.List;

/** One symbol's imported daily bars, oldest first, dates strictly increasing. Immutable. */
public record PriceHistory(Symbol symbol, List<DailyBar> bars) {

    public PriceHistory {
        bars = List.copyOf(bars);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException(symbol + ": a price history needs at least one day");
        }
        for (int i = 1; i < bars.size(); i++) {
            if (!bars.get(i).date().isAfter(bars.get(i - 1).date())) {
                throw new IllegalArgumentException(symbol + ": bars must be in increasing date order at " + bars.get(i).date());
            }
        }
    }

    public LocalDate firstDate() {
        return bars.getFirst().date();
    }

    public LocalDate lastDate() {
        return bars.getLast().date();
    }
}
