package io.alluse.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.shell.MainWindow;
import io.alluse.ui.shell.Themes;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The notifications panel after a restart: what was shown before is still there, and what was not yet read still counts as unread. */
@ExtendWith(ApplicationExtension.class)
class NotificationRestartTest {

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Themes.apply(false);
    }

    @Test
    void pastNotificationsAndTheirUnreadStateSurviveARestart(FxRobot robot) throws Exception {
        FxSteps ui = new FxSteps(robot);
        Path data = Files.createTempDirectory("notification-restart").resolve("data");

        // first session: two notifications, the log opened (read), then one more that stays unread
        try (UiTestServices first = new UiTestServices(data); FxUiExecutor executor = new FxUiExecutor()) {
            MainWindow window = show(robot, first, executor);
            robot.interact(() -> {
                window.notifications().post(Notification.ofApp(Notification.Kind.SUCCESS, "Backup taken", "alluse-1.zip"));
                window.notifications().post(Notification.ofApp(Notification.Kind.ERROR, "Export failed", "disk full"));
            });
            openLog(robot, ui);
            ui.until("opening the log reads them", () -> window.notifications().unreadProperty().get() == 0);
            closeLog(robot);
            robot.interact(() -> window.notifications().post(Notification.ofApp(Notification.Kind.WARNING, "Account-1 \u00b7 Missed window",
                    "the window closed while the app was not running")));
            robot.interact(window::dispose);
        }

        // second session over the same data folder
        try (UiTestServices second = new UiTestServices(data); FxUiExecutor executor = new FxUiExecutor()) {
            MainWindow window = show(robot, second, executor);
            ui.until("the archived notifications are back", () -> window.notifications().log().size() == 3);
            assertThat(window.notifications().log()).extracting(Notification::title)
                    .containsExactly("Account-1 \u00b7 Missed window", "Export failed", "Backup taken");
            assertThat(window.notifications().log()).extracting(Notification::kind)
                    .containsExactly(Notification.Kind.WARNING, Notification.Kind.ERROR, Notification.Kind.SUCCESS);
            assertThat(window.notifications().unreadProperty().get()).as("only the one posted after the log was read").isEqualTo(1);
            assertThat(window.notifications().isUnread(window.notifications().log().getFirst())).isTrue();

            ListView<Notification> list = openLog(robot, ui);
            ui.until("the list is drawn", () -> robot.lookup("#notification-list .log-unread").tryQuery().isPresent());
            assertThat(robot.lookup("#notification-list .log-unread").queryAll()).hasSize(1);
            assertThat(robot.lookup("#notification-list .log-unread").queryLabeled().getText()).contains("Missed window");
            assertThat(list.getItems()).hasSize(3);
            ui.screenshot(list.getScene(), "notifications-after-restart");
            closeLog(robot);
            robot.interact(window::dispose);
        }

        // a third session: everything was read in the second
        try (UiTestServices third = new UiTestServices(data); FxUiExecutor executor = new FxUiExecutor()) {
            MainWindow window = show(robot, third, executor);
            ui.until("the archived notifications are back", () -> window.notifications().log().size() == 3);
            assertThat(window.notifications().unreadProperty().get()).isZero();
            robot.interact(window::dispose);
        }
    }

    private MainWindow show(FxRobot robot, UiTestServices services, FxUiExecutor executor) {
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(services.services, executor, () -> { }, () -> { });
            Scene scene = new Scene(window[0], 1100, 700);
            scene.getStylesheets().add(Themes.APP_CSS);
            stage.setScene(scene);
            stage.show();
        });
        return window[0];
    }

    @SuppressWarnings("unchecked")
    private ListView<Notification> openLog(FxRobot robot, FxSteps ui) {
        robot.clickOn("#portfolio-tree");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        ui.until("the log", () -> robot.lookup("#notification-list").tryQuery().isPresent());
        return robot.lookup("#notification-list").queryAs(ListView.class);
    }

    private void closeLog(FxRobot robot) {
        robot.interact(() -> ((Stage) robot.lookup("#notification-log").query().getScene().getWindow()).close());
    }
}
