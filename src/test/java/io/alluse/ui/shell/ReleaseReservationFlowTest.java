package io.alluse.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.engine.BrokerSetup;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.portfolio.PortfolioNode;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
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
 * "Release reservation…" on a linked fork the user funded from elsewhere (docs/decisions/0032): only
 * such a fork's context menu offers it; the confirmation says what happens; Cancel changes nothing;
 * Release ends the reservation in the parent.
 */
@ExtendWith(ApplicationExtension.class)
class ReleaseReservationFlowTest {

    static final AccountId PARENT = new AccountId("account-1");
    static final AccountId LINKED = new AccountId("account-1-f1");
    static final AccountId WAITING = new AccountId("account-1-f2");
    static final Money AMOUNT = Money.ofDollars(52_000);

    @TempDir
    static Path dir;
    UiTestServices fixture;
    FxUiExecutor executor;
    MainWindow window;

    @Start
    void start(Stage stage) {
        fixture = new UiTestServices(dir.resolve("data-" + System.nanoTime()));
        fixture.services.accounts().ensureFirstAccount();
        fixture.realBroker.add(PARENT);
        fixture.forkNow(PARENT, AMOUNT);
        fixture.engine.load();
        // linked to a brokerage account the user funded from a bank: the transfer out of Account-1 never comes
        fixture.engine.linkBrokerage(LINKED, new BrokerSetup.Paper());
        fixture.forkNow(PARENT, Money.ofDollars(51_000));
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

    private ForkRecord.State state(AccountId child) {
        return fixture.engine.forking().orElseThrow().store().founding(child).orElseThrow().state();
    }

    private static Optional<MenuItem> showingMenuItem(String id) {
        return Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .flatMap(w -> ((ContextMenu) w).getItems().stream()).filter(i -> id.equals(i.getId())).findFirst();
    }

    private static Optional<DialogPane> confirmation(FxRobot robot) {
        return robot.lookup("#confirm-release").tryQueryAs(DialogPane.class).filter(p -> p.getScene() != null && p.getScene().getWindow().isShowing());
    }

    /** Opens the tree's context menu on {@code id} as the platform would (Monocle makes no request of a right click, TestFX issue 645). */
    private void contextMenuOn(FxRobot robot, AccountId id) {
        new FxSteps(robot).until(id + " in the tree", () -> robot.lookup(".tree-cell").match(n -> n instanceof TreeCell<?> c
                && c.getItem() instanceof PortfolioNode.AccountNode a && a.account().id().equals(id)).tryQuery().isPresent());
        Node cell = robot.lookup(".tree-cell").match(n -> n instanceof TreeCell<?> c
                && c.getItem() instanceof PortfolioNode.AccountNode a && a.account().id().equals(id)).queryAs(Node.class);
        robot.interact(() -> {
            javafx.geometry.Bounds b = cell.localToScreen(cell.getBoundsInLocal());
            javafx.event.Event.fireEvent(cell, new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    20, 10, b.getMinX() + 20, b.getMinY() + 10, false, null));
        });
    }

    /** Fires the item later on the FX thread: the confirmation's showAndWait must not block the robot. */
    private static void fireLater(MenuItem item) {
        Platform.runLater(() -> {
            item.getParentPopup().hide();
            item.fire();
        });
    }

    @Test
    void theLinkedForksContextMenuReleasesItsReservationAfterAConfirmation(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("the forks in the tree", () -> window.portfolio().lineageProperty().get().releasable(LINKED).isPresent());
        assertThat(fixture.engine.forking().orElseThrow().store().reserved(PARENT)).isEqualTo(AMOUNT.plus(Money.ofDollars(51_000)));

        // offered only where it applies: the linked fork, not the waiting one nor the parent
        AccountActions actions = new AccountActions(fixture.services, executor, window.portfolio(), () -> window.getScene().getWindow(), s -> { });
        robot.interact(() -> {
            assertThat(actions.contextItems(fixture.services.accounts().get(LINKED))).anySatisfy(i -> {
                assertThat(i.getId()).isEqualTo("context-release-reservation");
                assertThat(i.isDisable()).isFalse();
            });
            assertThat(actions.contextItems(fixture.services.accounts().get(WAITING))).noneMatch(i -> "context-release-reservation".equals(i.getId()));
            assertThat(actions.contextItems(fixture.services.accounts().get(PARENT))).noneMatch(i -> "context-release-reservation".equals(i.getId()));
        });

        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(javafx.scene.control.TreeView.class);
        robot.interact(() -> tree.getRoot().getChildren().forEach(i -> i.setExpanded(false)));
        contextMenuOn(robot, LINKED);
        ui.until("the context menu", () -> showingMenuItem("context-release-reservation").isPresent());
        fireLater(showingMenuItem("context-release-reservation").orElseThrow());
        ui.until("the confirmation", () -> confirmation(robot).isPresent());
        DialogPane pane = confirmation(robot).orElseThrow();
        assertThat(pane.getHeaderText()).isEqualTo("Release the $52,000 reserved in Account-1 for Account-1 fork 1?");
        assertThat(pane.getContentText()).contains("funded Account-1 fork 1 from elsewhere").contains("becomes deployable again")
                .contains("Nothing is sent to any broker");
        assertThat(((Button) pane.lookupButton(ButtonType.CANCEL)).isDefaultButton()).as("Enter alone releases nothing").isTrue();
        ui.screenshot(pane.getScene(), "lineage-release-confirm");

        // Cancel: nothing changes
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).fire());
        ui.until("the confirmation closes", () -> confirmation(robot).isEmpty());
        assertThat(state(LINKED)).isEqualTo(ForkRecord.State.LINKED);

        contextMenuOn(robot, LINKED);
        ui.until("the context menu again", () -> showingMenuItem("context-release-reservation").isPresent());
        fireLater(showingMenuItem("context-release-reservation").orElseThrow());
        ui.until("the confirmation again", () -> confirmation(robot).isPresent());
        DialogPane again = confirmation(robot).orElseThrow();
        Button release = again.getButtonTypes().stream().filter(t -> t.getText().equals("Release reservation"))
                .map(t -> (Button) again.lookupButton(t)).findFirst().orElseThrow();
        robot.interact(release::fire);

        ui.until("the reservation released", () -> state(LINKED) == ForkRecord.State.RELEASED);
        assertThat(fixture.engine.forking().orElseThrow().store().reserved(PARENT)).as("only the waiting fork's").isEqualTo(Money.ofDollars(51_000));
        ui.until("the status bar says so", () -> robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains("is released: deployable again")));
        ui.until("the tree no longer offers it", () -> window.portfolio().lineageProperty().get().releasable(LINKED).isEmpty());
        robot.interact(() -> window.tree().select(PARENT));
        ui.until("the parent's lineage", () -> robot.lookup("#lineage-fork-account-1-f1").tryQuery().isPresent());
        ui.screenshot(window.getScene(), "lineage-released");
    }
}
