package io.alluse.ui.shell;

import io.alluse.ui.WorkstationServices;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.portfolio.PortfolioTreeView;
import io.alluse.ui.portfolio.PortfolioTreeViewModel;
import io.alluse.ui.portfolio.SelectionSummaryView;
import io.alluse.ui.wizard.AccountWizardView;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The main window's content: menus, the portfolio tree, the detail of the selection, the status bar. */
public final class MainWindow extends BorderPane {

    private final PortfolioTreeViewModel portfolio;
    private final PortfolioTreeView tree;
    private final Label status = new Label("Ready");

    public MainWindow(WorkstationServices services, FxUiExecutor executor, Runnable toggleTheme, Runnable quit) {
        setId("main-window");
        portfolio = new PortfolioTreeViewModel(services.accounts(), executor);
        tree = new PortfolioTreeView(portfolio);
        tree.setPadding(new Insets(8));
        tree.setMinWidth(280);

        ScrollPane detail = new ScrollPane(new SelectionSummaryView(portfolio));
        detail.setFitToWidth(true);
        SplitPane split = new SplitPane(tree, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(tree, false);

        AccountActions accountActions = new AccountActions(services, executor, portfolio, () -> getScene().getWindow());
        tree.setAccountMenu(accountActions::contextItems);
        setTop(menus(services, executor, accountActions, toggleTheme, quit));
        setCenter(split);
        setBottom(statusBar(services, executor));
        portfolio.errorProperty().addListener((obs, old, now) -> {
            if (!now.isBlank()) {
                status.setText(now);
            }
        });
        portfolio.refresh();
        io.alluse.ui.secrets.UnlockVaultDialog.offerAtStartup(this, services, executor, status::setText);
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
        MenuItem exit = new MenuItem("Quit");
        exit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        exit.setOnAction(e -> quit.run());
        MenuItem unlockVault = io.alluse.ui.secrets.UnlockVaultDialog.menuItem(() -> getScene().getWindow(), services, executor, status::setText);
        Menu file = new Menu("_File", null, newAccount, unlockVault, new SeparatorMenuItem(), backup, new SeparatorMenuItem(), exit);

        MenuItem refresh = new MenuItem("Refresh");
        refresh.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        refresh.setOnAction(e -> portfolio.refresh());
        MenuItem find = new MenuItem("Filter accounts");
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(e -> tree.filterField().requestFocus());
        MenuItem theme = new MenuItem("Toggle light/dark theme");
        theme.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        theme.setOnAction(e -> toggleTheme.run());
        Menu view = new Menu("_View", null, refresh, find, theme);

        MenuItem about = new MenuItem("About " + services.appName());
        about.setOnAction(e -> AboutDialog.show(getScene().getWindow(), services));
        Menu help = new Menu("_Help", null, about);
        MenuBar bar = new MenuBar(file, accountActions.menu(), view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private HBox statusBar(WorkstationServices services, FxUiExecutor executor) {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(executor.busyProperty().greaterThan(0));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label data = new Label("Data: " + services.dataDir());
        data.getStyleClass().add("status-muted");
        status.setId("status-text");
        HBox bar = new HBox(10, busy, status, spacer, new Separator(Orientation.VERTICAL), data);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }
}
