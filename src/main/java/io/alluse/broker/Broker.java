package io.alluse.broker;

import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.market.MarketView;
import java.util.List;
import java.util.Optional;

/**
 * One brokerage account (SPEC section 4): balances, positions, orders placed with our client order
 * id, the activity feed, and market data. One instance per main account, built with that account's
 * own credentials; it can reach no other account.
 *
 * <p>Every method may throw {@link BrokerException}; its {@link BrokerException.Kind} says whether
 * a retry can help. Implementations never put credentials into messages.
 */
public interface Broker {

    /** The brokerage's id of this account (no secrets). */
    String accountId();

    BrokerAccount account();

    List<BrokerPosition> positions();

    /**
     * Sends an order. Idempotent on {@link OrderRequest#clientOrderId()}: if the broker already has an
     * order with that id, it returns that order and sends nothing.
     */
    BrokerOrder place(OrderRequest request);

    /** The order with our client order id, if the broker has it. */
    Optional<BrokerOrder> order(ClientOrderId id);

    /** Orders not yet in a final state. */
    List<BrokerOrder> openOrders();

    /** Asks to cancel; returns the order's state afterwards (it may have filled meanwhile). */
    BrokerOrder cancel(ClientOrderId id);

    /**
     * Activities (fills, deposits, withdrawals, assignments, expirations, fees) after the one with id
     * {@code afterId} (all when empty), oldest first, at most {@code limit}. Ids increase in feed order.
     */
    List<BrokerActivity> activities(Optional<String> afterId, int limit);

    /** Quotes, chains, the calendar and the clock as this broker sees them. */
    MarketView market();
}
