package io.alluse.strategy;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.PositionEffect;

/**
 * An order the strategy wants placed: a day limit order, stored under its client order id before
 * it is sent.
 *
 * @param cycle      the cycle that decided it: the ISO week for entries ({@code 2026-W46}), the date for
 *                   profit-takes ({@code 2026-11-12}); part of the client order id
 * @param quantity   contracts for options, shares for stock; always positive
 * @param limitPrice per share, at least one cent
 * @param rationale  why, with the numbers, for the audit log
 */
public record OrderIntent(ClientOrderId clientOrderId, SleeveKind sleeve, String cycle, Instrument instrument, OrderSide side,
                          PositionEffect effect, long quantity, Money limitPrice, String rationale) {

    public OrderIntent {
        if (clientOrderId == null || sleeve == null || cycle == null || instrument == null || side == null || effect == null
                || limitPrice == null || rationale == null) {
            throw new IllegalArgumentException("order intent: every field is required");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("order intent " + clientOrderId + ": quantity must be positive, was " + quantity);
        }
        if (!limitPrice.isPositive()) {
            throw new IllegalArgumentException("order intent " + clientOrderId + ": limit price must be at least one cent, was " + limitPrice);
        }
    }

    /** Cash this order moves if filled at its limit: quantity x limit x multiplier (positive). */
    public Money notional() {
        return limitPrice.times(quantity).times(instrument.multiplier());
    }

    @Override
    public String toString() {
        return side + " " + effect + " " + quantity + " " + instrument + " @ " + limitPrice.toPlainString() + " [" + clientOrderId + "]";
    }
}
