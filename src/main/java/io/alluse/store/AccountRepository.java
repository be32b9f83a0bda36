package io.alluse.store;

import io.alluse.domain.Account;
import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.FundChange;
import io.alluse.domain.NewAccount;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ValidationException;
import io.alluse.domain.ledger.AuditKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The account hierarchy: main accounts, their sleeves and configuration. Every change is one
 * transaction together with its line in that account's audit log, so the log never misses a
 * change and a failed change leaves nothing behind.
 */
public final class AccountRepository {

    private final Database db;

    public AccountRepository(Database db) {
        this.db = db;
    }

    /** All accounts in the order they were created. */
    public List<Account> findAll() {
        return db.portfolioTransaction(s -> {
            List<AccountEntity> accounts = s.createSelectionQuery("from Account order by displayOrder, id", AccountEntity.class).getResultList();
            Map<String, List<SleeveEntity>> sleeves = s.createSelectionQuery("from Sleeve", SleeveEntity.class).getResultList().stream()
                    .collect(Collectors.groupingBy(e -> e.key.accountId()));
            List<Account> result = new ArrayList<>(accounts.size());
            for (AccountEntity a : accounts) {
                result.add(Mapping.toAccount(a, sleeves.getOrDefault(a.id, List.of())));
            }
            return result;
        });
    }

    public Optional<Account> find(AccountId id) {
        return db.portfolioTransaction(s -> load(s, id));
    }

    public Account get(AccountId id) {
        return find(id).orElseThrow(() -> new StoreException("No account with id '" + id + "'. Run `accounts list` to see the ids."));
    }

