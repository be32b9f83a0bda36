package io.alluse.broker.paper;

import io.alluse.broker.BrokerAccount;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.BrokerPosition;
import io.alluse.broker.OrderRequest;
import io.alluse.domain.Money;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.market.MarketView;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A paper account kept in the database: the in-memory {@link PaperAccount} does all the work and
 * reads are answered from memory; whatever a call changed is committed in one transaction before
 * the call returns, so a killed process loses nothing it acknowledged. If the commit fails, the
 * account is reloaded as last committed and the call fails as {@code UNAVAILABLE} (retryable):
 * memory never runs ahead of the database.
 */
final class PersistentPaperAccount implements PaperBroker {

    private final PaperStore store;
    private final MarketView market;
    private final String accountId;
    private PaperAccount core;

    PersistentPaperAccount(PaperStore store, MarketView market, PaperState saved) {
        this.store = store;
        this.market = market;
        this.accountId = saved.accountId();
        this.core = restore(saved);
    }

    private PaperAccount restore(PaperState saved) {
        PaperAccount account = PaperAccount.restore(saved, market);
        account.trackChanges();
        return account;
    }

    /** Runs one call on the core and commits what it changed, also when the call itself failed. */
    private synchronized <T> T run(Function<PaperAccount, T> call) {
        PaperAccount account = core();
        T result = null;
        RuntimeException failure = null;
        try {
            result = call.apply(account);
        } catch (RuntimeException e) {
            failure = e;
        }
        PaperChanges changes = account.drainChanges();
        if (!changes.isEmpty()) {
            try {
                store.save(accountId, changes);
            } catch (RuntimeException e) {
                reloadAfter(e, failure);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    private void reloadAfter(RuntimeException saveFailure, RuntimeException callFailure) {
        BrokerException unavailable = saveFailure instanceof BrokerException b ? b
                : new BrokerException(BrokerException.Kind.UNAVAILABLE, "The paper brokerage could not save account " + accountId
                + ": " + saveFailure.getMessage(), saveFailure);
        if (callFailure != null) {
            unavailable.addSuppressed(callFailure);
        }
        try {
            core = restore(store.load(accountId).orElseThrow(() -> new BrokerException(BrokerException.Kind.NOT_FOUND,
                    "Paper account " + accountId + " is no longer in the database.")));
        } catch (RuntimeException reload) {
            // Memory may now be ahead of the database; refuse to answer rather than answer wrongly.
            core = null;
            unavailable.addSuppressed(reload);
        }
        throw unavailable;
    }

    private PaperAccount core() {
        if (core == null) {
            try {
                core = restore(store.load(accountId).orElseThrow());
            } catch (RuntimeException e) {
                throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "The paper brokerage cannot read account " + accountId
                        + " from the database: " + e.getMessage(), e);
            }
        }
        return core;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public synchronized PaperSettings settings() {
        return core().settings();
    }

    @Override
    public MarketView market() {
        return market;
    }

    @Override
    public BrokerAccount account() {
        return run(PaperAccount::account);
    }

    @Override
    public List<BrokerPosition> positions() {
        return run(PaperAccount::positions);
    }

    @Override
    public BrokerOrder place(OrderRequest request) {
        return run(a -> a.place(request));
    }

    @Override
    public Optional<BrokerOrder> order(ClientOrderId id) {
        return run(a -> a.order(id));
    }

    @Override
    public List<BrokerOrder> openOrders() {
        return run(PaperAccount::openOrders);
    }

    @Override
    public BrokerOrder cancel(ClientOrderId id) {
        return run(a -> a.cancel(id));
    }

    @Override
    public List<BrokerActivity> activities(Optional<String> afterId, int limit) {
        return run(a -> a.activities(afterId, limit));
    }

    @Override
    public BrokerActivity.Deposit deposit(Money amount) {
        return run(a -> a.deposit(amount));
    }

    @Override
    public BrokerActivity.Withdrawal withdraw(Money amount) {
        return run(a -> a.withdraw(amount));
    }

    /**
     * {@link PaperAccount#transferAll} between two persistent accounts, committed in ONE transaction over
     * both (docs/decisions/0026). If the commit fails, both are reloaded as last committed and the call fails
     * as {@code UNAVAILABLE}: nothing moved, and a retry under the same transfer id does it once.
     */
    static PaperTransfer transfer(PaperStore store, String transferId, PersistentPaperAccount from, PersistentPaperAccount to) {
        PersistentPaperAccount first = from.accountId.compareTo(to.accountId) <= 0 ? from : to;
        PersistentPaperAccount second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                PaperAccount source = from.core();
                PaperAccount target = to.core();
                PaperTransfer result;
                try {
                    result = PaperAccount.transferAll(transferId, source, target);
                } catch (RuntimeException refused) {
                    // a refusal changes nothing but what catching up settled: keep that as any call does
                    from.saveAlone(refused);
                    to.saveAlone(refused);
                    throw refused;
                }
                PaperChanges fromChanges = source.drainChanges();
                PaperChanges toChanges = target.drainChanges();
                try {
                    store.saveBoth(from.accountId, fromChanges, to.accountId, toChanges);
                } catch (RuntimeException e) {
                    try {
                        from.reloadAfter(e, null);
                    } catch (BrokerException unavailable) {
                        try {
                            to.reloadAfter(e, null);
                        } catch (BrokerException ignored) {
                            // the same failure, reported once
                        }
                        throw unavailable;
                    }
                }
                return result;
            }
        }
    }

    /** This account's activities of the transfer {@code transferId}, oldest first; empty if it took no part in one. */
    synchronized List<BrokerActivity> transferActivities(String transferId) {
        return core().activitiesOf(transferId);
    }

    private void saveAlone(RuntimeException failure) {
        PaperChanges changes = core().drainChanges();
        if (!changes.isEmpty()) {
            try {
                store.save(accountId, changes);
            } catch (RuntimeException e) {
                reloadAfter(e, failure);
            }
        }
    }

    /** The account as it is in memory (and therefore in the database). */
    synchronized PaperState state() {
        return core().state();
    }

    @Override
    public String toString() {
        return "paper account " + accountId + " (persistent)";
    }
}
