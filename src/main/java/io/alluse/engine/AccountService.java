package io.alluse.engine;

import io.alluse.domain.Account;
import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountDraft;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.AccountValidator;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.ConfigDraft;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.NewAccount;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SymbolCatalog;
import io.alluse.domain.Validated;
import io.alluse.store.AccountRepository;
import java.time.InstantSource;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.Money;
import io.alluse.domain.PositionSizing;
import io.alluse.domain.SizingPlan;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.StrategyParameters;
import io.alluse.domain.Symbol;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating and configuring main accounts: the command line and the UI both come through here,
 * so both accept and refuse exactly the same input.
 */
public final class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final AccountValidator validator;
    private final InstantSource clock;
    private final ReferencePrices prices;
    private final Brokerages brokerages;
    private final List<Consumer<Account>> createdListeners = new CopyOnWriteArrayList<>();

    public AccountService(AccountRepository accounts, SymbolCatalog catalog, InstantSource clock, ReferencePrices prices, Brokerages brokerages) {
        this.accounts = accounts;
        this.validator = new AccountValidator(catalog);
        this.clock = clock;
        this.prices = prices;
        this.brokerages = brokerages;
    }

    /** Told of every account created, at once: the engine starts managing it. */
    public void onCreated(Consumer<Account> listener) {
        createdListeners.add(listener);
    }

    public List<Account> accounts() {
        return accounts.findAll();
    }

    public Optional<Account> find(AccountId id) {
        return accounts.find(id);
    }

    public Account get(AccountId id) {
        return accounts.get(id);
    }

    /** A ready-to-edit draft with the defaults, the next free id and name, and a staggered window. */
    public AccountDraft newAccountDraft() {
        var ids = accounts.ids();
        String id = AccountValidator.suggestId(ids);
        String name = "Account-" + id.substring("account-".length());
        return AccountDraft.defaults(id, name, ExecutionWindow.suggest(accounts.activeWindows().values()));
    }

    public Validated<NewAccount> validate(AccountDraft draft) {
        return validate(draft, existing());
    }

    /**
     * The ids and active windows of the accounts there are now, read once so that a form can
     * validate on every keystroke without a database read (see the two validate overloads).
     */
    public AccountValidator.Existing existing() {
        return new AccountValidator.Existing(accounts.ids(), accounts.activeWindows());
    }

    /** Same rules as {@link #validate(AccountDraft)}, against a snapshot from {@link #existing()}; pure, no I/O. */
    public Validated<NewAccount> validate(AccountDraft draft, AccountValidator.Existing existing) {
        return validator.validateNew(draft, existing);
    }

    /** Same rules as {@link #validateConfig(AccountId, ConfigDraft)}, against known peer windows; pure, no I/O. */
    public Validated<AccountConfig> validateConfig(ConfigDraft draft, Map<AccountId, ExecutionWindow> otherWindows) {
        return validator.validateConfig(draft, otherWindows);
    }

    /**
     * Validates, opens and funds the brokerage account, and founds the account with that opening
     * deposit as its first cash flow. Throws {@link io.alluse.domain.ValidationException} with every
     * problem and changes nothing if the input is invalid.
     */
    public Account create(AccountDraft draft) {
        return create(draft, new BrokerSetup.Paper());
    }

    /**
     * {@link #create(AccountDraft)} at the brokerage the user chose; its credentials go to the credential store,
     * the account row keeps only the broker kind and the brokerage's account number.
     */
    public Account create(AccountDraft draft, BrokerSetup broker) {
        return found(validate(draft).orThrow(), broker);
    }

    /**
     * Creates {@code count} paper accounts one after another exactly as {@code create(newAccountDraft())} in a
     * loop would (the same ids, names, windows and checks), with {@code adjust} applied to each draft, but
     * reading the existing accounts once instead of twice per account: that loop costs O(accounts) database
     * reads per account, which for 10,000 accounts is hours. Each draft is validated against the accounts
     * before it, kept in memory.
     */
    public List<Account> createMany(int count, java.util.function.UnaryOperator<AccountDraft> adjust) {
        AccountValidator.Existing before = existing();
        Set<AccountId> ids = new LinkedHashSet<>(before.ids());
        Map<AccountId, ExecutionWindow> windows = new LinkedHashMap<>(before.windows());
        // from no accounts at all, the suggestions for a sequence of accounts are known without the O(n) scan each
        List<ExecutionWindow> suggested = windows.isEmpty() ? ExecutionWindow.suggestMany(count) : null;
        List<Account> created = new java.util.ArrayList<>(count);
        int lastOrder = accounts.lastDisplayOrder();
        int n = 1;
        for (int i = 0; i < count; i++) {
            while (ids.contains(new AccountId("account-" + n))) {
                n++;
            }
            // AccountValidator.suggestId: the first free account-N (none below n is free: they only get taken)
            String id = "account-" + n;
            ExecutionWindow window = suggested != null ? suggested.get(i) : ExecutionWindow.suggest(windows.values());
            AccountDraft draft = adjust.apply(AccountDraft.defaults(id, "Account-" + n, window));
            NewAccount spec = validate(draft, new AccountValidator.Existing(ids, windows)).orThrow();
            Account account = found(spec, new BrokerSetup.Paper(), lastOrder++);
            created.add(account);
            ids.add(account.id());
            if (account.status() != AccountStatus.CLOSED) {
                windows.put(account.id(), account.config().window());
            }
        }
        return created;
    }

    private Account found(NewAccount spec, BrokerSetup broker) {
        return found(spec, broker, -1);
    }

    /** @param lastDisplayOrder the largest display order there is, when the caller knows it; -1 to look it up */
    private Account found(NewAccount spec, BrokerSetup broker, int lastDisplayOrder) {
        Brokerages.Opened opened = brokerages.open(spec.id(), broker, spec.initialCapital());
        BrokerConnection connection = opened.connection();
        Brokerages.OpeningBalance opening = opened.opening();
        Account created = lastDisplayOrder < 0 ? accounts.create(spec, connection, clock.instant(), opening.activityId())
                : accounts.create(spec, connection, clock.instant(), opening.activityId(), lastDisplayOrder);
        log.info("Account {} created with {}", created.id(), created.initialCapital());
        createdListeners.forEach(l -> l.accept(created));
        return created;
    }

    /** On a first run the portfolio is never empty: Account-1 with the defaults on the paper broker. */
    public Optional<Account> ensureFirstAccount() {
        if (!accounts.ids().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(create(newAccountDraft()));
    }

    /** Checks a configuration change against the account's peers' windows. */
    public Validated<AccountConfig> validateConfig(AccountId id, ConfigDraft draft) {
        Map<AccountId, ExecutionWindow> others = new HashMap<>(accounts.activeWindows());
        others.remove(id);
        return validator.validateConfig(draft, others);
    }

    /** What the sleeves' capital becomes under a new configuration: the same total, split by the new targets. */
    public SleeveCapitals capitalUnder(Account account, AccountConfig config) {
        return SleeveCapitals.split(account.totalCapital(), config);
    }

    /** Validates and applies a configuration change atomically, with its audit line. */
    public Account configure(AccountId id, ConfigDraft draft) {
        AccountConfig config = validateConfig(id, draft).orThrow();
        Account account = accounts.get(id);
        return accounts.updateConfig(id, config, capitalUnder(account, config), clock.instant());
    }

    /**
     * How each sleeve would be sized under {@code config} at today's prices, taking each symbol's
     * price as the reference strike: what the configuration dialog shows before and after a change.
     */
    public Map<SleeveKind, SizingPlan> sizingPreview(Account account, AccountConfig config) {
        SleeveCapitals capital = capitalUnder(account, config);
        Map<SleeveKind, SizingPlan> plans = new EnumMap<>(SleeveKind.class);
        for (SleeveKind kind : SleeveKind.values()) {
            StrategyParameters p = config.sleeve(kind).parameters();
            Map<Symbol, Money> strikes = new LinkedHashMap<>();
            for (Symbol s : p.symbols()) {
                prices.price(s).ifPresent(price -> strikes.put(s, price));
            }
            plans.put(kind, PositionSizing.plan(capital.of(kind), config.cashBuffer(), p, strikes, Money.ZERO));
        }
        return plans;
    }

    /** Tests the brokerage an account would trade in, before it is created (the wizard's Test button). */
    public ConnectionCheck checkBroker(BrokerKind kind, AccountId forAccount) {
        return switch (kind) {
            case PAPER -> checkBroker(new BrokerSetup.Paper(), forAccount);
            case ALPACA_PAPER, ALPACA_LIVE -> ConnectionCheck.failed("Enter the Alpaca API key id and secret key first");
        };
    }

    /** Tests a brokerage choice with its keys (the wizard's Test button); a broker's refusal comes back as a failed check. */
    public ConnectionCheck checkBroker(BrokerSetup setup, AccountId forAccount) {
        return brokerages.check(forAccount, setup);
    }

    /** The credential vault file, only when it is the credential store in use (the OS keychain needs no passphrase). */
    public Optional<io.alluse.secrets.SecretVault> vault() {
        return brokerages.vault();
    }

    /** Where broker credentials are kept: the OS keychain or the vault file (for Help -> About and the wizard). */
    public Optional<io.alluse.secrets.CredentialStore> credentials() {
        return brokerages.credentials();
    }

    public Account setStatus(AccountId id, AccountStatus status, String reason) {
        return accounts.setStatus(id, status, clock.instant(), reason);
    }
}
