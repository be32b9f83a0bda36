package io.alluse.ui.shell;

import io.alluse.domain.AccountId;
import io.alluse.ui.WorkstationServices;
import io.alluse.ui.notify.NotificationCenter;
import io.alluse.ui.notify.NotificationLogView;
import io.alluse.ui.notify.ToastLayer;
import io.alluse.ui.status.StatusBarView;
import io.alluse.ui.status.StatusBarViewModel;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.portfolio.PortfolioTreeView;
import io.alluse.ui.portfolio.PortfolioTreeViewModel;
import io.alluse.ui.compare.CompareData;
import io.alluse.ui.compare.CompareView;
import io.alluse.ui.drilldown.DrillDownData;
import io.alluse.ui.drilldown.DrillDownView;
import io.alluse.ui.drilldown.DrillDownViewModel;
import io.alluse.ui.wizard.AccountWizardView;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import io.alluse.ui.export.ExportView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

/** The main window's content: menus, the portfolio tree, the detail of the selection, the status bar. */
public final class MainWindow extends BorderPane {

    private final PortfolioTreeViewModel portfolio;
    private final PortfolioTreeView tree;
    private final Label status = new Label("Ready");
    private final NotificationCenter notifications;
    private final ToastLayer toasts;
    private final Map<AccountId, String> names = new HashMap<>();
    private final SplitPane split;

