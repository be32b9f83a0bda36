package io.alluse.ui.drilldown;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.Position;
import io.alluse.engine.Marks;
import io.alluse.store.AccountLedger;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.portfolio.PortfolioNode;
import io.alluse.ui.shell.MainWindow;
import io.alluse.ui.shell.Themes;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
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
 * The drill-down over three weeks of real engine data (two paper accounts): every figure checked
 * here is recomputed from the ledger and the snapshots in the test, not read back from the view's own code.
 */
@ExtendWith(ApplicationExtension.class)
class DrillDownViewTest {

    static UiTestServices fixture;
    static final AccountId FIRST = new AccountId("account-1");
    static final AccountId SECOND = new AccountId("account-2");
    FxUiExecutor executor;
    MainWindow window;

    @BeforeAll
    static void weeksOfTrading() throws Exception {
        fixture = UiTestServices.twoAccountsAfter("drilldown-test", Duration.ofDays(24));
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
        Themes.apply(false);
    }

    @Test
    void portfolioThenAccountThenSleeveShowTheirOwnNumbers(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        TreeView<PortfolioNode> tree = treeWithBothAccounts(robot, ui);

        // portfolio: equity at the last close is the sum of every sleeve's last snapshot
        select(robot, tree.getRoot());
        String portfolioEquity = lastCloseEquity(List.of(FIRST, SECOND)).formatWhole();
        ui.until("the portfolio equity", () -> text(robot, "#portfolio-equity").equals(portfolioEquity));
        TimeChart portfolioChart = robot.lookup("#portfolio-equity-chart").queryAs(TimeChart.class);
        assertThat(portfolioChart.lines()).extracting(TimeChart.Line::name).containsExactly("Account-1", "Account-2");
        assertThat(portfolioChart.lines().getFirst().values()).hasSize(days(FIRST));
        ui.until("the chart is drawn", () -> portfolioChart.drawnPoints() > 0);
        assertThat(robot.lookup("#portfolio-recent").queryAs(TableView.class).getItems()).isNotEmpty();
        ui.screenshot(window.getScene(), "drilldown-portfolio");

        // account: live equity is cash plus every position at the engine's own marks
        select(robot, tree.getRoot().getChildren().getFirst());
        assertThat(text(robot, "#drill-title")).contains("Account-1");
        String accountEquity = liveEquity(FIRST, null).formatWhole();
        ui.until("the account equity", () -> robot.lookup("#account-equity").tryQuery().isPresent()
                && text(robot, "#account-equity").equals(accountEquity));
        AccountLedger ledger = fixture.services.ledgers().forAccount(FIRST);
        TimeChart equity = robot.lookup("#account-equity-chart").queryAs(TimeChart.class);
        assertThat(equity.lines()).extracting(TimeChart.Line::name).containsExactly("Account-1", "SPY (same start)");
        assertThat(equity.lines().get(1).values()[0]).isEqualTo(equity.lines().get(0).values()[0]);
        assertThat(text(robot, "#card-gen .card-value")).isEqualTo(fixture.services.accounts().get(FIRST).capital().of(SleeveKind.GEN).formatWhole());
        ui.until("the account chart is drawn", () -> equity.drawnPoints() > 0);
        ui.screenshot(window.getScene(), "drilldown-account");

        assertThat(table(robot, "#account-positions").getItems()).hasSize(ledger.positions().size()).isNotEmpty();
        assertThat(table(robot, "#account-orders").getItems()).hasSize(ledger.orders().size()).isNotEmpty();
        assertThat(table(robot, "#account-transactions").getItems()).hasSize(ledger.entries().size());
        assertThat(table(robot, "#account-audit").getItems()).hasSize(ledger.audit().size());
        selectAccountTab(robot, 1, "Positions");
        ui.screenshot(window.getScene(), "drilldown-account-positions");
        selectAccountTab(robot, 4, "Audit log");
        ui.screenshot(window.getScene(), "drilldown-account-audit");

        // sleeve (Com-Acc: shares and covered calls by now): its equity and the gross premium of its sell-to-open entries
        select(robot, tree.getRoot().getChildren().getFirst().getChildren().get(2));
        String sleeveEquity = liveEquity(FIRST, SleeveKind.COM).formatWhole();
        Money premium = ledger.entries().stream().filter(e -> e.sleeve() == SleeveKind.COM && e.kind() == EntryKind.SELL_TO_OPEN)
                .map(e -> e.amount()).reduce(Money.ZERO, Money::plus);
        ui.until("the sleeve equity", () -> robot.lookup("#sleeve-equity").tryQuery().isPresent()
                && text(robot, "#sleeve-equity").equals(sleeveEquity));
        assertThat(premium.isPositive()).as("three weeks of Com-Acc trading collected premium").isTrue();
        assertThat(text(robot, "#sleeve-premium")).isEqualTo(premium.formatWhole());
        assertThat(text(robot, "#metric-total-return-twr")).isEqualTo(String.format(Locale.ROOT, "%+.2f%%", independentTwr(FIRST, SleeveKind.COM) * 100));
        // the sleeve's metrics are the analytics service's, as a fresh service over the same database computes them
        io.alluse.analytics.metrics.Performance reference = new io.alluse.analytics.PortfolioAnalytics(
                new io.alluse.store.AccountRepository(fixture.database), new io.alluse.store.SnapshotRepository(fixture.database),
                fixture.services.ledgers()).report(io.alluse.analytics.PortfolioNode.sleeve(FIRST, SleeveKind.COM),
                new io.alluse.analytics.metrics.RiskFreeRate(fixture.market.riskFreeRate())).orElseThrow().performance();
        assertThat(text(robot, "#metric-max-drawdown")).isEqualTo(reference.maxDrawdown()
                .map(dd -> String.format(Locale.ROOT, "%.2f%%", -dd.depth() * 100)).orElse("none"));
        // three weeks: figures per year are n/a, with a tooltip that says why; the total return is shown
        assertThat(reference.volatility().isShortHistory()).isTrue();
        assertThat(text(robot, "#metric-volatility")).isEqualTo("n/a");
        assertThat(text(robot, "#metric-cagr")).isEqualTo("n/a");
        assertThat(text(robot, "#metric-sharpe")).isEqualTo("n/a");
        assertThat(robot.lookup("#metric-cagr").queryAs(javafx.scene.control.Label.class).getTooltip().getText())
                .startsWith("Needs at least 1 year of history").endsWith("total return shown.");
        assertThat(robot.lookup("#metric-sharpe").queryAs(javafx.scene.control.Label.class).getTooltip().getText())
                .startsWith("Needs at least 60 daily returns");
        assertThat(text(robot, "#sleeve-short-history")).startsWith("n/a: too little history to annualise");
        assertThat(table(robot, "#sleeve-positions").getItems()).hasSize((int) ledger.positions().stream()
                .filter(p -> p.sleeve() == SleeveKind.COM).count());
        ui.screenshot(window.getScene(), "drilldown-sleeve");
    }

