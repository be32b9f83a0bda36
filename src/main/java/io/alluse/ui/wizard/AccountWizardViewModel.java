package io.alluse.ui.wizard;

import io.alluse.domain.Account;
import io.alluse.domain.AccountDraft;
import io.alluse.domain.AccountValidator;
import io.alluse.domain.InputParsers;
import io.alluse.domain.Money;
import io.alluse.domain.NewAccount;
import io.alluse.domain.Validated;
import io.alluse.domain.ValidationException;
import io.alluse.engine.AccountService;
import io.alluse.ui.common.FieldMessages;
import io.alluse.ui.common.UiExecutor;
import io.alluse.ui.config.ConfigForm;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The account creation wizard (SPEC workflow 1) without controls: the entries of every page, the
 * validator's messages for them as the user types, which page is showing, and Next, Back,
 * Create and Cancel. Nothing is written anywhere before Create, so Cancel has nothing to undo.
 */
public final class AccountWizardViewModel {

    private final AccountService accounts;
    private final UiExecutor executor;

    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty capital = new SimpleStringProperty("");
    private final BrokerStepViewModel broker;
    private final ConfigForm config = new ConfigForm();
    private final FieldMessages messages = new FieldMessages();

    private final ReadOnlyObjectWrapper<WizardStep> step = new ReadOnlyObjectWrapper<>(WizardStep.BASICS);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper stepValid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper allValid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AccountReview> review = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Account> created = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;
    private final BooleanBinding canCreate;

    /** The accounts there were when the wizard opened (or after a refused Create): checked against on every keystroke. */
    private AccountValidator.Existing existing = AccountValidator.Existing.NONE;

    public AccountWizardViewModel(AccountService accounts, UiExecutor executor) {
        this.accounts = accounts;
        this.executor = executor;
        this.broker = new BrokerStepViewModel(accounts, executor);
        canNext = loaded.and(stepValid).and(creating.not()).and(Bindings.createBooleanBinding(() -> !step.get().isLast(), step));
        canBack = creating.not().and(Bindings.createBooleanBinding(() -> !step.get().isFirst(), step));
        canCreate = loaded.and(allValid).and(creating.not()).and(Bindings.createBooleanBinding(() -> step.get().isLast(), step));
        for (StringProperty p : List.of(id, name)) {
            p.addListener(o -> validate());
        }
        // the brokerage account is named after the id: a test of the old id no longer applies
        id.addListener(o -> broker.forget());
        // the allocation preview needs the capital in dollars; the config form's change then revalidates
        capital.addListener(o -> {
            Optional<Money> dollars = new InputParsers().capital("capital", "Initial capital", capital.get());
            if (!dollars.equals(config.capitalProperty().get())) {
                config.capitalProperty().set(dollars);
            } else {
                validate();
            }
        });
        config.onChange(this::validate);
        broker.resultProperty().addListener(o -> validate());
        broker.kindProperty().addListener(o -> validate());
        step.addListener(o -> updateStepValid());
    }

    /** Reads the suggested draft (next free id and name, staggered window) and the existing accounts, in the background. */
    public void load() {
        record Start(AccountDraft draft, AccountValidator.Existing existing) {
        }
        executor.submit("Preparing a new account", () -> new Start(accounts.newAccountDraft(), accounts.existing()), start -> {
            existing = start.existing();
            config.otherWindowsProperty().set(start.existing().windows());
            id.set(start.draft().id());
            name.set(start.draft().name());
            capital.set(start.draft().capital());
            config.load(start.draft().config());
            loaded.set(true);
            validate();
        }, failure -> problem.set("Could not prepare a new account: " + failure.getMessage()));
    }

    /** The draft as typed, exactly what Create will send. */
    public AccountDraft draft() {
        return new AccountDraft(id.get(), name.get(), capital.get(), config.toDraft());
    }

    private void validate() {
        if (!loaded.get()) {
            return;
        }
        Validated<NewAccount> result = accounts.validate(draft(), existing);
        messages.show(result.errors());
        allValid.set(result.isValid() && broker.ready());
        review.set(result instanceof Validated.Valid<NewAccount>(NewAccount spec)
                ? AccountReview.of(spec, broker.kindProperty().get(), broker.resultProperty().get(), config.allowOverlapProperty().get())
                : null);
        updateStepValid();
    }

    private void updateStepValid() {
        WizardStep current = step.get();
        boolean brokerReady = broker.ready();
        stepValid.set(current.isLast() ? allValid.get() && brokerReady
                : !messages.any(current.fields()) && (current != WizardStep.BROKERAGE || brokerReady));
    }

    public void next() {
        if (canNext.get()) {
            problem.set("");
            step.set(step.get().next());
        }
    }

    public void back() {
        if (canBack.get()) {
            step.set(step.get().previous());
        }
    }

    /** Founds the account in the background; on success the wizard is finished and {@link #createdProperty()} holds it. */
    public void create() {
        if (!canCreate.get()) {
            return;
        }
        AccountDraft draft = draft();
        creating.set(true);
        problem.set("");
        java.util.Optional<io.alluse.engine.BrokerSetup> setup = broker.setup();
        if (setup.isEmpty()) {
            creating.set(false);
            problem.set("The account was not created: " + broker.missing());
            return;
        }
        Runnable unlock = broker.vaultUnlocker();
        executor.submit("Creating account " + draft.id(), () -> {
            unlock.run();
            return accounts.create(draft, setup.get());
        }, account -> {
            broker.vaultChanged();
            creating.set(false);
            created.set(account);
            finished.set(true);
        }, this::createFailed);
    }

    private void createFailed(Throwable failure) {
        creating.set(false);
        if (failure instanceof ValidationException refused) {
            // Something changed since the wizard opened (e.g. another window took the id): show it where it belongs.
            messages.show(refused.errors());
            allValid.set(false);
            review.set(null);
            step.set(WizardStep.owner(refused.errors().getFirst().field()));
            problem.set("The account was not created; nothing was saved. The other accounts changed while the wizard was open: "
                    + "fix what is marked and create again.");
            executor.submit("Re-reading accounts", accounts::existing, fresh -> {
                existing = fresh;
                config.otherWindowsProperty().set(fresh.windows());
                validate();
            }, ignored -> { });
        } else {
            problem.set("The account could not be created; nothing was saved. " + failure.getMessage());
        }
    }

    /** Closes the wizard without creating anything; refused while Create is under way (it cannot be taken back). */
    public boolean cancel() {
        if (creating.get()) {
            return false;
        }
        finished.set(true);
        return true;
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty capitalProperty() {
        return capital;
    }

    public BrokerStepViewModel broker() {
        return broker;
    }

    public ConfigForm config() {
        return config;
    }

    public FieldMessages messages() {
        return messages;
    }

    public ReadOnlyObjectProperty<WizardStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    /** Whether the page showing has no messages (the review page: whether the whole account is valid). */
    public ReadOnlyBooleanProperty stepValidProperty() {
        return stepValid.getReadOnlyProperty();
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canBackProperty() {
        return canBack;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    /** A problem not tied to one field (a refused or failed Create), empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The summary of a valid account, null while anything is invalid. */
    public ReadOnlyObjectProperty<AccountReview> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Account> createdProperty() {
        return created.getReadOnlyProperty();
    }

    /** True once the wizard should close: created, or cancelled. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }
}
