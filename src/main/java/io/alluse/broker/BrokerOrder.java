package io.alluse.broker;

import io.alluse.domain.Money;
import io.alluse.domain.ledger.OrderStatus;
import java.time.Instant;

/** An order as the broker knows it. */
public record BrokerOrder(OrderRequest request, String brokerOrderId, OrderStatus status, long filledQuantity,
                          Money averageFillPrice, Instant submittedAt, Instant updatedAt, String reason) {
}