    @Test
    void darkThemeKeepsTheDrillDownReadable(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        TreeView<PortfolioNode> tree = treeWithBothAccounts(robot, ui);
        robot.interact(() -> Themes.apply(true));
        select(robot, tree.getRoot().getChildren().get(1));
        ui.until("the account view", () -> robot.lookup("#account-equity-chart").tryQuery().isPresent());
        TimeChart equity = robot.lookup("#account-equity-chart").queryAs(TimeChart.class);
        ui.until("the chart is drawn", () -> equity.drawnPoints() > 0);
        Label caption = robot.lookup(".stat-caption").queryAs(Label.class);
        javafx.scene.paint.Color fg = (javafx.scene.paint.Color) caption.getTextFill();
        assertThat(fg.getBrightness()).as("captions are light on the dark background").isGreaterThan(0.5);
        ui.screenshot(window.getScene(), "drilldown-account-dark");
    }

    @Test
    void aPaperDepositShowsInTheAccountView(FxRobot robot) throws Exception {
        FxSteps ui = new FxSteps(robot);
        TreeView<PortfolioNode> tree = treeWithBothAccounts(robot, ui);
        Account before = fixture.services.accounts().get(SECOND);
        fixture.paper.desk(before).deposit(Money.ofDollars(100_000));
        fixture.engine.syncNow(SECOND).get();
        Money capital = fixture.services.accounts().get(SECOND).totalCapital();
        io.alluse.domain.ledger.BookedCashFlow booked = fixture.services.ledgers().forAccount(SECOND).cashFlows().getLast();
        assertThat(booked.flow().amount()).isEqualTo(Money.ofDollars(100_000));
        assertThat(booked.capitalAfter()).isEqualTo(capital);

        robot.interact(() -> window.portfolio().refresh());
        ui.until("the tree shows the new capital", () -> tree.getRoot().getChildren().get(1).getValue().capital().equals(capital));
        select(robot, tree.getRoot().getChildren().get(1));
        ui.until("the capital tile shows the deposit", () -> robot.lookup("#account-capital").tryQuery().isPresent()
                && text(robot, "#account-capital").equals(capital.formatWhole()));
        TableView<?> entries = table(robot, "#account-transactions");
        assertThat(entries.getItems()).anySatisfy(row -> {
            io.alluse.domain.ledger.LedgerEntry e = (io.alluse.domain.ledger.LedgerEntry) row;
            assertThat(e.kind()).isEqualTo(EntryKind.DEPOSIT);
            assertThat(e.at()).isAfter(fixture.clock.now().minusSeconds(3600));
        });
        selectAccountTab(robot, 3, "Transactions");
        ui.screenshot(window.getScene(), "drilldown-account-deposit");
    }

