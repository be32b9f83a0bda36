package io.alluse.ui.shell;

import io.alluse.domain.Account;
import io.alluse.ui.WorkstationServices;
import io.alluse.ui.common.UiExecutor;
import io.alluse.ui.config.ConfigureAccountView;
import io.alluse.ui.portfolio.PortfolioNode;
import io.alluse.ui.portfolio.PortfolioTreeViewModel;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * What the user can do with one account. The Account menu offers each action on the selected
 * account, the portfolio tree's context menu on the account clicked. A new action (pause, resume,
 * run now, deposit, export, close) is one more entry in {@link #actions}.
 */
final class AccountActions {

    /** {@code accelerator} may be null. */
    record Action(String id, String text, KeyCombination accelerator, Consumer<Account> run) {
    }

    private final PortfolioTreeViewModel portfolio;
    private final List<Action> actions;

    AccountActions(WorkstationServices services, UiExecutor executor, PortfolioTreeViewModel portfolio, Supplier<Window> owner) {
        this.portfolio = portfolio;
        this.actions = List.of(
                new Action("configure", "_Configure\u2026", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                        account -> ConfigureAccountView.open(owner.get(), services.accounts(), executor, account.id(), portfolio::refreshAndSelect)));
    }

    /** The Account menu: every action, enabled while an account (or one of its sleeves) is selected. */
    Menu menu() {
        BooleanBinding none = Bindings.createBooleanBinding(() -> selected().isEmpty(), portfolio.selectedProperty());
        Menu menu = new Menu("_Account");
        menu.setId("menu-account");
        for (Action action : actions) {
            MenuItem item = new MenuItem(action.text());
            item.setId("menu-account-" + action.id());
            item.setAccelerator(action.accelerator());
            item.disableProperty().bind(none);
            item.setOnAction(e -> selected().ifPresent(action.run()));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** The context menu entries for one account node. */
    List<MenuItem> contextItems(Account account) {
        return actions.stream().map(action -> {
            MenuItem item = new MenuItem(action.text());
            item.setId("context-" + action.id());
            item.setOnAction(e -> action.run().accept(account));
            return item;
        }).toList();
    }

    private Optional<Account> selected() {
        return switch (portfolio.selectedProperty().get()) {
            case PortfolioNode.AccountNode a -> Optional.of(a.account());
            case PortfolioNode.SleeveNode s -> Optional.of(s.account());
            case null, default -> Optional.empty();
        };
    }
}
