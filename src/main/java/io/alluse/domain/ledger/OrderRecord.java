package io.alluse.domain.ledger;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import java.time.Instant;

/**
 * An order as our ledger knows it: the intent stored before sending, then its state at the broker.
 *
 * @param cycle         the strategy cycle that decided it, e.g. the entry date
 * @param limitPrice    per-share limit
 * @param brokerOrderId the broker's id, empty until the broker has acknowledged it
 */
public record OrderRecord(
        long id,
        ClientOrderId clientOrderId,
        SleeveKind sleeve,
        String cycle,
        Instrument instrument,
        OrderSide side,
        PositionEffect effect,
        long quantity,
        Money limitPrice,
        OrderStatus status,
        String brokerOrderId,
        long filledQuantity,
        Money averageFillPrice,
        Instant createdAt,
        Instant updatedAt,
        String message) {
}
