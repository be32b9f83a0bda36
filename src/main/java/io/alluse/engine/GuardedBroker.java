package io.alluse.engine;

import io.alluse.broker.Broker;
import io.alluse.broker.BrokerAccount;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.BrokerPosition;
import io.alluse.broker.OrderRequest;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.market.MarketView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Puts a time limit on every call to a broker: a call that does not answer in time fails with
 * {@link BrokerException.Kind#TIMEOUT} and is abandoned, so a hung broker costs its own account a
 * retry and nothing more.
 *
 * <p>An abandoned call is never interrupted: the paper broker commits to H2 inside its calls, and an
 * interrupt during H2's file I/O closes the database's file channel for every account (H2 issues 227,
 * 1076: MVStore is not interrupt-safe). A 10,000-account bench week with a 200 ms limit did exactly that.
 * The abandoned call runs to its end on its own virtual thread (its effect, if any, is what a lost reply
 * leaves, which reconciliation by client order id handles); a truly hung one waits until the broker
 * gives up on its own.
 */
final class GuardedBroker implements Broker, AutoCloseable {

    private final Broker broker;
    private final Duration timeout;
    private volatile boolean closed;

    GuardedBroker(Broker broker, Duration timeout) {
        this.broker = broker;
        this.timeout = timeout;
    }

    /**
     * The time limit runs from when the call starts, not from when it was handed over: with thousands
     * of accounts due at the same instant, a call may wait for a free processor longer than the limit,
     * and that wait says nothing about the broker (counting it made accounts fail at random under load).
     * The limit is kept by {@link CallDeadlines}' one watchdog, not by a timer per call (docs/decisions/0037).
     */
    private <T> T call(String what, Supplier<T> call) {
        if (closed) {
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "The account's broker connection is closed (" + what + ").");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        long limit = timeout.toNanos();
        Thread.startVirtualThread(() -> {
            CallDeadlines.Watched watched = CallDeadlines.shared().watch(result, limit, () -> timedOut(what));
            try {
                result.complete(call.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                CallDeadlines.shared().done(watched);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "The broker failed " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(BrokerException.Kind.TIMEOUT, "Interrupted while waiting for the broker (" + what + ").");
        }
    }

    private BrokerException timedOut(String what) {
        return new BrokerException(BrokerException.Kind.TIMEOUT, "The broker did not answer " + what + " within "
                + (timeout.toMillis() < 1_000 ? timeout.toMillis() + " ms." : timeout.toSeconds() + " s."));
    }

    @Override
    public String accountId() {
        return broker.accountId();
    }

    @Override
    public BrokerAccount account() {
        return call("the balances request", broker::account);
    }

    @Override
    public List<BrokerPosition> positions() {
        return call("the positions request", broker::positions);
    }

    @Override
    public BrokerOrder place(OrderRequest request) {
        return call("order " + request.clientOrderId(), () -> broker.place(request));
    }

    @Override
    public Optional<BrokerOrder> order(ClientOrderId id) {
        return call("the lookup of order " + id, () -> broker.order(id));
    }

    @Override
    public List<BrokerOrder> openOrders() {
        return call("the open-orders request", broker::openOrders);
    }

    @Override
    public BrokerOrder cancel(ClientOrderId id) {
        return call("the cancel of " + id, () -> broker.cancel(id));
    }

    @Override
    public List<BrokerActivity> activities(Optional<String> afterId, int limit) {
        return call("the activities request", () -> broker.activities(afterId, limit));
    }

    @Override
    public MarketView market() {
        return broker.market();
    }

    @Override
    public void close() {
        // no interrupts here either (see above): calls still running end on their own
        closed = true;
    }
}
