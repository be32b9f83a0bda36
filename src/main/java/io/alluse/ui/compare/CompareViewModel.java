package io.alluse.ui.compare;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.ui.common.UiExecutor;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The accounts to pick from (checked or not) and the comparison of the checked ones, recomputed in
 * the background whenever two or more are checked. A result that arrives after the choice changed
 * again is dropped.
 */
public final class CompareViewModel {

    /** One account in the pick list. */
    public static final class Choice {
        private final Account account;
        private final BooleanProperty checked = new SimpleBooleanProperty();

        Choice(Account account) {
            this.account = account;
        }

        public Account account() {
            return account;
        }

        public BooleanProperty checkedProperty() {
            return checked;
        }

        @Override
        public String toString() {
            return account.name();
        }
    }

    public static final String PICK_TWO = "Check two or more accounts to compare them.";

    private final CompareData data;
    private final UiExecutor executor;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CompareData.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(PICK_TWO);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private long generation;

    public CompareViewModel(CompareData data, UiExecutor executor) {
        this.data = data;
        this.executor = executor;
    }

    /** Loads the accounts and checks those in {@code preselected} (all of them when there are at most four). */
    public void load(Set<AccountId> preselected) {
        loading.set(true);
        executor.submit("Loading accounts", data::accounts, accounts -> {
            choices.setAll(accounts.stream().map(Choice::new).toList());
            boolean all = preselected.isEmpty() && accounts.size() <= 4;
            for (Choice c : choices) {
                c.checkedProperty().set(all || preselected.contains(c.account().id()));
                c.checkedProperty().addListener((obs, old, now) -> compare());
            }
            compare();
        }, failure -> {
            loading.set(false);
            message.set("Could not load the accounts: " + failure.getMessage());
        });
    }

    /** Compares the checked accounts (nothing but a hint when fewer than two are checked). */
    public void compare() {
        List<Account> picked = choices.stream().filter(c -> c.checkedProperty().get()).map(Choice::account).toList();
        long mine = ++generation;
        if (picked.size() < 2) {
            result.set(null);
            message.set(PICK_TWO);
            loading.set(false);
            return;
        }
        loading.set(true);
        message.set("");
        executor.submit("Comparing " + picked.size() + " accounts", () -> data.compare(picked), r -> {
            if (mine == generation) {
                result.set(r);
                message.set(r.noHistory().isEmpty() ? "" : "No closes yet, so not compared: " + String.join(", ", r.noHistory()) + ".");
                loading.set(false);
            }
        }, failure -> {
            if (mine == generation) {
                message.set("Could not compare: " + failure.getMessage());
                loading.set(false);
            }
        });
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ReadOnlyObjectProperty<CompareData.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
