package io.alluse.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.compare.CompareViewModel;
import io.alluse.ui.portfolio.PortfolioNode;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Lineage in the main window (docs/decisions/0020): Account-1 forked twice (one fork merged back),
 * Account-2 at a "real" broker with a fork waiting for its brokerage account.
 */
@ExtendWith(ApplicationExtension.class)
class LineageViewTest {

    static final AccountId ONE = new AccountId("account-1");
    static final AccountId TWO = new AccountId("account-2");
    static final AccountId FORK_1 = new AccountId("account-1-f1");
    static final AccountId FORK_2 = new AccountId("account-1-f2");
    static final AccountId WAITING = new AccountId("account-2-f1");

    @TempDir
    static Path dir;
    UiTestServices fixture;
    FxUiExecutor executor;
    MainWindow window;
    Scene scene;

    @Start
    void start(Stage stage) {
        fixture = new UiTestServices(dir.resolve("data-" + System.nanoTime()));
        fixture.services.accounts().ensureFirstAccount();
        fixture.services.accounts().create(fixture.services.accounts().newAccountDraft());
        fixture.realBroker.add(TWO);
        fixture.forkNow(ONE, Money.ofDollars(60_000));
        fixture.forkNow(ONE, Money.ofDollars(55_000));
        fixture.mergeNow(FORK_2);
        fixture.forkNow(TWO, Money.ofDollars(52_000));
        // a week of trading so that the curves and the compare view have closes
        fixture.runEngineUntil(UiTestServices.START.plus(Duration.ofDays(7)));
        Themes.apply(false);
        executor = new FxUiExecutor();
        window = new MainWindow(fixture.services, executor, () -> { }, () -> { });
        scene = new Scene(window, 1240, 760);
        scene.getStylesheets().add(Themes.APP_CSS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    private TreeView<PortfolioNode> tree(FxRobot robot) {
        return robot.lookup("#portfolio-tree").queryAs(TreeView.class);
    }

    /**
     * Presses the link or button now on screen: the account view is rebuilt when live data arrive, so a
     * node found a moment earlier may already have left the scene (a click on it then fails).
     */
    private static void press(FxRobot robot, String query) {
        new FxSteps(robot).until(query + " on screen", () -> robot.lookup(query).queryAllAs(javafx.scene.control.ButtonBase.class).stream()
                .anyMatch(b -> b.getScene() != null));
        robot.interact(() -> robot.lookup(query).queryAllAs(javafx.scene.control.ButtonBase.class).stream()
                .filter(b -> b.getScene() != null && !b.isDisabled()).findFirst()
                .orElseThrow(() -> new AssertionError(query + " left the screen")).fire());
    }

    private static java.util.Optional<javafx.scene.control.MenuItem> showingMenuItem(String id) {
        return Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
                .flatMap(w -> ((javafx.scene.control.ContextMenu) w).getItems().stream()).filter(i -> id.equals(i.getId())).findFirst();
    }

    private void select(FxRobot robot, AccountId id) {
        robot.interact(() -> window.tree().select(id));
    }

    private static AccountId selectedId(TreeView<PortfolioNode> tree) {
        TreeItem<PortfolioNode> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof PortfolioNode.AccountNode a ? a.account().id() : null;
    }

    private void loaded(FxSteps ui, FxRobot robot) {
        TreeView<PortfolioNode> tree = tree(robot);
        ui.until("five accounts with their lineage", () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 5
                && !window.portfolio().lineageProperty().get().records().isEmpty());
        robot.interact(() -> tree.getRoot().getChildren().forEach(i -> i.setExpanded(false)));
    }

    @Test
    void theTreeAndTheAccountViewShowWhereEachAccountCameFromAndWent(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        loaded(ui, robot);
        ui.until("the lineage badges", () -> robot.lookup(".tree-lineage").queryAllAs(Label.class).stream().filter(Label::isVisible).count() >= 4);
        List<String> badges = robot.lookup(".tree-lineage").queryAllAs(Label.class).stream().filter(Label::isVisible).map(Label::getText).toList();
        assertThat(badges).contains("2 forks", "\u21b3 from Account-1", "merged into Account-1", "waiting for brokerage", "1 fork");
        // the waiting fork has its own status icon; the merged one is shown closed like any closed account
        assertThat(FxSteps.treeIcons(robot, "waiting")).hasSize(1);
        assertThat(FxSteps.treeIcons(robot, "closed")).hasSize(1);

        select(robot, ONE);
        ui.until("the lineage section of Account-1", () -> robot.lookup("#lineage-fork-account-1-f2").tryQuery().isPresent());
        assertThat(robot.lookup("#lineage-fork-account-1-f1").queryAs(Hyperlink.class).getText()).isEqualTo("Account-1 fork 1 (account-1-f1)");
        assertThat(((Label) robot.lookup("#lineage-fork-account-1-f1").query().getParent().getChildrenUnmodifiable().get(2)).getText())
                .contains("$60,000.00");
        assertThat(((Label) robot.lookup("#lineage-fork-account-1-f2").query().getParent().getChildrenUnmodifiable().get(2)).getText())
                .contains("$55,000.00").contains("merged back");
        assertThat(robot.lookup("#lineage-compare").tryQuery()).isPresent();
        ui.screenshot(scene, "lineage-parent");

        // following a fork's link selects it in the tree, whose view says where it came from
        press(robot, "#lineage-fork-account-1-f1");
        ui.until("the fork is selected", () -> FORK_1.equals(selectedId(tree(robot))));
        ui.until("its lineage", () -> robot.lookup("#lineage-parent").tryQuery().isPresent());
        assertThat(robot.lookup("#lineage-parent").queryAs(Hyperlink.class).getText()).isEqualTo("Account-1 (account-1)");
        assertThat(robot.lookup("#lineage-compare").tryQuery()).as("a fork without forks has nothing to compare with").isEmpty();
        press(robot, "#lineage-parent");
        ui.until("back at the parent", () -> ONE.equals(selectedId(tree(robot))));

        select(robot, FORK_2);
        ui.until("the merge", () -> robot.lookup("#lineage-merged").tryQuery().isPresent());
        assertThat(((Label) robot.lookup("#lineage-merged").query().getParent().getChildrenUnmodifiable().get(2)).getText()).contains("$55,000.00");

        select(robot, WAITING);
        ui.until("what the waiting fork needs", () -> robot.lookup("#lineage-waiting").tryQuery().isPresent());
        assertThat(robot.lookup("#lineage-waiting").queryAs(Label.class).getText()).contains("transfer $52,000.00");
        assertThat(robot.lookup("#lineage-instructions").queryAs(Label.class).getText()).contains("Open a brokerage account").contains("link it");
        assertThat(robot.lookup("#lineage-link").queryAs(Button.class).isDisabled()).isFalse();
        ui.screenshot(scene, "lineage-waiting");

        select(robot, TWO);
        ui.until("the reservation in the parent", () -> robot.lookup("#lineage-reserved").tryQuery().isPresent());
        assertThat(robot.lookup("#lineage-reserved").queryAs(Label.class).getText()).startsWith("$52,000.00");
    }

    @Test
    void compareWithForksPutsAParentAndAllItsForksSideBySide(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        loaded(ui, robot);
        select(robot, ONE);
        ui.until("the button", () -> robot.lookup("#lineage-compare").tryQuery().isPresent());
        press(robot, "#lineage-compare");
        ui.until("the compare window", () -> robot.lookup("#compare-accounts").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<CompareViewModel.Choice> choices = robot.lookup("#compare-accounts").queryAs(ListView.class);
        ui.until("the accounts listed", () -> choices.getItems().size() >= 4);
        List<String> checked = choices.getItems().stream().filter(c -> c.checkedProperty().get()).map(c -> c.account().id().value()).toList();
        assertThat(checked).containsExactlyInAnyOrder("account-1", "account-1-f1", "account-1-f2");
        Window compare = robot.lookup("#compare-accounts").query().getScene().getWindow();
        ui.until("the comparison", () -> !robot.lookup("#compare-metrics").queryAs(javafx.scene.control.TableView.class).getItems().isEmpty());
        ui.screenshot(compare.getScene(), "lineage-compare-with-forks");
        robot.interact(compare::hide);

        // the same from the tree's context menu, which offers lineage actions only where they apply
        AccountActions actions = new AccountActions(fixture.services, executor, window.portfolio(), () -> window.getScene().getWindow(), s -> { });
        robot.interact(() -> {
            assertThat(item(actions, fixture.services.accounts().get(ONE), "context-compare-forks")).get().satisfies(i -> assertThat(i.isDisable()).isFalse());
            assertThat(item(actions, fixture.services.accounts().get(FORK_1), "context-compare-forks")).isEmpty();
            assertThat(item(actions, fixture.services.accounts().get(WAITING), "context-link-brokerage")).get().satisfies(i -> assertThat(i.isDisable()).isFalse());
            assertThat(item(actions, fixture.services.accounts().get(ONE), "context-link-brokerage")).isEmpty();
        });
        javafx.scene.Node cell = robot.lookup(".tree-cell").match(n -> n instanceof javafx.scene.control.TreeCell<?> c
                && c.getItem() instanceof PortfolioNode.AccountNode a && a.account().id().equals(ONE)).queryAs(javafx.scene.Node.class);
        robot.rightClickOn(cell);
        // Monocle turns no click into a context-menu request (TestFX issue 645): make the request the platform would make
        robot.interact(() -> {
            javafx.geometry.Bounds b = cell.localToScreen(cell.getBoundsInLocal());
            javafx.event.Event.fireEvent(cell, new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    20, 10, b.getMinX() + 20, b.getMinY() + 10, false, null));
        });
        // the item by its id in the menu that is showing: "Compare with forks" is also the account view's
        // button, which live data may have just rebuilt (a click by text found the old one)
        ui.until("the context menu", () -> showingMenuItem("context-compare-forks").isPresent());
        robot.interact(() -> {
            javafx.scene.control.MenuItem item = showingMenuItem("context-compare-forks").orElseThrow();
            item.fire();
            item.getParentPopup().hide();
        });
        ui.until("the compare window again", () -> robot.lookup("#compare-accounts").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<CompareViewModel.Choice> again = robot.lookup("#compare-accounts").queryAs(ListView.class);
        ui.until("the family checked", () -> again.getItems().stream().filter(c -> c.checkedProperty().get()).count() == 3);
    }

    private static java.util.Optional<javafx.scene.control.MenuItem> item(AccountActions actions, io.alluse.domain.Account account, String id) {
        return actions.contextItems(account).stream().filter(i -> id.equals(i.getId())).findFirst();
    }
}
