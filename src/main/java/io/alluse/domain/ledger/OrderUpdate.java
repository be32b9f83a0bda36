package io.alluse.domain.ledger;

import io.alluse.domain.Money;
import java.time.Instant;

/** What the broker now says about one of our orders. */
public record OrderUpdate(ClientOrderId clientOrderId, OrderStatus status, String brokerOrderId, long filledQuantity,
                          Money averageFillPrice, String message, Instant at) {
}
