package io.alluse.ui.wizard;

import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerKind;
import io.alluse.engine.AccountService;
import io.alluse.engine.ConnectionCheck;
import io.alluse.ui.common.UiExecutor;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The brokerage page: which kind of broker, and the result of testing the connection. A real
 * broker adds its settings (keys, paper or live) as properties here and their fields in
 * {@link BrokerStepView#settingsFor}; field keys starting with {@code broker} show on this page.
 */
public final class BrokerStepViewModel {

    private final AccountService accounts;
    private final UiExecutor executor;
    private final ObjectProperty<BrokerKind> kind = new SimpleObjectProperty<>(BrokerKind.PAPER);
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ConnectionCheck> result = new ReadOnlyObjectWrapper<>();
    private int generation;

    BrokerStepViewModel(AccountService accounts, UiExecutor executor) {
        this.accounts = accounts;
        this.executor = executor;
        // a result belongs to the broker it was tested against
        kind.addListener((obs, old, now) -> forget());
    }

    /** Drops a result (or a test under way) that no longer describes the account: broker or id changed. */
    void forget() {
        generation++;
        testing.set(false);
        result.set(null);
    }

    public List<BrokerKind> kinds() {
        return List.of(BrokerKind.values());
    }

    /** Tests the chosen broker for the account about to be created, in the background. */
    public void testConnection(String accountId) {
        if (testing.get()) {
            return;
        }
        if (!AccountId.isValid(accountId == null ? null : accountId.trim())) {
            result.set(ConnectionCheck.failed("Enter a valid account id on the Basics page first",
                    "The brokerage account is named after the account id."));
            return;
        }
        AccountId id = new AccountId(accountId.trim());
        BrokerKind tested = kind.get();
        int mine = ++generation;
        testing.set(true);
        result.set(null);
        executor.submit("Testing " + tested.label(), () -> accounts.checkBroker(tested, id), check -> {
            if (mine == generation) {
                testing.set(false);
                result.set(check);
            }
        }, failure -> {
            if (mine == generation) {
                testing.set(false);
                result.set(ConnectionCheck.failed("Connection test failed", String.valueOf(failure.getMessage())));
            }
        });
    }

    public ObjectProperty<BrokerKind> kindProperty() {
        return kind;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** The last test's outcome, or null if not tested (since the broker was last changed). */
    public ReadOnlyObjectProperty<ConnectionCheck> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