    public MainWindow(WorkstationServices services, FxUiExecutor executor, Runnable toggleTheme, Runnable quit) {
        setId("main-window");
        notifications = new NotificationCenter(io.alluse.ui.notify.NotificationArchive.of(services.notificationLog()));
        notifications.restore(executor);
        toasts = new ToastLayer(notifications);
        portfolio = new PortfolioTreeViewModel(services.accounts(), executor);
        tree = new PortfolioTreeView(portfolio);
        tree.setPadding(new Insets(8));
        tree.setMinWidth(280);

        DrillDownViewModel drillDown = new DrillDownViewModel(new DrillDownData(services), executor);
        portfolio.selectedProperty().addListener((obs, old, now) -> drillDown.show(now));
        portfolio.accountsProperty().addListener((obs, old, now) -> drillDown.reload());
        drillDown.show(portfolio.selectedProperty().get());
        // Engine events (fills, deposits, snapshots) refresh the tree's figures; the detail follows
        // at most every two seconds so a fast paper clock does not keep it reloading.
        javafx.animation.PauseTransition detailRefresh = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
        detailRefresh.setOnFinished(e -> drillDown.reload());
        portfolio.figuresProperty().addListener((obs, old, now) -> {
            if (detailRefresh.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                detailRefresh.playFromStart();
            }
        });
        DrillDownView detail = new DrillDownView(drillDown);
        split = new SplitPane(tree, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(tree, false);

        AccountActions accountActions = new AccountActions(services, executor, portfolio, () -> getScene().getWindow(), status::setText);
        tree.setAccountMenu(accountActions::contextItems);
        detail.setLineageActions(new io.alluse.ui.drilldown.LineageActions() {
            @Override
            public void show(AccountId id) {
                if (!tree.select(id)) {
                    // filtered out: clear the filter so the account can be shown
                    portfolio.filterProperty().set("");
                    tree.select(id);
                }
            }

            @Override
            public void compareWithForks(AccountId parent) {
                accountActions.compareWithForks(parent);
            }

            @Override
            public void linkBrokerage(AccountId waiting) {
                accountActions.linkBrokerage(waiting);
            }
        });
        setTop(menus(services, executor, accountActions, toggleTheme, quit));
        setCenter(split);
        portfolio.accountsProperty().addListener((obs, old, now) -> {
            names.clear();
            now.forEach(a -> names.put(a.id(), a.name()));
        });
        Function<AccountId, String> name = id -> names.getOrDefault(id, id.value());
        StatusBarViewModel statusModel = new StatusBarViewModel(services.engine(), services.paperClock(), executor, name);
        setBottom(new StatusBarView(statusModel, status, executor.busyProperty(), notifications.unreadProperty(), this::openNotifications));
        // names arrive with the accounts: read the engine again so the bar shows them at once
        portfolio.accountsProperty().addListener((obs, old, now) -> statusModel.poll());
        // toasts float over the window's content: not laid out by the BorderPane, placed in layoutChildren
        toasts.setManaged(false);
        getChildren().add(toasts);
        notifications.follow(services.engine().events(), executor, name);
        portfolio.errorProperty().addListener((obs, old, now) -> {
            if (!now.isBlank()) {
                status.setText(now);
            }
        });
        portfolio.attach(services.engine(), services.snapshots());
        io.alluse.ui.secrets.UnlockVaultDialog.offerAtStartup(this, services, executor, status::setText);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double top = getTop() == null ? 0 : getTop().getLayoutBounds().getHeight();
        double bottom = getBottom() == null ? 0 : getBottom().getLayoutBounds().getHeight();
        double width = toasts.prefWidth(-1);
        toasts.resizeRelocate(Math.max(0, getWidth() - width - 16), top + 12, width,
                Math.min(toasts.prefHeight(width), Math.max(0, getHeight() - top - bottom - 24)));
    }

    /** The session's notifications (toasts and the log). */
    public NotificationCenter notifications() {
        return notifications;
    }

    /** The tree | detail split: the shell remembers its divider between runs. */
    public SplitPane split() {
        return split;
    }

    public void openNotifications() {
        NotificationLogView.open(getScene().getWindow(), notifications);
    }

    /** Stops following the engine: call when the window closes. */
    public void dispose() {
        notifications.close();
        portfolio.close();
    }

    public PortfolioTreeView tree() {
        return tree;
    }

    public PortfolioTreeViewModel portfolio() {
        return portfolio;
    }

    private MenuBar menus(WorkstationServices services, FxUiExecutor executor, AccountActions accountActions, Runnable toggleTheme, Runnable quit) {
        MenuItem newAccount = new MenuItem("_New account\u2026");
        newAccount.setId("menu-new-account");
        newAccount.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        newAccount.setOnAction(e -> AccountWizardView.open(getScene().getWindow(), services.accounts(), executor, portfolio::refreshAndSelect));
        MenuItem backup = new MenuItem("Back up now");
        backup.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        backup.setOnAction(e -> {
            status.setText("Backing up...");
            executor.submit("Backup", () -> services.backups().takeNow("manual"),
                    b -> status.setText("Backup written: " + b.file().getFileName()),
                    f -> status.setText("Backup failed: " + f.getMessage()));
        });
        MenuItem export = new MenuItem("E_xport all accounts\u2026");
        export.setId("menu-export-all");
        // no accelerator: Ctrl+Alt+E is AltGr+E, the euro sign, on many European keyboards; Ctrl+Shift+E exports the selection
        export.setOnAction(e -> ExportView.open(getScene().getWindow(), services, java.util.Optional.empty(), executor, status::setText));
        MenuItem exit = new MenuItem("Quit");
        exit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        exit.setOnAction(e -> quit.run());
        MenuItem unlockVault = io.alluse.ui.secrets.UnlockVaultDialog.menuItem(() -> getScene().getWindow(), services, executor, status::setText);
        Menu file = new Menu("_File", null, newAccount, unlockVault, new SeparatorMenuItem(), export, backup, new SeparatorMenuItem(), exit);

        MenuItem refresh = new MenuItem("Refresh");
        refresh.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        refresh.setOnAction(e -> portfolio.refresh());
        MenuItem find = new MenuItem("Filter accounts");
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(e -> tree.filterField().requestFocus());
        MenuItem theme = new MenuItem("Toggle light/dark theme");
        theme.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        theme.setOnAction(e -> toggleTheme.run());
        MenuItem log = new MenuItem("_Notifications…");
        log.setId("menu-notifications");
        log.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        log.setOnAction(e -> openNotifications());
        MenuItem compare = new MenuItem("_Compare accounts\u2026");
        compare.setId("menu-compare");
        compare.setAccelerator(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN));
        compare.setOnAction(e -> CompareView.open(getScene().getWindow(), new CompareData(services), executor, java.util.Set.of()));
        Menu view = new Menu("_View", null, refresh, find, new SeparatorMenuItem(), compare, log, new SeparatorMenuItem(), theme);

        MenuItem about = new MenuItem("About " + services.appName());
        about.setOnAction(e -> AboutDialog.show(getScene().getWindow(), services));
        Menu help = new Menu("_Help", null, about);
        MenuBar bar = new MenuBar(file, accountActions.menu(), view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

}
