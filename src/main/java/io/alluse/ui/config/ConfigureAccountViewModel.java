package io.alluse.ui.config;

import io.alluse.domain.Account;
import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountId;
import io.alluse.domain.ConfigDraft;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.FieldError;
import io.alluse.domain.Validated;
import io.alluse.domain.ValidationException;
import io.alluse.engine.AccountService;
import io.alluse.ui.common.FieldMessages;
import io.alluse.ui.common.UiExecutor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Configuring one account (SPEC workflow 2) without controls: the current configuration as
 * editable text, the validator's messages as the user types, position sizing before and after,
 * and Apply (valid and changed only) or Cancel (changes nothing).
 */
public final class ConfigureAccountViewModel {

    private final AccountService accounts;
    private final UiExecutor executor;
    private final AccountId id;
    private final ConfigForm form = new ConfigForm();
    private final FieldMessages messages = new FieldMessages();

    private final ReadOnlyObjectWrapper<Account> account = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SizingComparison> sizing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Account> applied = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canApply;

    private Map<AccountId, ExecutionWindow> others = Map.of();
    private SizingComparison.Side before;
    /** Each sizing request gets a number; an answer to an older one than the latest is dropped. */
    private int sizingRequest;

    public ConfigureAccountViewModel(AccountService accounts, UiExecutor executor, AccountId id) {
        this.accounts = accounts;
        this.executor = executor;
        this.id = id;
        canApply = loaded.and(valid).and(changed).and(applying.not());
        form.onChange(this::validate);
    }

    /** Reads the account, its peers' windows and today's sizing in the background. */
    public void load() {
        record Loaded(Account account, Map<AccountId, ExecutionWindow> others, SizingComparison.Side before) {
        }
        executor.submit("Loading " + id, () -> {
            Account a = accounts.get(id);
            Map<AccountId, ExecutionWindow> peers = new HashMap<>(accounts.existing().windows());
            peers.remove(id);
            return new Loaded(a, Map.copyOf(peers), side(a, a.config()));
        }, l -> {
            account.set(l.account());
            others = l.others();
            before = l.before();
            AccountConfig current = l.account().config();
            // An account already sharing its window (created with overlap allowed) keeps that permission.
            boolean overlapsNow = others.values().stream().anyMatch(current.window()::overlaps);
            form.capitalProperty().set(Optional.of(l.account().totalCapital()));
            form.otherWindowsProperty().set(others);
            form.load(ConfigDraft.of(current).withAllowOverlap(overlapsNow));
            loaded.set(true);
            validate();
        }, failure -> problem.set("Could not load " + id + ": " + failure.getMessage()));
    }

    private SizingComparison.Side side(Account a, AccountConfig config) {
        return new SizingComparison.Side(config, accounts.capitalUnder(a, config), accounts.sizingPreview(a, config));
    }

    private void validate() {
        if (!loaded.get()) {
            return;
        }
        Validated<AccountConfig> result = accounts.validateConfig(form.toDraft(), others);
        messages.show(result.errors());
        valid.set(result.isValid());
        Optional<AccountConfig> edited = result instanceof Validated.Valid<AccountConfig>(AccountConfig c) ? Optional.of(c) : Optional.empty();
        changed.set(edited.isPresent() && !edited.get().equals(account.get().config()));
        resize(edited);
    }

    private void resize(Optional<AccountConfig> edited) {
        int request = ++sizingRequest;
        if (edited.isEmpty()) {
            sizing.set(SizingComparison.of(before, Optional.empty()));
            return;
        }
        if (edited.get().equals(before.config())) {
            sizing.set(SizingComparison.of(before, Optional.of(before)));
            return;
        }
        Account a = account.get();
        // sizing asks the market for prices: off the FX thread
        executor.submit("Sizing " + id, () -> side(a, edited.get()), after -> {
            if (request == sizingRequest) {
                sizing.set(SizingComparison.of(before, Optional.of(after)));
            }
        }, failure -> {
            if (request == sizingRequest) {
                sizing.set(SizingComparison.of(before, Optional.empty()));
                problem.set("Could not size the new configuration: " + failure.getMessage());
            }
        });
    }

    /** Applies the edited configuration in the background, all or nothing, with its audit line. */
    public void apply() {
        if (!canApply.get()) {
            return;
        }
        ConfigDraft draft = form.toDraft();
        applying.set(true);
        problem.set("");
        executor.submit("Configuring " + id, () -> accounts.configure(id, draft), a -> {
            applying.set(false);
            applied.set(a);
            finished.set(true);
        }, this::applyFailed);
    }

    private void applyFailed(Throwable failure) {
        applying.set(false);
        if (failure instanceof ValidationException refused) {
            // e.g. another account took this window meanwhile
            messages.show(refused.errors());
            valid.set(false);
            FieldError first = refused.errors().getFirst();
            problem.set("Not applied; the account is unchanged. " + first.message());
            executor.submit("Re-reading windows", () -> {
                Map<AccountId, ExecutionWindow> peers = new HashMap<>(accounts.existing().windows());
                peers.remove(id);
                return Map.copyOf(peers);
            }, fresh -> {
                others = fresh;
                form.otherWindowsProperty().set(fresh);
            }, ignored -> { });
        } else {
            problem.set("Could not apply the configuration; the account is unchanged. " + failure.getMessage());
        }
    }

    /** Closes without changing anything; refused while Apply is under way. */
    public boolean cancel() {
        if (applying.get()) {
            return false;
        }
        finished.set(true);
        return true;
    }

    public AccountId id() {
        return id;
    }

    public ConfigForm form() {
        return form;
    }

    public FieldMessages messages() {
        return messages;
    }

    public ReadOnlyObjectProperty<Account> accountProperty() {
        return account.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Whether the edited configuration differs from the account's (an overlap permission alone is no change). */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty applyingProperty() {
        return applying.getReadOnlyProperty();
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SizingComparison> sizingProperty() {
        return sizing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Account> appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }
}
