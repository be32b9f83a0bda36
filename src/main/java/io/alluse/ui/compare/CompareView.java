package io.alluse.ui.compare;

import io.alluse.analytics.metrics.Annualised;
import io.alluse.analytics.metrics.Performance;
import io.alluse.domain.AccountId;
import io.alluse.ui.common.UiExecutor;
import io.alluse.ui.drilldown.Charts;
import io.alluse.ui.drilldown.TimeChart;
import io.alluse.ui.drilldown.Widgets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Accounts side by side: normalised equity, metrics in columns, drawdowns. */
public final class CompareView extends BorderPane {

    private final TimeChart growth = new TimeChart(TimeChart.Scale.INDEX, "");
    private final TimeChart drawdowns = new TimeChart(TimeChart.Scale.PERCENT, "");
    private final TableView<MetricRow> metrics = new TableView<>();
    private final Label shortHistory = new Label();

    /**
     * One metric across the compared accounts.
     *
     * @param tips per account, why its value is missing ("" when it has one, or for figures that are never missing)
     */
    record MetricRow(String metric, List<String> values, List<String> tips) {

        MetricRow(String metric, List<String> values) {
            this(metric, values, values.stream().map(v -> "").toList());
        }
    }

    public CompareView(CompareViewModel model) {
        setId("compare-view");
        getStylesheets().add(Widgets.CSS);
        ListView<CompareViewModel.Choice> list = new ListView<>(model.choices());
        list.setId("compare-accounts");
        list.setCellFactory(CheckBoxListCell.forListView(CompareViewModel.Choice::checkedProperty));
        Label pick = new Label("Accounts");
        pick.getStyleClass().add("drill-heading");
        VBox left = new VBox(6, pick, list);
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        left.setPadding(new Insets(12));
        left.setMinWidth(180);

        Label title = new Label("Compare accounts");
        title.getStyleClass().add("title-3");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.loadingProperty());
        Label message = new Label();
        message.setId("compare-message");
        message.getStyleClass().add("drill-muted");
        message.textProperty().bind(model.messageProperty());

        growth.setId("compare-growth");
        drawdowns.setId("compare-drawdowns");
        drawdowns.setZeroLine(true);
        drawdowns.setPrefHeight(200);
        metrics.setId("compare-metrics");
        metrics.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        metrics.setFixedCellSize(26);
        metrics.setPrefHeight(26 * 11 + 48);
        metrics.setMinHeight(26 * 11 + 48);
        metrics.setPlaceholder(new Label(""));

