package io.alluse.broker.paper;

import io.alluse.broker.Broker;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.domain.Money;

/**
 * A paper brokerage account: a {@link Broker} whose owner can also move cash in and out "at the
 * broker", the way a trader deposits at a real brokerage (SPEC section 2.3: the engine must then
 * detect the change on its next sync).
 *
 * <p>Implemented by the in-memory {@link PaperAccount} (backtests) and by the persistent account
 * handed out by {@link PaperBrokerage} (paper trading); both run the same matching, expiry and
 * assignment code, so for the same calls they produce the same activities.
 */
public interface PaperBroker extends Broker {

    /** The terms this account fills and charges by. */
    PaperSettings settings();

    /**
     * Adds cash. Throws {@link BrokerException} ({@code REJECTED}) unless the amount is positive.
     *
     * @return the {@link BrokerActivity.Deposit} booked
     */
    BrokerActivity.Deposit deposit(Money amount);

    /**
     * Takes cash out, at most the free cash (cash not securing short puts or reserved by open
     * orders): above it, {@link BrokerException} ({@code INSUFFICIENT_FUNDS}) names the maximum.
     *
     * @return the {@link BrokerActivity.Withdrawal} booked
     */
    BrokerActivity.Withdrawal withdraw(Money amount);
}
