package io.alluse.ui.wizard;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.Money;
import io.alluse.engine.AccountService;
import io.alluse.engine.BrokerSetup;
import io.alluse.engine.ConnectionCheck;
import io.alluse.engine.Engine;
import io.alluse.ui.common.UiExecutor;
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

/**
 * Linking a fork that waits for its brokerage account (docs/decisions/0020): the wizard's
 * brokerage step (keys masked, paper or live, connection test) for the waiting account, whose test
 * also weighs the new account's cash against the amount to transfer, and a Link command that hands
 * the keys to the engine. Link is possible only after a successful test.
 */
public final class LinkBrokerageViewModel {

    private final Engine engine;
    private final UiExecutor executor;
    private final Account account;
    private final Money amount;
    private final String instructions;
    private final AccountWizardViewModel wizard;
    private final ReadOnlyBooleanWrapper linking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Account> linked = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canLink;

    public LinkBrokerageViewModel(AccountService accounts, Engine engine, UiExecutor executor, Account account, Money amount, String instructions) {
        this.engine = engine;
        this.executor = executor;
        this.account = account;
        this.amount = amount;
        this.instructions = instructions;
        this.wizard = new AccountWizardViewModel(accounts, executor);
        wizard.idProperty().set(account.id().value());
        BrokerKind start = account.broker().kind().needsCredentials() ? account.broker().kind() : BrokerKind.ALPACA_PAPER;
        List<BrokerKind> offered = List.of(BrokerKind.values()).stream().filter(BrokerKind::needsCredentials)
                .sorted((a, b) -> a == start ? -1 : b == start ? 1 : 0).toList();
        wizard.broker().forLinking(offered, this::check);
        canLink = Bindings.createBooleanBinding(() -> !linking.get() && wizard.broker().ready(), linking, wizard.broker().resultProperty(),
                wizard.broker().kindProperty());
    }

    private ConnectionCheck check(BrokerSetup setup, AccountId id) {
        return engine.forking().map(f -> f.checkLink(id, setup))
                .orElse(ConnectionCheck.failed("Forking is off", "No account waits for a brokerage account."));
    }

    /** Links the account in the background; on success {@link #linkedProperty()} holds it, now managed by the engine. */
    public void link() {
        if (!canLink.get()) {
            return;
        }
        Optional<BrokerSetup> setup = wizard.broker().setup();
        if (setup.isEmpty()) {
            problem.set("Not linked: " + wizard.broker().missing());
            return;
        }
        linking.set(true);
        problem.set("");
        Runnable unlock = wizard.broker().vaultUnlocker();
        AccountId id = account.id();
        executor.submit("Linking " + account.name(), () -> {
            unlock.run();
            return engine.linkBrokerage(id, setup.get());
        }, done -> {
            wizard.broker().vaultChanged();
            linking.set(false);
            linked.set(done);
        }, failure -> {
            linking.set(false);
            Throwable cause = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            problem.set("Not linked; nothing was changed. " + cause.getMessage());
        });
    }

    public Account account() {
        return account;
    }

    /** The fork's amount: what the user transfers from the parent's brokerage account into the new one. */
    public Money amount() {
        return amount;
    }

    public String instructions() {
        return instructions;
    }

    /** The wizard whose brokerage step this reuses (its id is the waiting account's). */
    AccountWizardViewModel wizard() {
        return wizard;
    }

    public BrokerStepViewModel broker() {
        return wizard.broker();
    }

    public BooleanBinding canLinkProperty() {
        return canLink;
    }

    public ReadOnlyBooleanProperty linkingProperty() {
        return linking.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Account> linkedProperty() {
        return linked.getReadOnlyProperty();
    }
}
