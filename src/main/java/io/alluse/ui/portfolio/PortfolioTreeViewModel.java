package io.alluse.ui.portfolio;

import io.alluse.domain.Account;
import io.alluse.domain.Money;
import io.alluse.engine.AccountService;
import io.alluse.ui.common.UiExecutor;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the portfolio tree: the accounts (loaded off the FX thread), the filter text, and
 * the selected node. Holds no controls.
 */
public final class PortfolioTreeViewModel {

    private final AccountService accounts;
    private final UiExecutor executor;

    private final ReadOnlyObjectWrapper<List<Account>> all = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<Account>> visible = new ReadOnlyObjectWrapper<>(List.of());
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<PortfolioNode> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public PortfolioTreeViewModel(AccountService accounts, UiExecutor executor) {
        this.accounts = accounts;
        this.executor = executor;
        filter.addListener((obs, old, now) -> applyFilter());
        all.addListener((obs, old, now) -> applyFilter());
    }

    /** Reloads the accounts in the background; the tree follows when they arrive. */
    public void refresh() {
        executor.submit("Loading accounts", accounts::accounts, loaded -> {
            error.set("");
            all.set(List.copyOf(loaded));
        }, failure -> error.set("Could not load the accounts: " + failure.getMessage()));
    }

    /** Reloads and then selects {@code account}: after the wizard created it or a dialog changed it. */
    public void refreshAndSelect(Account account) {
        selected.set(new PortfolioNode.AccountNode(account));
        refresh();
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        if (f.isEmpty()) {
            visible.set(all.get());
            return;
        }
        visible.set(all.get().stream()
                .filter(a -> a.name().toLowerCase(Locale.ROOT).contains(f) || a.id().value().contains(f)
                        || a.config().sleevesInOrder().stream().anyMatch(s -> s.parameters().symbols().stream()
                        .anyMatch(sym -> sym.value().toLowerCase(Locale.ROOT).equals(f))))
                .toList());
    }

    public PortfolioNode.Portfolio portfolio() {
        List<Account> list = all.get();
        return new PortfolioNode.Portfolio(list.size(), list.stream().map(Account::totalCapital).reduce(Money.ZERO, Money::plus));
    }

    public ReadOnlyObjectProperty<List<Account>> accountsProperty() {
        return all.getReadOnlyProperty();
    }

    /** Accounts that match the filter (by name, id, or a symbol one of its sleeves trades). */
    public ReadOnlyObjectProperty<List<Account>> visibleAccountsProperty() {
        return visible.getReadOnlyProperty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<PortfolioNode> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
