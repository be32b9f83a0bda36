package io.alluse.analytics.trades;

import io.alluse.domain.Money;

import java.util.Objects;

/**
 * An open position, signed as on a broker statement: long positions have a positive cost and value,
 * short ones negative (a put sold for $300 that now costs $100 to buy back: cost -$300, value -$100,
 * unrealized +$200).
 *
 * @param instrument  for messages and lists, e.g. {@code AAPL} or {@code TSLA 2025-01-17 P 400}
 * @param costBasis   what was paid (positive) or received (negative) to open it
 * @param marketValue what closing it would bring (positive) or cost (negative) now
 */
public record OpenPosition(String instrument, Money costBasis, Money marketValue) {

    public OpenPosition {
        if (instrument == null || instrument.isBlank()) {
            throw new IllegalArgumentException("an open position needs its instrument, e.g. AAPL");
        }
        Objects.requireNonNull(costBasis, "costBasis");
        Objects.requireNonNull(marketValue, "marketValue");
    }

    public Money unrealizedPnl() {
        return marketValue.minus(costBasis);
    }
}
