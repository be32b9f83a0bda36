package io.alluse.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.AccountId;
import io.alluse.domain.SleeveKind;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.common.Screenshots;
import io.alluse.ui.portfolio.PortfolioNode;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path dir;
    UiTestServices fixture;
    FxUiExecutor executor;
    MainWindow window;

    @Start
    void start(Stage stage) {
        fixture = new UiTestServices(dir.resolve("data-" + System.nanoTime()));
        fixture.services.accounts().ensureFirstAccount();
        fixture.services.accounts().create(fixture.services.accounts().newAccountDraft().withCapital("750000"));
        Themes.apply(false);
        executor = new FxUiExecutor();
        window = new MainWindow(fixture.services, executor, () -> { }, () -> { });
        Scene scene = new Scene(window, 1200, 720);
        scene.getStylesheets().add(Themes.APP_CSS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        fixture.close();
    }

    @Test
    void showsPortfolioAccountsAndTheirSleevesWithCapitalAndTarget(FxRobot robot) throws Exception {
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 2);

        TreeItem<PortfolioNode> root = tree.getRoot();
        assertThat(root.getValue()).isInstanceOf(PortfolioNode.Portfolio.class);
        assertThat(root.getValue().capital().formatWhole()).isEqualTo("$1,250,000");
        TreeItem<PortfolioNode> first = root.getChildren().getFirst();
        assertThat(first.getValue().label()).isEqualTo("Account-1");
        assertThat(first.getChildren()).extracting(i -> i.getValue().label()).containsExactly("Gen-Acc", "Rev-Acc", "Com-Acc");
        PortfolioNode.SleeveNode gen = (PortfolioNode.SleeveNode) first.getChildren().getFirst().getValue();
        assertThat(gen.kind()).isEqualTo(SleeveKind.GEN);
        assertThat(gen.capital().formatWhole()).isEqualTo("$200,000");
        assertThat(gen.target().toString()).isEqualTo("40%");
        PortfolioNode.SleeveNode com2 = (PortfolioNode.SleeveNode) root.getChildren().get(1).getChildren().get(2).getValue();
        assertThat(com2.capital().formatWhole()).isEqualTo("$225,000");

        // what the user reads in the cells, not just the model
        assertThat(robot.lookup(".tree-cell").queryAll()).anySatisfy(cell ->
                assertThat(((javafx.scene.control.TreeCell<?>) cell).getGraphic()).isNotNull());
        assertThat(robot.lookup(".tree-capital").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).contains("$500,000", "$200,000", "$150,000", "$750,000");

        robot.interact(() -> tree.getSelectionModel().select(first));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".title-3").queryLabeled().getText()).contains("Account-1");

        Path png = UiTestServices.screenshot("main-window");
        robot.interact(() -> {
            try {
                Screenshots.write(window.getScene(), png);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void aWindowNarrowerThanTheDefaultStillShowsTheWholeStatusBarAndDrillDown(FxRobot robot) throws Exception {
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 2);
        robot.interact(() -> {
            tree.getSelectionModel().select(tree.getRoot().getChildren().getFirst());
            window.getScene().getWindow().setWidth(1000);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double width = window.getScene().getWidth();
        // a root wider than the scene is laid out wider and cut off on the right: menus, tabs and the bell disappear
        assertThat(window.minWidth(-1)).as("the main window's minimum width").isLessThanOrEqualTo(width);
        javafx.scene.Node bell = robot.lookup("#status-notifications").query();
        javafx.scene.Node drill = robot.lookup("#drill-down").query();
        assertThat(bell.localToScene(bell.getLayoutBounds()).getMaxX()).as("right edge of the notifications button").isLessThanOrEqualTo(width);
        assertThat(drill.localToScene(drill.getLayoutBounds()).getMaxX()).as("right edge of the drill-down").isLessThanOrEqualTo(width);
        Path png = UiTestServices.screenshot("main-window-narrow");
        robot.interact(() -> {
            try {
                Screenshots.write(window.getScene(), png);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void ctrlNOpensTheWizardAndTheNewAccountAppearsSelectedInTheTree(FxRobot robot) throws Exception {
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 2);
        robot.clickOn(tree);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        FxSteps ui = new FxSteps(robot);
        ui.until("the wizard shows its draft", () -> robot.lookup("#field-name").tryQuery()
                .map(n -> "Account-3".equals(((TextField) n).getText())).orElse(false));
        Stage wizard = (Stage) robot.lookup("#account-wizard").query().getScene().getWindow();
        assertThat(wizard.getOwner()).isSameAs(window.getScene().getWindow());
        ui.type("name", "Weekly");
        ui.type("capital", "300000");
        for (int page = 1; page < 6; page++) {
            robot.clickOn("#wizard-next");
        }
        robot.clickOn("#wizard-create");
        ui.until("the wizard closes", () -> !wizard.isShowing());
        ui.until("the tree shows the new account selected", () -> tree.getRoot().getChildren().size() == 3
                && tree.getSelectionModel().getSelectedItem() != null
                && tree.getSelectionModel().getSelectedItem().getValue().label().equals("Weekly"));
        assertThat(fixture.services.accounts().get(new AccountId("account-3")).initialCapital().formatWhole()).isEqualTo("$300,000");
        assertThat(robot.lookup(".title-3").queryLabeled().getText()).contains("Weekly");
    }

    @Test
    void configureFromTheContextMenuChangesTheAccountAndTheTreeFollows(FxRobot robot) throws Exception {
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 2);
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem configure = bar.getMenus().stream().filter(m -> "menu-account".equals(m.getId())).findFirst().orElseThrow().getItems().getFirst();
        assertThat(configure.isDisable()).as("nothing to configure with the portfolio selected").isTrue();

        TreeCell<?> account2 = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getItem() instanceof PortfolioNode.AccountNode a && a.account().id().value().equals("account-2"))
                .findFirst().orElseThrow();
        robot.rightClickOn(account2);
        // Monocle turns no click into a context-menu request (TestFX issue 645): make the request the platform would make
        javafx.geometry.Bounds b = account2.localToScreen(account2.getBoundsInLocal());
        robot.interact(() -> javafx.event.Event.fireEvent(account2, new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 10, b.getMinX() + 20, b.getMinY() + 10, false, null)));
        FxSteps ui = new FxSteps(robot);
        ui.until("the context menu", () -> account2.getContextMenu() != null && account2.getContextMenu().isShowing());
        assertThat(configure.isDisable()).as("the right-clicked account is selected").isFalse();
        assertThat(account2.getContextMenu().getItems()).filteredOn(i -> !(i instanceof javafx.scene.control.SeparatorMenuItem))
                .extracting(MenuItem::getText).containsExactly("_Configure\u2026", "_Pause", "_Run now", "_Deposit or withdraw\u2026",
                        "E_xport\u2026", "C_lose account\u2026");
        robot.clickOn((javafx.scene.Node) robot.lookup(".context-menu .menu-item").query());
        ui.until("the dialog shows the account", () -> robot.lookup("#config-title").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText().equals("Configure Account-2")).orElse(false));
        Stage dialog = (Stage) robot.lookup("#configure-account").query().getScene().getWindow();
        robot.clickOn("#allocation-custom");
        ui.type("gen.target", "50");
        ui.type("rev.target", "20");
        robot.clickOn("#config-apply");
        ui.until("the dialog closes", () -> !dialog.isShowing());
        ui.until("the tree shows the new split", () -> {
            TreeItem<PortfolioNode> selected = tree.getSelectionModel().getSelectedItem();
            return selected != null && selected.getValue() instanceof PortfolioNode.AccountNode a && a.account().id().value().equals("account-2")
                    && ((PortfolioNode.SleeveNode) selected.getChildren().getFirst().getValue()).target().toString().equals("50%");
        });
        assertThat(robot.lookup(".tree-capital").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).contains("$375,000");
        assertThat(fixture.services.ledgers().forAccount(new AccountId("account-2")).audit().getLast().summary())
                .contains("Gen-Acc target 40% -> 50%");

        // Ctrl+E opens the dialog for the selection too; Esc closes it without a change
        robot.clickOn(tree);
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        ui.until("the dialog again", () -> robot.lookup("#configure-account").tryQuery().isPresent());
        Stage again = (Stage) robot.lookup("#configure-account").query().getScene().getWindow();
        ui.until("loaded", () -> robot.lookup("#config-title").queryLabeled().getText().equals("Configure Account-2"));
        robot.type(KeyCode.ESCAPE);
        ui.until("closed", () -> !again.isShowing());

        // Ctrl+Shift+E exports the selected account (ExportViewTest covers the dialog itself)
        robot.clickOn(tree);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        ui.until("the export dialog", () -> robot.lookup("#export-dialog").tryQuery().isPresent());
        Stage export = (Stage) robot.lookup("#export-dialog").query().getScene().getWindow();
        assertThat(robot.lookup("#export-scope-account").queryAs(javafx.scene.control.RadioButton.class))
                .satisfies(r -> assertThat(r.getText()).isEqualTo("This account (Account-2)"), r -> assertThat(r.isSelected()).isTrue());
        robot.type(KeyCode.ESCAPE);
        ui.until("export closed", () -> !export.isShowing());
    }

    @Test
    void filterKeepsOnlyMatchingAccounts(FxRobot robot) throws Exception {
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 2);
        robot.clickOn("#portfolio-filter").write("account-2");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tree.getRoot().getChildren().size() == 1);
        assertThat(tree.getRoot().getChildren().getFirst().getValue().label()).isEqualTo("Account-2");
    }
}
