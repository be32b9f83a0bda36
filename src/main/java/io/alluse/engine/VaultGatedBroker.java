package io.alluse.engine;

import io.alluse.broker.Broker;
import io.alluse.broker.BrokerAccount;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.BrokerPosition;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.broker.OrderRequest;
import io.alluse.market.MarketView;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An Alpaca account's broker until its keys have been read: the credential vault may still be
 * locked after a restart, or the OS keychain may not answer (or ask the user first). The engine
 * must be able to load the account (and show it in error, saying why) regardless; every call
 * tries to build the real adapter and fails with the store's message until that succeeds, then
 * delegates to it for good.
 */
final class VaultGatedBroker implements Broker {

    private final String accountId;
    private final Supplier<Broker> connect;
    private volatile Broker connected;

    VaultGatedBroker(String accountId, Supplier<Broker> connect) {
        this.accountId = accountId;
        this.connect = connect;
    }

    private Broker broker() {
        Broker b = connected;
        if (b == null) {
            synchronized (this) {
                if (connected == null) {
                    connected = connect.get();
                }
                b = connected;
            }
        }
        return b;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public BrokerAccount account() {
        return broker().account();
    }

    @Override
    public List<BrokerPosition> positions() {
        return broker().positions();
    }

    @Override
    public BrokerOrder place(OrderRequest request) {
        return broker().place(request);
    }

    @Override
    public Optional<BrokerOrder> order(ClientOrderId id) {
        return broker().order(id);
    }

    @Override
    public List<BrokerOrder> openOrders() {
        return broker().openOrders();
    }

    @Override
    public BrokerOrder cancel(ClientOrderId id) {
        return broker().cancel(id);
    }

    @Override
    public List<BrokerActivity> activities(Optional<String> afterId, int limit) {
        return broker().activities(afterId, limit);
    }

    /**
     * Connects like every other call: an Alpaca account's strategies must price from Alpaca's own
     * quotes, never fall back to the built-in simulated market because its keys were not read yet.
     */
    @Override
    public MarketView market() {
        return broker().market();
    }
}
