package io.alluse.ui.drilldown;

import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The portfolio: totals, each account's equity, allocation by sleeve type, what runs next and what ran. */
final class PortfolioView extends VBox {

    PortfolioView(PortfolioDetail d) {
        setId("drill-portfolio");
        setSpacing(10);
        setPadding(new Insets(12, 16, 16, 16));
        Totals t = d.totals();
        FlowPane tiles = new FlowPane(10, 10,
                Widgets.stat("portfolio-equity", "Equity" + t.asOf().map(day -> " (close " + day + ")").orElse(""), t.equity().formatWhole(),
                        Widgets.Tone.PLAIN),
                Widgets.stat("portfolio-week", "Week P&L", Widgets.signed(t.weekPnl()), Widgets.Tone.of(t.weekPnl())),
                Widgets.stat("portfolio-ytd", "Year to date", Widgets.signed(t.ytdPnl()), Widgets.Tone.of(t.ytdPnl())),
                Widgets.stat("portfolio-cash", "Cash", t.cash().formatWhole(), Widgets.Tone.PLAIN),
                Widgets.stat("portfolio-accounts", "Accounts", Integer.toString(d.accounts()), Widgets.Tone.PLAIN));

        TimeChart equity = new TimeChart(TimeChart.Scale.MONEY, "No closes yet: equity appears after the first trading day ends.");
        equity.setId("portfolio-equity-chart");
        equity.setLines(d.equityByAccount().stream().map(c -> Charts.equity(c.name(), c.series())).toList());

        GridPane allocation = new GridPane();
        allocation.setId("portfolio-allocation");
        allocation.setHgap(10);
        allocation.setVgap(8);
        long total = d.bySleeveKind().values().stream().mapToLong(Money::cents).sum();
        int line = 0;
        for (SleeveKind k : SleeveKind.values()) {
            Money m = d.bySleeveKind().getOrDefault(k, Money.ZERO);
            double share = total == 0 ? 0 : (double) m.cents() / total;
            Label name = new Label(k.label());
            Region bar = new Region();
            bar.getStyleClass().addAll("allocation-bar", "allocation-bar-" + k.key());
            bar.setPrefSize(Math.max(2, 180 * share), 14);
            bar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            Label pct = new Label(Widgets.percent(share));
            pct.getStyleClass().add("number");
            Label dollars = new Label(m.formatWhole());
            dollars.getStyleClass().add("number");
            dollars.setId("allocation-" + k.key());
            allocation.addRow(line++, name, bar, pct, dollars);
        }
        ColumnConstraints barColumn = new ColumnConstraints(184);
        allocation.getColumnConstraints().addAll(new ColumnConstraints(), barColumn);
        allocation.setMinWidth(360);

        TableView<PortfolioDetail.UpcomingRun> upcoming = Widgets.table("portfolio-upcoming", "Nothing scheduled: the engine is not running.");
        Widgets.fill(upcoming, d.upcoming(),
                Widgets.text("When (NY)", 140, r -> Widgets.when(r.at())),
                Widgets.text("Account", 110, PortfolioDetail.UpcomingRun::name),
                Widgets.text("State", 90, PortfolioDetail.UpcomingRun::state));
        TableView<PortfolioDetail.RecentCycle> recent = Widgets.table("portfolio-recent", "No cycles in the last three weeks.");
        Widgets.fill(recent, d.recent(),
                Widgets.text("Day", 90, r -> r.day().toString()),
                Widgets.text("Account", 100, PortfolioDetail.RecentCycle::name),
                Widgets.text("Status", 80, r -> r.status().name().toLowerCase(java.util.Locale.ROOT)),
                Widgets.text("Summary", 220, PortfolioDetail.RecentCycle::summary));
        upcoming.setPrefHeight(200);
        recent.setPrefHeight(200);

        VBox allocationBox = new VBox(4, Widgets.heading("Allocation by sleeve type"), allocation);
        VBox upcomingBox = new VBox(4, Widgets.heading("Upcoming runs"), upcoming);
        HBox.setHgrow(upcomingBox, Priority.ALWAYS);
        HBox row = new HBox(16, allocationBox, upcomingBox);
        getChildren().addAll(tiles, Widgets.heading("Equity by account"), equity, row, Widgets.heading("Recent cycles"), recent);
        if (d.equityByAccount().size() > 1) {
            getChildren().add(2, Widgets.muted("Each line is one account's equity at the close, deposits included."));
        }
    }
}
