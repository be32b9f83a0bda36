package io.alluse.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.BrokerException;
import io.alluse.broker.FaultInjectingBroker;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.Money;
import io.alluse.domain.ledger.AuditEvent;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.notify.Notification;
import io.alluse.ui.portfolio.PortfolioNode;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window around the tree, over the real engine: status icons, account actions from the
 * context menu and the keyboard, a paper deposit reaching the tree, notifications, the paper clock
 * and the theme.
 */
@ExtendWith(ApplicationExtension.class)
class ShellTest {

    @TempDir
    static Path dir;
    UiTestServices fixture;
    FxUiExecutor executor;
    MainWindow window;
    final AtomicInteger themeToggles = new AtomicInteger();
    boolean dark;

    @Start
    void start(Stage stage) {
        fixture = new UiTestServices(dir.resolve("data-" + System.nanoTime()));
        // account-3's broker refuses every call, as with revoked credentials
        fixture.brokerWrappers.put(new AccountId("account-3"), b -> new FaultInjectingBroker(b).failRandomly(1.0, BrokerException.Kind.AUTHENTICATION));
        fixture.services.accounts().ensureFirstAccount();
        fixture.services.accounts().create(fixture.services.accounts().newAccountDraft().withCapital("750000"));
        fixture.services.accounts().create(fixture.services.accounts().newAccountDraft());
        Themes.apply(false);
        executor = new FxUiExecutor();
        window = new MainWindow(fixture.services, executor, () -> {
            themeToggles.incrementAndGet();
            dark = !dark;
            Themes.apply(dark);
        }, () -> { });
        Scene scene = new Scene(window, 1280, 760);
        scene.getStylesheets().add(Themes.APP_CSS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        window.dispose();
        executor.close();
        fixture.close();
        Themes.apply(false);
    }

    @Test
    void statusIconsActionsDepositNotificationsAndClock(FxRobot robot) throws Exception {
        FxSteps ui = new FxSteps(robot);
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        ui.until("three accounts", () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 3);

        // a week and a day of real engine work: cycles, fills, closes; account-3 fails all along
        fixture.runEngineUntil(UiTestServices.START.plus(Duration.ofDays(8)));
        ui.until("account-1 running, account-3 in error", () -> icon(robot, "account-1").contains("running")
                && icon(robot, "account-3").contains("error"));
        // the tooltip's text is made when the pointer comes onto the row
        robot.moveTo(cell(robot, "account-3"));
        ui.until("account-3's tooltip says why", () -> cell(robot, "account-3").getTooltip().getText().contains("Error"));
        // a week of closes: the week's P&L shows next to the equity, with a sign
        ui.until("week P&L", () -> labels(cell(robot, "account-1"), "tree-pnl").matches("[+-]\\$[0-9,]+"));
        ui.until("the broker summary counts the failing one", () -> ((Button) robot.lookup("#status-brokers").query()).getText()
                .equals("2/3 brokers"));
        // the toast is long gone after the engine's run; the notifications keep it
        ui.until("account-3's error notified", () -> window.notifications().log().stream()
                .anyMatch(n -> n.title().equals("Account-3 \u00b7 Error") && n.kind() == Notification.Kind.ERROR));

        // pause from the context menu
        robot.interact(() -> contextItem(robot, "account-2", "context-pause-resume").fire());
        ui.until("account-2 paused", () -> icon(robot, "account-2").contains("paused"));
        assertThat(fixture.services.accounts().get(new AccountId("account-2")).status()).isEqualTo(AccountStatus.PAUSED);
        assertThat(fixture.services.ledgers().forAccount(new AccountId("account-2")).audit()).extracting(AuditEvent::summary)
                .anyMatch(s -> s.contains("ACTIVE -> PAUSED"));
        // ...and resume with the keyboard on the selection
        // (a click into the tree would select whatever row sits under the robot)
        robot.interact(() -> {
            tree.getSelectionModel().select(item(tree, "account-2"));
            tree.requestFocus();
        });
        ui.until("the menu offers Resume", () -> accountMenuItem(robot, "pause-resume").getText().equals("_Resume"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        ui.until("account-2 running again", () -> icon(robot, "account-2").contains("running"));
        assertThat(fixture.services.accounts().get(new AccountId("account-2")).status()).isEqualTo(AccountStatus.ACTIVE);

        // run now from the context menu: the market is closed at 08:00, so it syncs and says why
        robot.interact(() -> contextItem(robot, "account-1", "context-run-now").fire());
        ui.until("run-now's answer", () -> ((Label) robot.lookup("#status-text").query()).getText().contains("market is closed"));

        // deposit at the paper broker with Ctrl+D: a bad amount is refused next to the field, a good one reaches the tree
        Money before = fixture.services.accounts().get(new AccountId("account-1")).totalCapital();
        robot.interact(() -> {
            tree.getSelectionModel().select(item(tree, "account-1"));
            tree.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        ui.until("the transfer dialog", () -> robot.lookup("#paper-transfer").tryQuery().isPresent());
        ui.type("amount", "12x");
        assertThat(ui.message("amount").getText()).contains("Deposit amount '12x' is not a number");
        assertThat(robot.lookup("#transfer-apply").queryButton().isDisabled()).isTrue();
        ui.type("amount", "100,000");
        assertThat(ui.message("amount").getText()).isEmpty();
        ui.until("the broker's cash is shown", () -> ((Label) robot.lookup("#transfer-broker-cash").query()).getText().startsWith("Cash at the broker"));
        ui.screenshot(robot.lookup("#paper-transfer").query().getScene(), "shell-deposit-dialog");
        java.util.List<String> toastsShown = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> ((javafx.scene.layout.Pane) robot.lookup("#toasts").query()).getChildren().addListener(
                (javafx.collections.ListChangeListener<javafx.scene.Node>) change -> {
                    while (change.next()) {
                        change.getAddedSubList().forEach(n -> toastsShown.add(((Label) n.lookup(".toast-title")).getText()));
                    }
                }));
        robot.clickOn("#transfer-apply");
        ui.until("the dialog closes", () -> robot.lookup("#paper-transfer").tryQuery().isEmpty());
        // booked by the engine's sync as an external flow, and the tree shows the account's new equity
        AccountId one = new AccountId("account-1");
        ui.until("the deposit is booked", () -> fixture.services.ledgers().forAccount(one).cashFlows().size() == 2);
        // a toast lasts six seconds, less than a loaded machine may take between two looks: every toast added is recorded
        try {
            ui.until("a deposit toast", () -> toastsShown.contains("Account-1 \u00b7 Deposit detected"));
        } catch (AssertionError e) {
            throw new AssertionError("toasts shown since the deposit: " + toastsShown, e);
        }
        assertThat(fixture.services.ledgers().forAccount(one).cashFlows().getLast().flow().amount()).isEqualTo(Money.ofDollars(100_000));
        Money after = fixture.services.accounts().get(one).totalCapital();
        assertThat(after.minus(before).cents()).as("equity moved by the deposit (marks unchanged: the clock stands still)")
                .isBetween(Money.ofDollars(99_000).cents(), Money.ofDollars(101_000).cents());
        ui.until("the tree shows the deposit", () -> labels(cell(robot, "account-1"), "tree-capital").equals(after.formatWhole()));
        assertThat(window.notifications().log()).extracting(Notification::title).contains("Account-1 \u00b7 Deposit detected");
        ui.screenshot(window.getScene(), "shell-main-window");

        // the notifications log reopens everything with Ctrl+Shift+N
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        ui.until("the log", () -> robot.lookup("#notification-list").tryQuery().isPresent());
        ListView<Notification> log = robot.lookup("#notification-list").queryAs(ListView.class);
        assertThat(log.getItems()).extracting(Notification::title).contains("Account-1 \u00b7 Deposit detected", "Account-3 \u00b7 Error");
        ui.screenshot(log.getScene(), "shell-notifications");
        robot.interact(() -> ((Stage) log.getScene().getWindow()).close());

        // the paper clock: the test runs it at "max"; the buttons set the engine's speed
        assertThat(robot.lookup("#clock-max").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        robot.clickOn("#clock-60x");
        assertThat(fixture.time.speed()).isEqualTo(60.0);
        robot.clickOn("#clock-pause");
        assertThat(fixture.time.speed()).isZero();
        ui.until("the engine says it is paused", () -> ((Label) robot.lookup("#status-engine").query()).getText().startsWith("Engine paused"));
        robot.clickOn("#clock-86400x");
        assertThat(fixture.time.speed()).isEqualTo(86_400.0);
        assertThat(((Label) robot.lookup("#status-clock").query()).getText()).matches("\\w{3} \\d{1,2} \\w{3} 2031 \\d\\d:\\d\\d ET");
    }

    @Test
    void themeSwitchesWithItsShortcutAndFilterFocusWithCtrlF(FxRobot robot) throws Exception {
        FxSteps ui = new FxSteps(robot);
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        ui.until("three accounts", () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 3);
        String light = Application.getUserAgentStylesheet();
        robot.clickOn(tree);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(themeToggles.get()).isEqualTo(1);
        assertThat(Application.getUserAgentStylesheet()).isNotEqualTo(light).containsIgnoringCase("dark");
        fixture.runEngineUntil(UiTestServices.START.plus(Duration.ofDays(8)));
        ui.until("figures", () -> labels(cell(robot, "account-1"), "tree-pnl").matches("[+-]\\$[0-9,]+"));
        ui.screenshot(window.getScene(), "shell-dark");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        ui.until("the filter has the focus", () -> robot.lookup("#portfolio-filter").query().isFocused());
        // the account actions carry their shortcuts in the Account menu
        assertThat(List.of("configure", "pause-resume", "run-now", "deposit")).allSatisfy(id ->
                assertThat(accountMenuItem(robot, id).getAccelerator()).isNotNull());
    }

    private static MenuItem accountMenuItem(FxRobot robot, String id) {
        return robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .filter(m -> "menu-account".equals(m.getId())).findFirst().orElseThrow()
                .getItems().stream().filter(i -> ("menu-account-" + id).equals(i.getId())).findFirst().orElseThrow();
    }

    private static TreeItem<PortfolioNode> item(TreeView<PortfolioNode> tree, String id) {
        return tree.getRoot().getChildren().stream().filter(i -> ((PortfolioNode.AccountNode) i.getValue()).account().id().value().equals(id))
                .findFirst().orElseThrow();
    }

    private static TreeCell<?> cell(FxRobot robot, String id) {
        return robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getItem() instanceof PortfolioNode.AccountNode a && a.account().id().value().equals(id))
                .findFirst().orElseThrow();
    }

    private static String icon(FxRobot robot, String id) {
        Label name = (Label) ((javafx.scene.layout.HBox) cell(robot, id).getGraphic()).getChildren().getFirst();
        // the colour is a pseudo-class: "running", "paused", "error", ...
        return ((FontIcon) name.getGraphic()).getPseudoClassStates().toString();
    }

    private static String labels(TreeCell<?> cell, String styleClass) {
        return ((javafx.scene.layout.HBox) cell.getGraphic()).getChildren().stream().filter(n -> n.getStyleClass().contains(styleClass))
                .map(n -> ((Label) n).getText()).findFirst().orElse("");
    }

    private static List<String> toastTitles(FxRobot robot) {
        return robot.lookup(".toast-title").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    /** The entry of an account's context menu, as the cell builds it when the menu is requested (call on the FX thread). */
    private static MenuItem contextItem(FxRobot robot, String account, String id) {
        TreeCell<?> cell = cell(robot, account);
        javafx.geometry.Bounds b = cell.localToScreen(cell.getBoundsInLocal());
        javafx.event.Event.fireEvent(cell, new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                20, 10, b.getMinX() + 20, b.getMinY() + 10, false, null));
        MenuItem item = cell.getContextMenu().getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        cell.getContextMenu().hide();
        return item;
    }

}
