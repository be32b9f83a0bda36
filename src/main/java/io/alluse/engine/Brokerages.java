package io.alluse.engine;

import io.alluse.broker.Broker;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.Money;

/**
 * Where accounts' brokerage accounts come from: the built-in paper brokerage now, real brokers
 * later. Each main account gets its own {@link Broker}, built with its own connection.
 */
public interface Brokerages {

    /** The brokerage account a new main account will trade in (no secrets). */
    BrokerConnection connectionFor(AccountId id);

    /**
     * Opens and funds the brokerage account for a new main account. Calling it again for the same
     * account returns the same opening balance (so a retried creation does not fund twice).
     */
    OpeningBalance open(AccountId id, BrokerConnection connection, Money initialCapital);

    /** The broker for an existing account. */
    Broker connect(Account account);

    /**
     * The account's desk at the built-in paper brokerage, where the engine moves money between our
     * own accounts (forks, merges). Empty for a real broker: it can neither open accounts nor move
     * money for the user, so a fork there waits for the user (docs/decisions/0017).
     */
    default java.util.Optional<io.alluse.broker.paper.PaperBroker> paperDesk(Account account) {
        return java.util.Optional.empty();
    }

    /** The deposit that funded a new brokerage account: its activity id is booked as the opening cash flow. */
    record OpeningBalance(String activityId, Money amount) {
    }
}
