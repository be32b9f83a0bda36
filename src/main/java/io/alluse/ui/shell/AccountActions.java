package io.alluse.ui.shell;

import io.alluse.domain.Account;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.BrokerKind;
import io.alluse.ui.WorkstationServices;
import io.alluse.ui.common.UiExecutor;
import io.alluse.ui.config.ConfigureAccountView;
import io.alluse.ui.export.ExportView;
import io.alluse.ui.funds.PaperTransferView;
import io.alluse.ui.portfolio.PortfolioNode;
import io.alluse.ui.portfolio.PortfolioTreeViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * What the user can do with one account. The Account menu offers each action on the selected
 * account, the portfolio tree's context menu on the account clicked. Engine work runs in the
 * background (the status bar shows progress) and its outcome is reported in one sentence.
 */
final class AccountActions {

    /**
     * @param text        the menu text for this account (pause/resume change with its status); null: none selected
     * @param accelerator may be null
     * @param enabled     whether it applies to this account
     * @param separatorBefore a line above it in the menus
     */
    record Action(String id, Function<Account, String> text, KeyCombination accelerator, Predicate<Account> enabled, Consumer<Account> run,
                  boolean separatorBefore) {
    }

    static final KeyCombination CONFIGURE = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PAUSE_RESUME = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination RUN_NOW = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination DEPOSIT = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    /** Actions on an account's lineage: in the context menu only where they apply. */
    private static final java.util.Set<String> LINEAGE = java.util.Set.of("compare-forks", "link-brokerage", "release-reservation");

    private final WorkstationServices services;
    private final UiExecutor executor;
    private final PortfolioTreeViewModel portfolio;
    private final Supplier<Window> owner;
    private final Consumer<String> report;
    private final List<Action> actions;

    AccountActions(WorkstationServices services, UiExecutor executor, PortfolioTreeViewModel portfolio, Supplier<Window> owner,
                   Consumer<String> report) {
        this.services = services;
        this.executor = executor;
        this.portfolio = portfolio;
        this.owner = owner;
        this.report = report;
        Predicate<Account> open = a -> a.status() != AccountStatus.CLOSED;
        this.actions = List.of(
                new Action("configure", a -> "_Configure\u2026", CONFIGURE, open,
                        account -> ConfigureAccountView.open(owner.get(), services.accounts(), executor, account.id(), portfolio::refreshAndSelect),
                        false),
                new Action("pause-resume", a -> a != null && a.status() == AccountStatus.PAUSED ? "_Resume" : "_Pause", PAUSE_RESUME, open,
                        this::pauseOrResume, true),
                new Action("run-now", a -> "_Run now", RUN_NOW, a -> a.status() == AccountStatus.ACTIVE, this::runNow, false),
                new Action("deposit", a -> "_Deposit or withdraw\u2026", DEPOSIT, a -> open.test(a) && a.broker().kind() == BrokerKind.PAPER,
                        this::transfer, true),
                // closed accounts keep their ledger: their history is exactly what a tax export needs
                new Action("export", a -> "E_xport\u2026", EXPORT, a -> true,
                        account -> ExportView.open(owner.get(), services, Optional.of(account), executor, report), false),
                new Action("close", a -> "C_lose account\u2026", null, open, this::close, true),
                // lineage (docs/decisions/0020): only where it applies
                new Action("compare-forks", a -> "Compare with _forks", null, a -> !lineage().forks(a.id()).isEmpty(),
                        account -> compareWithForks(account.id()), true),
                new Action("link-brokerage", a -> "_Link brokerage\u2026", null, a -> lineage().waiting(a.id()),
                        account -> linkBrokerage(account.id()), false),
                // a linked fork the user funded from elsewhere (docs/decisions/0032)
                new Action("release-reservation", a -> "_Release reservation\u2026", null, a -> lineage().releasable(a.id()).isPresent(),
                        this::releaseReservation, false));
    }

