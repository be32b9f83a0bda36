package io.alluse.ui.drilldown;

import io.alluse.analytics.metrics.Annualised;
import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.trades.TradeStatistics;
import io.alluse.domain.Money;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One sleeve: its figures and metrics, premium collected per week, and its positions. */
final class SleeveView extends TabPane {

    static final int WEEKS_SHOWN = 26;
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT);

    SleeveView(SleeveDetail d) {
        setId("drill-sleeve");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        Tab overview = new Tab("Overview", overview(d));
        overview.setId("tab-sleeve-overview");
        Tab positions = new Tab("Positions (" + d.positions().size() + ")", AccountView.positions(d.positions(), "sleeve-positions"));
        positions.setId("tab-sleeve-positions");
        getTabs().addAll(overview, positions);
    }

    private static ScrollPane overview(SleeveDetail d) {
        Totals t = d.totals();
        TradeStatistics trades = d.trades();
        FlowPane tiles = new FlowPane(10, 10,
                Widgets.stat("sleeve-equity", "Equity now", t.equity().formatWhole(), Widgets.Tone.PLAIN),
                Widgets.stat("sleeve-capital", "Capital (" + d.account().config().target(d.kind()) + " target)",
                        d.account().capital().of(d.kind()).formatWhole(), Widgets.Tone.PLAIN),
                Widgets.stat("sleeve-week", "Week P&L", Widgets.signed(t.weekPnl()), Widgets.Tone.of(t.weekPnl())),
                Widgets.stat("sleeve-premium", "Premium collected", d.premiumCollected().formatWhole(), Widgets.Tone.PLAIN),
                Widgets.stat("sleeve-cash", "Cash", t.cash().formatWhole(), Widgets.Tone.PLAIN));

        GridPane metrics = new GridPane();
        metrics.setId("sleeve-metrics");
        metrics.getStyleClass().add("metrics-grid");
        metrics.setHgap(16);
        metrics.setVgap(4);
        List<String[]> rows = new ArrayList<>();
        d.performance().ifPresentOrElse(p -> rows.addAll(metricRows(p)), () -> rows.add(new String[] {"Returns", "after the first close"}));
        rows.add(new String[] {"Closed trades", Integer.toString(trades.closedTrades())});
        rows.add(new String[] {"Win rate", rate(trades.winRate())});
        rows.add(new String[] {"Assignment rate", rate(trades.assignmentRate())});
        rows.add(new String[] {"Realized P&L", Widgets.signed(trades.realizedPnl())});
        rows.add(new String[] {"Unrealized P&L", Widgets.signed(trades.unrealizedPnl())});
        for (int i = 0; i < rows.size(); i++) {
            Label k = new Label(rows.get(i)[0]);
            k.getStyleClass().add("metric-key");
            Label v = new Label(rows.get(i)[1]);
            v.getStyleClass().add("metric-value");
            if (rows.get(i).length > 2) {
                Tooltip why = new Tooltip(rows.get(i)[2]);
                why.setWrapText(true);
                why.setMaxWidth(320);
                v.setTooltip(why);
                k.setTooltip(why);
            }
            v.setId("metric-" + rows.get(i)[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("-$", ""));
            metrics.addRow(i, k, v);
        }

        XYChart.Series<String, Number> premium = new XYChart.Series<>();
        premium.setName("Premium");
        List<Map.Entry<LocalDate, Money>> weeks = new ArrayList<>(d.premiumByWeek().entrySet());
        for (Map.Entry<LocalDate, Money> w : weeks.subList(Math.max(0, weeks.size() - WEEKS_SHOWN), weeks.size())) {
            premium.getData().add(new XYChart.Data<>(WEEK.format(w.getKey()), w.getValue().cents() / 100.0));
        }
        BarChart<String, Number> chart = Charts.bars("sleeve-premium-chart", "$ per week", List.of(premium));
        chart.setCategoryGap(Math.max(4, 40 - premium.getData().size()));
        VBox chartBox = new VBox(4, Widgets.heading("Premium collected per week"
                + (weeks.size() > WEEKS_SHOWN ? " (last " + WEEKS_SHOWN + ")" : "")), weeks.stream().allMatch(w -> w.getValue().isZero())
                ? Widgets.muted("No premium collected yet.") : chart);
        chartBox.setMinWidth(260);
        HBox.setHgrow(chartBox, Priority.ALWAYS);
        VBox metricsBox = new VBox(4, Widgets.heading("Metrics"), metrics);
        if (d.performance().filter(p -> p.cagr().isShortHistory() || p.volatility().isShortHistory()).isPresent()) {
            Label note = Widgets.muted("n/a: too little history to annualise (CAGR 1 year, volatility and Sharpe 60 daily returns). Hover for details.");
            note.setId("sleeve-short-history");
            note.setMaxWidth(260);
            metricsBox.getChildren().add(note);
        }
        HBox row = new HBox(20, metricsBox, chartBox);

        TimeChart equity = new TimeChart(TimeChart.Scale.MONEY, "No closes yet: the curve starts after the first trading day ends.");
        equity.setId("sleeve-equity-chart");
        equity.setPrefHeight(220);
        equity.setLines(d.series().map(s -> List.of(Charts.equity(d.kind().label(), s))).orElse(List.of()));
        VBox box = new VBox(10, tiles, row, Widgets.heading("Equity"), equity);
        box.setPadding(new Insets(12, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** {key, value} or {key, value, tooltip}; a figure per year gets a tooltip when it is missing, saying why. */
    static List<String[]> metricRows(Performance p) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Since", p.start().toString()});
        rows.add(new String[] {"Total return (TWR)", String.format(Locale.ROOT, "%+.2f%%", p.timeWeightedReturn() * 100),
                "Total time-weighted return since " + p.start() + ", not annualised; deposits and withdrawals excluded."});
        rows.add(annual("CAGR", p.cagr(), true));
        rows.add(new String[] {"Max drawdown", p.maxDrawdown().map(dd -> String.format(Locale.ROOT, "%.2f%%", -dd.depth() * 100)).orElse("none")});
        rows.add(annual("Volatility", p.volatility(), true));
        rows.add(annual("Sharpe", p.sharpe(), false));
        rows.add(new String[] {"Profit", Widgets.signed(p.profit())});
        return rows;
    }

    private static String[] annual(String key, Annualised a, boolean percent) {
        String value = Widgets.annual(a, percent);
        return Widgets.annualWhy(a).map(why -> new String[] {key, value, why}).orElseGet(() -> new String[] {key, value});
    }

    private static String rate(OptionalDouble v) {
        return v.isEmpty() ? "\u2014" : String.format(Locale.ROOT, "%.0f%%", v.getAsDouble() * 100);
    }
}
