package io.alluse.ui.drilldown;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.AccountId;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.portfolio.PortfolioNode;
import io.alluse.ui.shell.MainWindow;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Brand-new accounts after their first close: every chart has one point per line, which a line
 * cannot show. The charts must still put something on the canvas (a dot per line) in the line's
 * colour; the screenshots are for looking at.
 */
@ExtendWith(ApplicationExtension.class)
class NewAccountViewTest {

    static UiTestServices fixture;
    FxUiExecutor executor;
    MainWindow window;

    @BeforeAll
    static void firstDay() throws Exception {
        // Monday 08:00 to 20:00: one session, one end-of-day snapshot per sleeve
        fixture = UiTestServices.twoAccountsAfter("new-account-test", Duration.ofHours(12));
    }

    @AfterAll
    static void closeFixture() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        executor = new FxUiExecutor();
        window = fixture.showMainWindow(stage, executor, 1280, 800);
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void oneCloseIsOneDotPerLineOnEveryChart(FxRobot robot) {
        assertThat(fixture.services.ledgers().forAccount(new AccountId("account-1")).snapshots().stream()
                .map(EquitySnapshot::day).distinct()).as("the fixture has exactly one close").hasSize(1);
        FxSteps ui = new FxSteps(robot);
        @SuppressWarnings("unchecked")
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        ui.until("the tree lists both accounts", () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 2);

        select(robot, tree, tree.getRoot());
        TimeChart portfolio = chart(robot, ui, "#portfolio-equity-chart");
        assertThat(portfolio.lines()).allSatisfy(l -> assertThat(l.values()).hasSize(1));
        assertThat(pixelsOf(robot, portfolio, TimeChart.colour(0))).as("Account-1's dot").isGreaterThan(20);
        assertThat(pixelsOf(robot, portfolio, TimeChart.colour(1))).as("Account-2's dot").isGreaterThan(20);
        ui.screenshot(window.getScene(), "new-account-portfolio");

        select(robot, tree, tree.getRoot().getChildren().getFirst());
        TimeChart account = chart(robot, ui, "#account-equity-chart");
        assertThat(account.lines()).hasSize(2);
        assertThat(pixelsOf(robot, account, TimeChart.colour(0))).as("the account's dot").isGreaterThan(20);
        ui.screenshot(window.getScene(), "new-account-account");

        select(robot, tree, tree.getRoot().getChildren().getFirst().getChildren().getFirst());
        ui.until("the sleeve view", () -> robot.lookup("#sleeve-equity").tryQuery().isPresent());
        ui.screenshot(window.getScene(), "new-account-sleeve");

        robot.clickOn(tree);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        ui.until("the compare window", () -> robot.lookup("#compare-view").tryQuery().isPresent());
        TimeChart growth = robot.lookup("#compare-growth").queryAs(TimeChart.class);
        ui.until("both accounts compared", () -> growth.lines().size() == 2 && growth.drawnPoints() > 0);
        // both start at 100 on the same day: Account-1's dot is drawn over Account-2's
        assertThat(pixelsOf(robot, growth, TimeChart.colour(0))).as("the dot on the overlay").isGreaterThan(20);
        ui.screenshot(growth.getScene(), "new-account-compare");
        robot.interact(() -> ((Stage) growth.getScene().getWindow()).close());
    }

    private static TimeChart chart(FxRobot robot, FxSteps ui, String id) {
        ui.until(id, () -> robot.lookup(id).tryQuery().isPresent());
        TimeChart chart = robot.lookup(id).queryAs(TimeChart.class);
        ui.until(id + " drawn", () -> chart.drawnPoints() > 0 && chart.getWidth() > 0);
        return chart;
    }

    private static void select(FxRobot robot, TreeView<PortfolioNode> tree, TreeItem<PortfolioNode> item) {
        robot.interact(() -> {
            if (item.getParent() != null) {
                item.getParent().setExpanded(true);
            }
            tree.getSelectionModel().select(item);
        });
    }

    /** Pixels of the chart's canvas (not its legend) close to {@code colour}. */
    private static int pixelsOf(FxRobot robot, TimeChart chart, Color colour) {
        AtomicInteger count = new AtomicInteger();
        robot.interact(() -> {
            Canvas canvas = (Canvas) chart.getChildrenUnmodifiable().stream().filter(Canvas.class::isInstance).findFirst().orElseThrow();
            WritableImage image = canvas.snapshot(null, null);
            PixelReader r = image.getPixelReader();
            for (int y = 0; y < (int) image.getHeight(); y++) {
                for (int x = 0; x < (int) image.getWidth(); x++) {
                    Color c = r.getColor(x, y);
                    if (Math.abs(c.getRed() - colour.getRed()) < 0.08 && Math.abs(c.getGreen() - colour.getGreen()) < 0.08
                            && Math.abs(c.getBlue() - colour.getBlue()) < 0.08) {
                        count.incrementAndGet();
                    }
                }
            }
        });
        return count.get();
    }
}