        Label growthNote = new Label();
        growthNote.getStyleClass().add("drill-muted");
        VBox right = new VBox(8, new HBox(12, title, busy), message, heading("Equity, normalised (time-weighted, 100 at the common start)"),
                growthNote, growth, heading("Metrics from the common start"), metrics, shortHistory, heading("Drawdown"), drawdowns);
        shortHistory.setId("compare-short-history");
        shortHistory.getStyleClass().add("drill-muted");
        shortHistory.setWrapText(true);
        shortHistory.managedProperty().bind(shortHistory.visibleProperty());
        right.setPadding(new Insets(12, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setId("compare-scroll");
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, scroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(left, false);
        setCenter(split);

        model.resultProperty().addListener((obs, old, now) -> {
            show(now);
            growthNote.setText(now == null || now.compared().isEmpty() ? "" : "Common start: " + now.start() + ". Deposits and withdrawals do not move these lines.");
        });
        show(model.resultProperty().get());
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("drill-heading");
        return l;
    }

    private void show(CompareData.Result r) {
        List<CompareData.Entry> entries = r == null ? List.of() : r.compared();
        growth.setLines(entries.stream().map(e -> Charts.curve(e.name(), e.growth())).toList());
        drawdowns.setLines(entries.stream().map(e -> Charts.curve(e.name(), e.drawdown())).toList());
        metrics.getColumns().clear();
        TableColumn<MetricRow, String> name = new TableColumn<>("Metric");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().metric()));
        name.setPrefWidth(170);
        metrics.getColumns().add(name);
        for (int i = 0; i < entries.size(); i++) {
            int k = i;
            TableColumn<MetricRow, String> col = new TableColumn<>(entries.get(i).name());
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().values().get(k)));
            col.setCellFactory(c -> new ExplainedCell(k));
            col.getStyleClass().add("number-column");
            col.setPrefWidth(130);
            metrics.getColumns().add(col);
        }
        List<MetricRow> rows = rows(entries);
        metrics.setItems(FXCollections.observableArrayList(rows));
        boolean anyShort = entries.stream().map(CompareData.Entry::performance)
                .anyMatch(p -> p.cagr().isShortHistory() || p.volatility().isShortHistory());
        shortHistory.setVisible(anyShort);
        shortHistory.setText(anyShort ? SHORT_HISTORY_NOTE : "");
    }

    /** Under a table with n/a in it: tooltips need a mouse, this line does not. */
    static final String SHORT_HISTORY_NOTE = "n/a: too little history to annualise. CAGR and IRR need 1 year, volatility, Sharpe and Sortino "
            + "60 daily returns; the total return covers the period. Hover a value for details.";

    static List<MetricRow> rows(List<CompareData.Entry> entries) {
        List<MetricRow> rows = new ArrayList<>();
        rows.add(row(entries, "Start equity", p -> p.startEquity().formatWhole()));
        rows.add(row(entries, "End equity", p -> p.endEquity().formatWhole()));
        rows.add(row(entries, "Net deposits", p -> p.netFlows().formatWhole()));
        rows.add(row(entries, "Profit", p -> (p.profit().isNegative() ? "" : "+") + p.profit().formatWhole()));
        rows.add(row(entries, "Total return (TWR)", p -> String.format(Locale.ROOT, "%+.2f%%", p.timeWeightedReturn() * 100)));
        rows.add(annual(entries, "CAGR", Performance::cagr, true));
        rows.add(annual(entries, "Money-weighted (IRR)", Performance::moneyWeightedReturn, true));
        rows.add(row(entries, "Max drawdown", p -> p.maxDrawdown().map(d -> String.format(Locale.ROOT, "%.2f%%", -d.depth() * 100)).orElse("none")));
        rows.add(annual(entries, "Volatility", Performance::volatility, true));
        rows.add(annual(entries, "Sharpe", Performance::sharpe, false));
        rows.add(annual(entries, "Sortino", Performance::sortino, false));
        return rows;
    }

    private static MetricRow row(List<CompareData.Entry> entries, String metric, Function<Performance, String> value) {
        return new MetricRow(metric, entries.stream().map(e -> value.apply(e.performance())).toList());
    }

    private static MetricRow annual(List<CompareData.Entry> entries, String metric, Function<Performance, Annualised> figure, boolean percent) {
        List<Annualised> figures = entries.stream().map(e -> figure.apply(e.performance())).toList();
        return new MetricRow(metric, figures.stream().map(a -> Widgets.annual(a, percent)).toList(),
                figures.stream().map(a -> Widgets.annualWhy(a).orElse("")).toList());
    }

    /** A value cell that explains a missing figure in its tooltip. */
    private static final class ExplainedCell extends TableCell<MetricRow, String> {
        private final int column;

        ExplainedCell(int column) {
            this.column = column;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            int i = getIndex();
            String tip = empty || getTableView() == null || i < 0 || i >= getTableView().getItems().size() ? ""
                    : getTableView().getItems().get(i).tips().get(column);
            setTooltip(tip.isEmpty() ? null : new Tooltip(tip));
        }
    }

    /** Opens the compare window over {@code owner}, with {@code preselected} checked (or all of a few accounts). */
    public static Stage open(Window owner, CompareData data, UiExecutor executor, Set<AccountId> preselected) {
        CompareViewModel model = new CompareViewModel(data, executor);
        CompareView view = new CompareView(model);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Compare accounts");
        Scene scene = new Scene(view, 1100, 760);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        model.load(preselected);
        return stage;
    }
}
