package io.alluse.broker;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.PositionEffect;

/** A limit order, good for the day, identified by our client order id. Limit is per share. */
public record OrderRequest(ClientOrderId clientOrderId, Instrument instrument, OrderSide side, PositionEffect effect,
                           long quantity, Money limitPrice) {

    public OrderRequest {
        if (quantity <= 0) {
            throw new IllegalArgumentException("order quantity must be positive: " + quantity);
        }
        if (!limitPrice.isPositive()) {
            throw new IllegalArgumentException("limit price must be positive: " + limitPrice);
        }
    }
}
