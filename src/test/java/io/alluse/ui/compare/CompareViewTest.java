package io.alluse.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.AccountId;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.drilldown.TimeChart;
import io.alluse.ui.portfolio.PortfolioNode;
import io.alluse.ui.shell.MainWindow;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Two accounts after two and a half weeks of real engine trading, compared from the main window. */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {

    static UiTestServices fixture;
    FxUiExecutor executor;
    MainWindow window;

    @BeforeAll
    static void trade() throws Exception {
        fixture = UiTestServices.twoAccountsAfter("compare-test", Duration.ofDays(17));
    }

    @AfterAll
    static void closeFixture() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        executor = new FxUiExecutor();
        window = fixture.showMainWindow(stage, executor, 1200, 720);
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void ctrlKComparesTheAccountsAndUncheckingOneAsksForTwo(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        @SuppressWarnings("unchecked")
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        ui.until("the tree", () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 2);
        robot.clickOn(tree);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        ui.until("the compare window", () -> robot.lookup("#compare-view").tryQuery().isPresent());
        TimeChart growth = robot.lookup("#compare-growth").queryAs(TimeChart.class);
        TimeChart drawdowns = robot.lookup("#compare-drawdowns").queryAs(TimeChart.class);
        @SuppressWarnings("unchecked")
        TableView<CompareView.MetricRow> metrics = robot.lookup("#compare-metrics").queryAs(TableView.class);
        ui.until("both accounts compared", () -> growth.lines().size() == 2 && metrics.getColumns().size() == 3);

        assertThat(growth.lines()).extracting(TimeChart.Line::name).containsExactly("Account-1", "Account-2");
        assertThat(drawdowns.lines()).hasSize(2);
        assertThat(growth.lines().getFirst().values()[0]).isEqualTo(100.0);
        assertThat(java.util.Arrays.stream(drawdowns.lines().getFirst().values()).max().orElseThrow()).isLessThanOrEqualTo(0.0);
        CompareView.MetricRow twr = metrics.getItems().stream().filter(r -> r.metric().equals("Total return (TWR)")).findFirst().orElseThrow();
        assertThat(twr.values()).containsExactly(percent(independentTwr(new AccountId("account-1"))), percent(independentTwr(new AccountId("account-2"))));
        // the rest of the table is the analytics service's comparison, as a fresh service over the same database
        // (the one the command line's context builds) computes it
        io.alluse.analytics.AccountComparison reference = new io.alluse.analytics.PortfolioAnalytics(
                new io.alluse.store.AccountRepository(fixture.database), new io.alluse.store.SnapshotRepository(fixture.database),
                fixture.services.ledgers()).compare(List.of(new AccountId("account-1"), new AccountId("account-2")), java.util.Optional.empty(),
                new io.alluse.analytics.metrics.RiskFreeRate(fixture.market.riskFreeRate()));
        CompareView.MetricRow drawdown = metrics.getItems().stream().filter(r -> r.metric().equals("Max drawdown")).findFirst().orElseThrow();
        CompareView.MetricRow volatility = metrics.getItems().stream().filter(r -> r.metric().equals("Volatility")).findFirst().orElseThrow();
        for (int i = 0; i < 2; i++) {
            io.alluse.analytics.metrics.Performance p = reference.accounts().get(i).performance();
            assertThat(drawdown.values().get(i)).isEqualTo(p.maxDrawdown().map(d -> String.format(Locale.ROOT, "%.2f%%", -d.depth() * 100)).orElse("none"));
            assertThat(p.volatility().isShortHistory()).as("17 days are too few daily returns to annualise").isTrue();
            assertThat(volatility.values().get(i)).isEqualTo("n/a");
        }
        // two and a half weeks: the total return is shown, every figure per year is n/a and says why
        for (String perYear : List.of("CAGR", "Money-weighted (IRR)", "Volatility", "Sharpe", "Sortino")) {
            CompareView.MetricRow row = metrics.getItems().stream().filter(r -> r.metric().equals(perYear)).findFirst().orElseThrow();
            assertThat(row.values()).as(perYear).containsExactly("n/a", "n/a");
        }
        CompareView.MetricRow cagr = metrics.getItems().stream().filter(r -> r.metric().equals("CAGR")).findFirst().orElseThrow();
        assertThat(cagr.tips().getFirst()).startsWith("Needs at least 1 year of history (has ").endsWith("days); total return shown.");
        assertThat(volatility.tips().getFirst()).startsWith("Needs at least 60 daily returns (has ");
        assertThat(twr.values()).noneMatch(v -> v.equals("n/a"));
        assertThat(robot.lookup("#compare-short-history").queryLabeled().getText()).isEqualTo(CompareView.SHORT_HISTORY_NOTE);
        ui.until("the table's cells", () -> robot.lookup("#compare-metrics .table-cell").queryAll().stream()
                .anyMatch(c -> "n/a".equals(((javafx.scene.control.TableCell<?, ?>) c).getText())));
        javafx.scene.control.TableCell<?, ?> shown = robot.lookup("#compare-metrics .table-cell").queryAll().stream()
                .map(c -> (javafx.scene.control.TableCell<?, ?>) c).filter(c -> "n/a".equals(c.getText())).findFirst().orElseThrow();
        assertThat(shown.getTooltip()).as("the n/a cell explains itself").isNotNull();
        assertThat(shown.getTooltip().getText()).contains("total return shown");
        assertThat(drawdown.values()).as("two and a half weeks of trading have drawdowns").doesNotContain("none");
        CompareView.MetricRow end = metrics.getItems().stream().filter(r -> r.metric().equals("End equity")).findFirst().orElseThrow();
        assertThat(end.values().getFirst()).isEqualTo(lastEquity(new AccountId("account-1")));
        ui.until("the charts are drawn", () -> growth.drawnPoints() > 0 && drawdowns.drawnPoints() > 0);
        ui.screenshot(growth.getScene(), "compare-two-accounts");
        robot.interact(() -> robot.lookup("#compare-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        ui.screenshot(growth.getScene(), "compare-two-accounts-drawdown");

        @SuppressWarnings("unchecked")
        ListView<CompareViewModel.Choice> list = robot.lookup("#compare-accounts").queryAs(ListView.class);
        robot.interact(() -> list.getItems().get(1).checkedProperty().set(false));
        ui.until("the hint", () -> robot.lookup("#compare-message").queryLabeled().getText().equals(CompareViewModel.PICK_TWO));
        assertThat(growth.lines()).isEmpty();
        robot.interact(() -> ((Stage) growth.getScene().getWindow()).close());
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.2f%%", fraction * 100);
    }

    /** Daily (sum of equity - sum of flows) / previous sum of equity, chained: written here, not taken from analytics. */
    private static double independentTwr(AccountId id) {
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (EquitySnapshot s : fixture.services.ledgers().forAccount(id).snapshots()) {
            long[] v = byDay.computeIfAbsent(s.day(), d -> new long[2]);
            v[0] += s.equity().cents();
            v[1] += s.flow().cents();
        }
        List<long[]> days = List.copyOf(byDay.values());
        double growth = 1;
        for (int i = 1; i < days.size(); i++) {
            growth *= (days.get(i)[0] - days.get(i)[1]) / (double) days.get(i - 1)[0];
        }
        return growth - 1;
    }

    private static String lastEquity(AccountId id) {
        List<EquitySnapshot> snaps = fixture.services.ledgers().forAccount(id).snapshots();
        LocalDate last = snaps.getLast().day();
        return io.alluse.domain.Money.ofCents(snaps.stream().filter(s -> s.day().equals(last)).mapToLong(s -> s.equity().cents()).sum()).formatWhole();
    }
}
