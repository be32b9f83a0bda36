package io.alluse.broker.paper;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.BrokerPosition;
import io.alluse.domain.Money;
import java.time.Instant;
import java.util.List;

/**
 * Everything a paper account is: what the database keeps, what a restored account starts from,
 * and what tests compare. Two accounts with equal states answer every later call identically.
 *
 * @param cash            settled cash
 * @param lastChangeAt    when the account last changed; its clock never runs back before this
 * @param nextActivitySeq number of the next activity (ids are this number, zero-padded)
 * @param nextOrderSeq    number of the next order
 * @param positions       open positions, by instrument code
 * @param orders          the orders it still remembers, oldest first
 * @param activities      the activity feed it still holds, oldest first
 */
public record PaperState(String accountId, PaperSettings settings, Money cash, Instant lastChangeAt, long nextActivitySeq,
                         long nextOrderSeq, List<BrokerPosition> positions, List<OrderState> orders,
                         List<BrokerActivity> activities) {

    public PaperState {
        positions = List.copyOf(positions);
        orders = List.copyOf(orders);
        activities = List.copyOf(activities);
    }

    /**
     * One order with what only the paper broker needs of it.
     *
     * @param seq       its number at this broker (the broker order id is derived from it)
     * @param expiresAt the close of the session it was placed in: a day order still open then expires
     */
    public record OrderState(long seq, BrokerOrder order, Instant expiresAt) {
    }
}
