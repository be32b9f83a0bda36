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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public AccountService(AccountRepository accounts, SymbolCatalog catalog, InstantSource clock) {
        this.accounts = accounts;
        this.validator = new AccountValidator(catalog);
        this.clock = clock;
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
        return validator.validateNew(draft, new AccountValidator.Existing(accounts.ids(), accounts.activeWindows()));
    }

    /**
     * Validates and founds the account on the built-in paper broker. Throws
     * {@link io.alluse.domain.ValidationException} with every problem and changes nothing if invalid.
     */
    public Account create(AccountDraft draft) {
        NewAccount spec = validate(draft).orThrow();
        Account created = accounts.create(spec, BrokerConnection.paperFor(spec.id()), clock.instant());
        log.info("Account {} created with {}", created.id(), created.initialCapital());
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

    public Account setStatus(AccountId id, AccountStatus status, String reason) {
        return accounts.setStatus(id, status, clock.instant(), reason);
    }
}
