package io.alluse.broker.paper;

import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerException.Kind;
import io.alluse.domain.Money;
import io.alluse.market.MarketView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The built-in paper brokerage: opens paper accounts by id, keeps them in their own tables of the
 * application database (migration V2, plain JDBC) and hands out one {@link PaperBroker} per
 * account. Every account it hands out trades against the same market.
 *
 * <p>There is exactly one broker object per account id for the life of the brokerage, so two
 * callers can never hold diverging copies of one account. Thread-safe.
 */
public final class PaperBrokerage {

    private final PaperStore store;
    private final MarketView market;
    private final PaperSettings defaults;
    private final Map<String, PersistentPaperAccount> open = new ConcurrentHashMap<>();

    /** With the default fills and commissions ({@link PaperSettings#DEFAULTS}) for new accounts. */
    public PaperBrokerage(DataSource dataSource, MarketView market) {
        this(dataSource, market, PaperSettings.DEFAULTS);
    }

    public PaperBrokerage(DataSource dataSource, MarketView market, PaperSettings settingsForNewAccounts) {
        if (dataSource == null || market == null || settingsForNewAccounts == null) {
            throw new IllegalArgumentException("the paper brokerage needs a database, a market and settings for new accounts");
        }
        this.store = new PaperStore(dataSource);
        this.market = market;
        this.defaults = settingsForNewAccounts;
    }

    public MarketView market() {
        return market;
    }

    /** Opens a new account with the default settings and {@code initialDeposit} as its first activity. */
    public PaperBroker create(String accountId, Money initialDeposit) {
        return create(accountId, initialDeposit, defaults);
    }

    /**
     * Opens a new account at the market's current moment with {@code initialDeposit} (may be $0.00)
     * booked as its first activity, committed before this returns. Throws {@link BrokerException}
     * ({@code REJECTED}) for a malformed id, a negative deposit or an id already taken.
     */
    public synchronized PaperBroker create(String accountId, Money initialDeposit, PaperSettings settings) {
        if (store.exists(accountId)) {
            throw new BrokerException(Kind.REJECTED, "Paper account " + accountId + " already exists; open it instead of creating it.");
        }
        PaperAccount fresh = PaperAccount.open(accountId, market, settings, initialDeposit);
        store.create(fresh.state(), market.now());
        PersistentPaperAccount account = new PersistentPaperAccount(store, market, fresh.state());
        open.put(accountId, account);
        return account;
    }

    /** The account with this id; {@link BrokerException} ({@code NOT_FOUND}) naming the known ids if there is none. */
    public PaperBroker open(String accountId) {
        return find(accountId).orElseThrow(() -> new BrokerException(Kind.NOT_FOUND, "There is no paper account " + accountId
                + "; the paper brokerage has " + (accountIds().isEmpty() ? "none yet" : String.join(", ", accountIds())) + "."));
    }

    /** The account with this id, read from the database the first time it is asked for. */
    public synchronized Optional<PaperBroker> find(String accountId) {
        PersistentPaperAccount known = open.get(accountId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PaperState> saved = store.load(accountId);
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        PersistentPaperAccount account = new PersistentPaperAccount(store, market, saved.get());
        open.put(accountId, account);
        return Optional.of(account);
    }

    /**
     * The existing account with this id, or a new one with {@code initialDeposit}: for account
     * creation that may be repeated after a crash without opening the brokerage account twice.
     */
    public synchronized PaperBroker openOrCreate(String accountId, Money initialDeposit) {
        return find(accountId).orElseGet(() -> create(accountId, initialDeposit));
    }

    /**
     * Moves everything paper account {@code fromId} holds (every position with its cost basis, and all its
     * cash) into paper account {@code toId} in ONE database transaction over both, reported in both feeds
     * as position transfers and a cash journal under {@code transferId} (docs/decisions/0026). Idempotent:
     * a repeated call with the same id moves nothing and returns what the first did. Throws
     * {@link BrokerException}: {@code NOT_FOUND} for an unknown account, {@code REJECTED} while the sender
     * has open orders or holds nothing, {@code UNAVAILABLE} if the database refused (nothing moved).
     */
    public PaperTransfer transfer(String transferId, String fromId, String toId) {
        PersistentPaperAccount from = (PersistentPaperAccount) open(fromId);
        PersistentPaperAccount to = (PersistentPaperAccount) open(toId);
        return PersistentPaperAccount.transfer(store, transferId, from, to);
    }

    /**
     * The transfer {@code transferId} from {@code fromId} to {@code toId} if it was done, read only: what a
     * restart asks before it books a transfer whose intent it finds (docs/decisions/0026).
     */
    public Optional<PaperTransfer> findTransfer(String transferId, String fromId, String toId) {
        PersistentPaperAccount from = (PersistentPaperAccount) open(fromId);
        PersistentPaperAccount to = (PersistentPaperAccount) open(toId);
        List<io.alluse.broker.BrokerActivity> out = from.transferActivities(transferId);
        if (out.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PaperTransfer(transferId, fromId, toId, out, to.transferActivities(transferId), true));
    }

    public boolean exists(String accountId) {
        return open.containsKey(accountId) || store.exists(accountId);
    }

    /** Every paper account in the database, by id. */
    public List<String> accountIds() {
        return store.accountIds();
    }
}