    /**
     * Every greek the positions table shows, recomputed with OpenGamma Strata's Black-Scholes (an
     * independent implementation) from the market's inputs: the quote's spot and volatility, the
     * simulation's rate and dividend yield, and the years to the expiry's closing bell counted here.
     * The table's text must be Strata's figure at the table's precision (half a unit of the last digit).
     */
    @Test
    void positionGreeksAreStrataGreeksAtTheDisplayedPrecision(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        TreeView<PortfolioNode> tree = treeWithBothAccounts(robot, ui);
        select(robot, tree.getRoot().getChildren().getFirst());
        ui.until("the account view", () -> robot.lookup("#account-positions").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<PositionRow> table = (TableView<PositionRow>) table(robot, "#account-positions");
        List<Position> positions = fixture.services.ledgers().forAccount(FIRST).positions();
        ui.until("every position listed", () -> table.getItems().size() == positions.size());

        io.alluse.market.sim.SimulationSettings settings = fixture.market.settings();
        java.time.Instant at = fixture.market.quoteTime();
        int options = 0;
        for (int row = 0; row < table.getItems().size(); row++) {
            PositionRow shown = table.getItems().get(row);
            Position p = positions.stream().filter(x -> x.instrument().code().equals(shown.instrument())).findFirst().orElseThrow();
            double[] expected;
            if (p.instrument() instanceof io.alluse.domain.OptionContract c) {
                options++;
                io.alluse.market.chain.OptionQuote quote = fixture.market.quote(c);
                double spot = quote.underlyingPrice();
                double vol = quote.impliedVolatility();
                double rate = settings.riskFreeRate();
                double yield = settings.profiles().stream().filter(x -> x.symbol().equals(c.underlying())).findFirst().orElseThrow().dividendYield();
                java.time.Instant bell = c.expiry().atTime(16, 0).atZone(io.alluse.market.calendar.ExchangeCalendar.NEW_YORK).toInstant();
                double years = Duration.between(at, bell).toMillis() / 1000.0 / (365 * 86_400.0);
                double strike = c.strike().toDouble();
                boolean call = c.right() == io.alluse.domain.OptionRight.CALL;
                double units = p.quantity() * 100.0;
                expected = new double[] {
                        units * com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository.delta(spot, strike, years, vol, rate, rate - yield, call),
                        units * com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository.gamma(spot, strike, years, vol, rate, rate - yield),
                        units * com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository.theta(spot, strike, years, vol, rate, rate - yield, call) / 365,
                        units * com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository.vega(spot, strike, years, vol, rate, rate - yield) / 100};
            } else {
                expected = new double[] {p.quantity(), 0, 0, 0};
            }
            String[] columns = {"Delta", "Gamma", "Theta/day", "Vega/pt"};
            int[] decimals = {1, 2, 0, 0};
            for (int g = 0; g < columns.length; g++) {
                String text = cell(table, columns[g], row);
                double displayed = Double.parseDouble(text.replace(",", ""));
                assertThat(displayed).as("%s of %s (shown %s, Strata %.6f)", columns[g], shown.instrument(), text, expected[g])
                        .isCloseTo(expected[g], org.assertj.core.api.Assertions.within(0.5 * Math.pow(10, -decimals[g]) + 1e-9 * Math.abs(expected[g])));
            }
        }
        assertThat(options).as("three weeks of trading leave short options open").isPositive();
    }

    private static String cell(TableView<PositionRow> table, String column, int row) {
        return table.getColumns().stream().filter(c -> c.getText().equals(column)).findFirst().orElseThrow()
                .getCellObservableValue(row).getValue().toString();
    }

    private static TreeView<PortfolioNode> treeWithBothAccounts(FxRobot robot, FxSteps ui) {
        @SuppressWarnings("unchecked")
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        ui.until("the tree lists both accounts", () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 2);
        return tree;
    }

    private static void select(FxRobot robot, TreeItem<PortfolioNode> item) {
        robot.interact(() -> item.getParent());
        robot.interact(() -> {
            if (item.getParent() != null) {
                item.getParent().setExpanded(true);
            }
        });
        @SuppressWarnings("unchecked")
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        robot.interact(() -> tree.getSelectionModel().select(item));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static TableView<?> table(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TableView.class);
    }

    private static int days(AccountId id) {
        return (int) fixture.services.ledgers().forAccount(id).snapshots().stream().map(EquitySnapshot::day).distinct().count();
    }

    /** Sum of every sleeve's equity on the latest snapshot day. */
    private static Money lastCloseEquity(List<AccountId> ids) {
        Money total = Money.ZERO;
        for (AccountId id : ids) {
            List<EquitySnapshot> snaps = fixture.services.ledgers().forAccount(id).snapshots();
            LocalDate last = snaps.getLast().day();
            total = total.plus(snaps.stream().filter(s -> s.day().equals(last)).map(EquitySnapshot::equity).reduce(Money.ZERO, Money::plus));
        }
        return total;
    }

    /** Cash from the ledger plus positions at {@link Marks}, the engine's valuation; one sleeve or all (null). */
    private static Money liveEquity(AccountId id, SleeveKind only) {
        LedgerState state = fixture.services.ledgers().forAccount(id).state();
        Marks marks = Marks.of(fixture.market);
        Money total = Money.ZERO;
        for (SleeveKind k : SleeveKind.values()) {
            if (only == null || only == k) {
                total = total.plus(state.cash().getOrDefault(k, Money.ZERO));
            }
        }
        for (Position p : state.positions()) {
            if (only == null || only == p.sleeve()) {
                total = total.plus(marks.unitValue(p.instrument(), Money.ZERO).times(p.quantity()));
            }
        }
        return total;
    }

    /** Product of the daily (equity - flow) / previous equity, written out here rather than taken from analytics. */
    private static double independentTwr(AccountId id, SleeveKind kind) {
        List<EquitySnapshot> snaps = fixture.services.ledgers().forAccount(id).snapshots().stream().filter(s -> s.sleeve() == kind).toList();
        double growth = 1;
        for (int i = 1; i < snaps.size(); i++) {
            growth *= (snaps.get(i).equity().cents() - snaps.get(i).flow().cents()) / (double) snaps.get(i - 1).equity().cents();
        }
        return growth - 1;
    }

    /**
     * Selects a tab of the account view shown now. Engine events rebuild the view (keeping the selected tab), so a
     * TabPane looked up earlier may no longer be on screen: selecting on it would change nothing visible.
     */
    private static void selectAccountTab(FxRobot robot, int index, String title) {
        String[] shown = new String[1];
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#drill-account").queryAs(TabPane.class);
            tabs.getSelectionModel().select(index);
            shown[0] = tabs.getSelectionModel().getSelectedItem().getText();
        });
        assertThat(shown[0]).startsWith(title);
    }
}
