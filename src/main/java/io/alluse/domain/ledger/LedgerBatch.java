package io.alluse.domain.ledger;

import io.alluse.domain.FundChange;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveCapitals;
import java.util.List;
import java.util.Optional;

/**
 * Everything one sync or cycle step books for one account, committed in ONE transaction with the
 * broker cursor: after a crash either all of it is in the ledger and the cursor is past those
 * activities, or none of it is and they are booked again on the next sync.
 *
 * @param capital      the sleeves' capital to show after the batch (equity at the latest marks)
 * @param newCursor    id of the last broker activity booked by this batch
 * @param brokerCash   the broker's cash seen by this sync
 */
public record LedgerBatch(List<NewEntry> entries, List<PositionChange> positions, List<FundChange> cashFlows,
                          List<OrderUpdate> orders, List<AuditLine> audit, Optional<SleeveCapitals> capital,
                          Optional<String> newCursor, Optional<Money> brokerCash) {

    public LedgerBatch {
        entries = List.copyOf(entries);
        positions = List.copyOf(positions);
        cashFlows = List.copyOf(cashFlows);
        orders = List.copyOf(orders);
        audit = List.copyOf(audit);
    }

    public boolean isEmpty() {
        return entries.isEmpty() && positions.isEmpty() && cashFlows.isEmpty() && orders.isEmpty() && audit.isEmpty()
                && capital.isEmpty() && newCursor.isEmpty() && brokerCash.isEmpty();
    }
}