    /** The Account menu: every action, enabled while an account (or one of its sleeves) is selected and the action applies. */
    Menu menu() {
        Menu menu = new Menu("_Account");
        menu.setId("menu-account");
        for (Action action : actions) {
            if (action.separatorBefore()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem item = new MenuItem();
            item.setId("menu-account-" + action.id());
            item.setAccelerator(action.accelerator());
            item.textProperty().bind(Bindings.createStringBinding(() -> action.text().apply(selected().orElse(null)),
                    portfolio.selectedProperty()));
            item.disableProperty().bind(Bindings.createBooleanBinding(() -> selected().map(a -> !action.enabled().test(a)).orElse(true),
                    portfolio.selectedProperty()));
            item.setOnAction(e -> selected().filter(action.enabled()).ifPresent(action.run()));
            menu.getItems().add(item);
        }
        return menu;
    }

    /**
     * The context menu entries for one account node. Without accelerators: every cell's menu would
     * register them in the scene and take the keys away from the Account menu.
     */
    List<MenuItem> contextItems(Account account) {
        List<MenuItem> items = new ArrayList<>();
        boolean lineageShown = false;
        for (Action action : actions) {
            if (LINEAGE.contains(action.id())) {
                // most accounts have no lineage: their menu stays as it was instead of showing two dead entries
                if (!action.enabled().test(account)) {
                    continue;
                }
                if (!lineageShown) {
                    items.add(new SeparatorMenuItem());
                    lineageShown = true;
                }
            } else if (action.separatorBefore()) {
                items.add(new SeparatorMenuItem());
            }
            MenuItem item = new MenuItem(action.text().apply(account));
            item.setId("context-" + action.id());
            item.setDisable(!action.enabled().test(account));
            item.setOnAction(e -> action.run().accept(account));
            items.add(item);
        }
        return items;
    }

    private io.alluse.domain.fork.LineageBook lineage() {
        return portfolio.lineageProperty().get();
    }

    /** The compare view with {@code parent} and every account it forked checked. */
    void compareWithForks(io.alluse.domain.AccountId parent) {
        io.alluse.ui.compare.CompareView.open(owner.get(), new io.alluse.ui.compare.CompareData(services), executor,
                java.util.Set.copyOf(lineage().family(parent)));
    }

    /** The brokerage step for a fork that waits for its brokerage account; the tree shows it managed once linked. */
    void linkBrokerage(io.alluse.domain.AccountId waiting) {
        io.alluse.domain.fork.LineageBook book = lineage();
        Optional<Account> account = portfolio.accountsProperty().get().stream().filter(a -> a.id().equals(waiting)).findFirst();
        if (account.isEmpty() || !book.waiting(waiting)) {
            report.accept(waiting + " does not wait for a brokerage account.");
            return;
        }
        io.alluse.domain.Money amount = book.founding(waiting).map(io.alluse.domain.fork.ForkRecord::amount).orElse(io.alluse.domain.Money.ZERO);
        io.alluse.ui.wizard.LinkBrokerageView.open(owner.get(), services, executor, account.get(), amount, book.of(waiting).instructions(), linked -> {
            report.accept(linked.name() + " is linked to " + linked.broker().kind().label() + " account " + linked.broker().externalAccountId()
                    + " and managed from now on.");
            portfolio.refreshAndSelect(linked);
        });
    }

    /**
     * Asks, then ends the reservation a linked fork holds in its parent: for a fork the user funded from
     * elsewhere, whose money will never be seen leaving the parent's brokerage account.
     */
    void releaseReservation(Account fork) {
        Optional<io.alluse.domain.fork.ForkRecord> record = lineage().releasable(fork.id());
        if (record.isEmpty()) {
            report.accept(fork.name() + " holds no reservation to release.");
            return;
        }
        io.alluse.domain.fork.ForkRecord r = record.get();
        String parent = portfolio.accountsProperty().get().stream().filter(a -> a.id().equals(r.parent())).map(Account::name).findFirst()
                .orElse(r.parent().value());
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(owner.get());
        confirm.setTitle("Release reservation");
        confirm.setHeaderText("Release the " + r.amount().formatWhole() + " reserved in " + parent + " for " + fork.name() + "?");
        confirm.setContentText("Do this if you funded " + fork.name() + " from elsewhere (a bank, another account) and will not move "
                + r.amount().formatWhole() + " out of " + parent + "'s brokerage account.\n\n"
                + "The " + r.amount().formatWhole() + " reserved in " + parent + "'s Gen-Acc becomes deployable again from its next cycle, and stays "
                + "there as Gen-Acc capital, so it is not forked again. Nothing is sent to any broker. The release is recorded in both audit logs.");
        confirm.getDialogPane().setMinWidth(520);
        confirm.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ButtonType release = new ButtonType("Release reservation", ButtonBar.ButtonData.OK_DONE);
        confirm.getButtonTypes().setAll(ButtonType.CANCEL, release);
        confirm.getDialogPane().setId("confirm-release");
        ((javafx.scene.control.Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((javafx.scene.control.Button) confirm.getDialogPane().lookupButton(release)).setDefaultButton(false);
        confirm.showAndWait().filter(release::equals).ifPresent(b -> engineTask("Releasing the reservation for " + fork.name(), () -> {
            io.alluse.domain.fork.ForkRecord done = services.engine().releaseReservation(fork.id());
            return "The " + done.amount().formatWhole() + " reserved in " + parent + " for " + fork.name()
                    + " is released: deployable again from its next cycle. Nothing was sent to any broker.";
        }));
    }

    private void pauseOrResume(Account account) {
        boolean pause = account.status() != AccountStatus.PAUSED;
        engineTask(pause ? "Pausing " + account.name() : "Resuming " + account.name(), () -> {
            Account changed = (pause ? services.engine().pause(account.id()) : services.engine().resume(account.id())).get(60, TimeUnit.SECONDS);
            return changed.name() + (pause ? " is paused: it syncs but opens no new trades until resumed." : " is running again.");
        });
    }

    private void runNow(Account account) {
        engineTask("Running " + account.name() + " now", () -> services.engine().runNow(account.id()).get(120, TimeUnit.SECONDS));
    }

    private void transfer(Account account) {
        PaperTransferView.open(owner.get(), account, services.paperDesk(), services.engine(), executor, message -> {
            report.accept(message);
            portfolio.refresh();
        });
    }

    private void close(Account account) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(owner.get());
        confirm.setTitle("Close " + account.name());
        confirm.setHeaderText("Close " + account.name() + " for good?");
        confirm.setContentText("Its open orders are cancelled and it never trades again. Its ledger, history and audit log are kept; "
                + "positions and cash stay at the broker. This cannot be undone.");
        ButtonType closeIt = new ButtonType("Close account", ButtonBar.ButtonData.OK_DONE);
        confirm.getButtonTypes().setAll(ButtonType.CANCEL, closeIt);
        confirm.getDialogPane().setId("confirm-close");
        // the safe choice is the default: Enter alone must not close an account
        ((javafx.scene.control.Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((javafx.scene.control.Button) confirm.getDialogPane().lookupButton(closeIt)).setDefaultButton(false);
        confirm.showAndWait().filter(closeIt::equals).ifPresent(b -> engineTask("Closing " + account.name(), () -> {
            services.engine().close(account.id()).get(60, TimeUnit.SECONDS);
            return account.name() + " is closed; its history is kept.";
        }));
    }

    private void engineTask(String what, Callable<String> work) {
        report.accept(what + "\u2026");
        executor.submit(what, work, done -> {
            report.accept(done);
            portfolio.refresh();
        }, failure -> report.accept(what + " failed: " + message(failure)));
    }

    private static String message(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private Optional<Account> selected() {
        return switch (portfolio.selectedProperty().get()) {
            case PortfolioNode.AccountNode a -> Optional.of(a.account());
            case PortfolioNode.SleeveNode s -> Optional.of(s.account());
            case null, default -> Optional.empty();
        };
    }
}
