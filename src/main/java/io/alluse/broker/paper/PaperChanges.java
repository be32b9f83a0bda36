package io.alluse.broker.paper;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerPosition;
import io.alluse.domain.Money;
import java.time.Instant;
import java.util.List;

/**
 * What one call changed in a paper account, for the store to write in one transaction: the
 * account's own row, the orders and positions touched (a position of quantity zero is gone) and
 * the activities added.
 */
record PaperChanges(Money cash, Instant lastChangeAt, long nextActivitySeq, long nextOrderSeq, List<PaperState.OrderState> orders,
                    List<BrokerPosition> positions, List<BrokerActivity> activities) {

    static final PaperChanges NONE = new PaperChanges(null, null, 0, 0, List.of(), List.of(), List.of());

    boolean isEmpty() {
        return this == NONE;
    }
}
