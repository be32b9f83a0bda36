package io.alluse.engine.backtest;

import io.alluse.broker.BrokerOrder;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.OrderRecord;

/** The backtest's view of open broker orders as the ledger records them, so strategies see the same input as in paper trading. */
final class LedgerBookAccess {

    private LedgerBookAccess() {
    }

    static SleeveKind sleeveOf(BrokerOrder order) {
        String[] parts = order.request().clientOrderId().value().split("\\.");
        return parts.length >= 2 ? SleeveKind.fromKey(parts[1]) : SleeveKind.COM;
    }

    static OrderRecord record(BrokerOrder o, SleeveKind sleeve) {
        String[] parts = o.request().clientOrderId().value().split("\\.");
        return new OrderRecord(0, o.request().clientOrderId(), sleeve, parts.length >= 3 ? parts[2] : "", o.request().instrument(),
                o.request().side(), o.request().effect(), o.request().quantity(), o.request().limitPrice(), o.status(), o.brokerOrderId(),
                o.filledQuantity(), o.averageFillPrice(), o.submittedAt(), o.updatedAt(), o.reason());
    }
}