    public Set<AccountId> ids() {
        return db.portfolioTransaction(s -> s.createSelectionQuery("select id from Account order by displayOrder, id", String.class)
                .getResultList().stream().map(AccountId::new).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** Execution windows of accounts that are not closed (closed accounts never trade again). */
    public Map<AccountId, ExecutionWindow> activeWindows() {
        Map<AccountId, ExecutionWindow> windows = new LinkedHashMap<>();
        for (Account a : findAll()) {
            if (a.status() != AccountStatus.CLOSED) {
                windows.put(a.id(), a.config().window());
            }
        }
        return windows;
    }

    /**
     * Founds an account: the account row, its three sleeves, the opening deposit that funded its
     * brokerage account (booked as the first external cash flow, split by the targets), the broker
     * sync cursor just past that deposit, and the first audit lines, in one transaction. A duplicate
     * id is refused (also when another writer got there first).
     *
     * @param openingReference the broker's id of the opening deposit
     */
    public Account create(NewAccount spec, BrokerConnection broker, Instant now, String openingReference) {
        try {
            return db.accountTransaction(spec.id(), s -> found(s, spec, broker, AccountStatus.ACTIVE, now, Optional.of(openingReference)));
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw duplicate(spec.id());
        }
    }

    /**
     * The body of {@link #create}, inside the caller's transaction: also used by a fork, which founds
     * the new account in the same transaction that takes the surplus out of its parent. Without an
     * opening reference the account is founded with no money yet (its brokerage account does not exist).
     */
    static Account found(Session s, NewAccount spec, BrokerConnection broker, AccountStatus status, Instant now, Optional<String> openingReference) {
        return found(s, spec, broker, status, now, openingReference, java.util.OptionalInt.empty());
    }

    /**
     * {@link #create} for accounts made in a row by one caller (AccountService.createMany) that knows the last display
     * order: finding it is a scan of every account (the column has no index), which made creating 10,000 accounts
     * quadratic.
     *
     * @param lastDisplayOrder the largest display order there is (0 when there are no accounts)
     */
    public Account create(NewAccount spec, BrokerConnection broker, Instant now, String openingReference, int lastDisplayOrder) {
        try {
            return db.accountTransaction(spec.id(), s -> found(s, spec, broker, AccountStatus.ACTIVE, now, Optional.of(openingReference),
                    java.util.OptionalInt.of(lastDisplayOrder)));
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw duplicate(spec.id());
        }
    }

    /** The largest display order of any account, 0 when there are none. */
    public int lastDisplayOrder() {
        Integer max = db.portfolioTransaction(s -> s.createSelectionQuery("select max(displayOrder) from Account", Integer.class).getSingleResult());
        return max == null ? 0 : max;
    }

    private static Account found(Session s, NewAccount spec, BrokerConnection broker, AccountStatus status, Instant now,
                                 Optional<String> openingReference, java.util.OptionalInt lastDisplayOrder) {
        if (s.find(AccountEntity.class, spec.id().value()) != null) {
            throw duplicate(spec.id());
        }
        Integer maxOrder = lastDisplayOrder.isPresent() ? Integer.valueOf(lastDisplayOrder.getAsInt())
                : s.createSelectionQuery("select max(displayOrder) from Account", Integer.class).getSingleResult();
        AccountEntity a = new AccountEntity();
        a.id = spec.id().value();
        a.name = spec.name();
        a.initialCapitalCents = spec.initialCapital().cents();
        a.status = status.name();
        a.brokerKind = broker.kind().name();
        a.brokerAccount = broker.externalAccountId();
        a.createdAt = now;
        a.displayOrder = maxOrder == null ? 1 : maxOrder + 1;
        Mapping.copyConfig(spec.config(), a);
        s.persist(a);
        SleeveCapitals zero = SleeveCapitals.of(io.alluse.domain.Money.ZERO, io.alluse.domain.Money.ZERO, io.alluse.domain.Money.ZERO);
        for (SleeveKind kind : SleeveKind.values()) {
            SleeveEntity sleeve = new SleeveEntity();
            sleeve.key = new SleeveEntity.Key(a.id, kind.name());
            Mapping.copySleeve(spec.config().sleeve(kind), io.alluse.domain.Money.ZERO, sleeve);
            s.persist(sleeve);
        }
        SleeveCapitals capital = SleeveCapitals.split(spec.initialCapital(), spec.config());
        AuditLog.append(s, spec.id(), now, AuditKind.ACCOUNT_CREATED,
                "Account " + spec.name() + " created with " + spec.initialCapital().formatWhole() + " on " + broker.kind().label(),
                AuditDetails.describe(spec.config(), capital));
        s.flush();
        if (openingReference.isEmpty()) {
            // founded before its brokerage account exists (a fork waiting for the user): no money yet
            s.flush();
            return load(s, spec.id()).orElseThrow();
        }
        io.alluse.domain.CashFlow opening = io.alluse.domain.CashFlow.deposit(spec.initialCapital(), now, openingReference.get());
        CashFlowWrites.book(s, spec.id(), new FundChange(opening, zero, capital), now);
        BrokerSyncEntity sync = new BrokerSyncEntity();
        sync.accountId = a.id;
        sync.activityCursor = openingReference.get();
        sync.brokerCashCents = spec.initialCapital().cents();
        sync.health = io.alluse.domain.run.AccountHealth.OK.name();
        sync.lastError = "";
        sync.lastSyncAt = now;
        s.persist(sync);
        s.flush();
        return load(s, spec.id()).orElseThrow();
    }

    private static ValidationException duplicate(AccountId id) {
        return new ValidationException("id", "Account id '" + id + "' is already used by another account: choose another.");
    }

    /**
     * Applies a validated configuration and the sleeve capitals that follow from it, atomically,
     * with an audit line that shows what changed. Fails if the account changed meanwhile.
     */
    public Account updateConfig(AccountId id, AccountConfig config, SleeveCapitals capital, Instant now) {
        return db.accountTransaction(id, s -> {
            AccountEntity a = existing(s, id);
            Account before = load(s, id).orElseThrow();
            Mapping.copyConfig(config, a);
            for (SleeveEntity sleeve : sleeves(s, id)) {
                SleeveKind kind = SleeveKind.valueOf(sleeve.key.kind());
                Mapping.copySleeve(config.sleeve(kind), capital.of(kind), sleeve);
            }
            AuditLog.append(s, id, now, AuditKind.CONFIG_CHANGED, "Configuration changed: " + AuditDetails.summarizeChange(before.config(), config),
                    "before:\n" + AuditDetails.describe(before.config(), before.capital()) + "\nafter:\n" + AuditDetails.describe(config, capital));
            s.flush();
            return load(s, id).orElseThrow();
        });
    }

    public Account setStatus(AccountId id, AccountStatus status, Instant now, String reason) {
        return db.accountTransaction(id, s -> {
            AccountEntity a = existing(s, id);
            AccountStatus before = AccountStatus.valueOf(a.status);
            if (before == status) {
                return load(s, id).orElseThrow();
            }
            if (before == AccountStatus.CLOSED) {
                throw new ValidationException("status", "Account " + id + " is closed and cannot be " + status.name().toLowerCase(java.util.Locale.ROOT) + "d.");
            }
            a.status = status.name();
            AuditLog.append(s, id, now, AuditKind.STATUS_CHANGED, "Status " + before + " -> " + status + (reason.isBlank() ? "" : ": " + reason), "");
            s.flush();
            return load(s, id).orElseThrow();
        });
    }

    /**
     * Books a deposit or withdrawal once: the cash-flow row (unique per broker reference), the new
     * sleeve capitals and the audit line in one transaction. Returns empty if this reference was
     * booked before, so the same broker activity never counts twice.
     */
    public Optional<Account> bookCashFlow(AccountId id, FundChange change, Instant now) {
        return db.accountTransaction(id, s -> {
            existing(s, id);
            if (!CashFlowWrites.book(s, id, change, now)) {
                return Optional.<Account>empty();
            }
            s.flush();
            return load(s, id);
        });
    }

    private static AccountEntity existing(Session s, AccountId id) {
        AccountEntity a = s.find(AccountEntity.class, id.value());
        if (a == null) {
            throw new StoreException("No account with id '" + id + "'.");
        }
        return a;
    }

    private static List<SleeveEntity> sleeves(Session s, AccountId id) {
        return CashFlowWrites.sleeves(s, id);
    }

    static Optional<Account> load(Session s, AccountId id) {
        AccountEntity a = s.find(AccountEntity.class, id.value());
        return a == null ? Optional.empty() : Optional.of(Mapping.toAccount(a, sleeves(s, id)));
    }
}
