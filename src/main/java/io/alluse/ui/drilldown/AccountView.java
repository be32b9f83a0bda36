package io.alluse.ui.drilldown;

import io.alluse.domain.ledger.AuditEvent;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.OrderRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One account: overview (figures, equity against SPY, allocation, sleeves) and its ledger in tabs. */
final class AccountView extends TabPane {

    AccountView(AccountDetail d) {
        this(d, LineageActions.NONE);
    }

    AccountView(AccountDetail d, LineageActions actions) {
        setId("drill-account");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getTabs().addAll(
                tab("tab-overview", "Overview", overview(d, actions)),
                tab("tab-positions", "Positions (" + d.positions().size() + ")", positions(d.positions(), "account-positions")),
                tab("tab-orders", "Orders (" + d.orders().size() + ")", orders(d.orders())),
                tab("tab-transactions", "Transactions (" + d.entries().size() + ")", transactions(d.entries())),
                tab("tab-audit", "Audit log (" + d.audit().size() + ")", audit(d.audit())));
    }

    private static Tab tab(String id, String text, javafx.scene.Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
    }

    private static ScrollPane overview(AccountDetail d, LineageActions actions) {
        Totals t = d.totals();
        FlowPane tiles = new FlowPane(10, 10,
                Widgets.stat("account-equity", "Equity now", t.equity().formatWhole(), Widgets.Tone.PLAIN),
                Widgets.stat("account-week", "Week P&L" + t.asOf().map(day -> " (to " + day + ")").orElse(""), Widgets.signed(t.weekPnl()),
                        Widgets.Tone.of(t.weekPnl())),
                Widgets.stat("account-ytd", "Year to date", Widgets.signed(t.ytdPnl()), Widgets.Tone.of(t.ytdPnl())),
                Widgets.stat("account-cash", "Cash", t.cash().formatWhole(), Widgets.Tone.PLAIN),
                Widgets.stat("account-capital", "Capital (initial " + d.account().initialCapital().formatWhole() + ")",
                        d.account().totalCapital().formatWhole(), Widgets.Tone.PLAIN));

        TimeChart equity = new TimeChart(TimeChart.Scale.MONEY, "No closes yet: the curve starts after the first trading day ends.");
        equity.setId("account-equity-chart");
        List<TimeChart.Line> lines = new ArrayList<>();
        d.series().ifPresent(s -> {
            lines.add(Charts.equity(d.account().name(), s));
            d.benchmark().ifPresent(b -> {
                int[] days = new int[s.size()];
                for (int i = 0; i < days.length; i++) {
                    days[i] = s.epochDay(i);
                }
                lines.add(new TimeChart.Line(d.benchmarkName() + " (same start)", days, b, true));
            });
        });
        equity.setLines(lines);

        XYChart.Series<String, Number> actual = new XYChart.Series<>();
        actual.setName("Actual");
        XYChart.Series<String, Number> target = new XYChart.Series<>();
        target.setName("Target");
        for (AccountDetail.Allocation a : d.allocation()) {
            actual.getData().add(new XYChart.Data<>(a.kind().label(), a.actual() * 100));
            target.getData().add(new XYChart.Data<>(a.kind().label(), a.target() * 100));
        }
        var allocation = Charts.bars("account-allocation", "% of equity", List.of(actual, target));
        allocation.setPrefWidth(340);
        allocation.setMinWidth(280);

        FlowPane cards = new FlowPane(10, 10);
        for (AccountDetail.SleeveCard c : d.sleeves()) {
            cards.getChildren().add(card(c));
        }
        VBox cardsBox = new VBox(6, Widgets.heading("Sleeves"), cards);
        HBox.setHgrow(cardsBox, Priority.ALWAYS);
        HBox row = new HBox(16, new VBox(4, Widgets.heading("Allocation: actual vs target"), allocation), cardsBox);
        VBox box = new VBox(10, tiles, Widgets.heading("Equity and " + d.benchmarkName()), equity, row);
        if (!d.lineage().isEmpty()) {
            // a waiting account has nothing else to show yet: what to do goes first
            box.getChildren().add(d.lineage().waiting() ? 0 : 1, lineage(d.account(), d.lineage(), actions));
        }
        box.setPadding(new Insets(12, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** Forked from, its forks, merged into, and for a waiting fork the instructions with the Link button. */
    private static VBox lineage(io.alluse.domain.Account account, LineageDetail l, LineageActions actions) {
        VBox box = new VBox(6);
        box.setId("account-lineage");
        box.getStyleClass().add("lineage-section");
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(10, Widgets.heading("Lineage"), gap);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (!l.forks().isEmpty()) {
            javafx.scene.control.Button compare = new javafx.scene.control.Button("Compare with forks",
                    new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2OutlinedAL.COMPARE_ARROWS));
            compare.setId("lineage-compare");
            compare.setOnAction(e -> actions.compareWithForks(account.id()));
            head.getChildren().add(compare);
        }
        box.getChildren().add(head);
        if (l.waiting()) {
            Label title = new Label("Waiting for its brokerage account: transfer " + l.toTransfer().format(),
                    new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2OutlinedAL.HOURGLASS_EMPTY));
            title.setId("lineage-waiting");
            title.getStyleClass().add("lineage-waiting-title");
            Label what = new Label(l.instructions());
            what.setId("lineage-instructions");
            what.setWrapText(true);
            javafx.scene.control.Button link = new javafx.scene.control.Button("Link brokerage\u2026",
                    new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2OutlinedAL.LINK));
            link.setId("lineage-link");
            link.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
            link.setOnAction(e -> actions.linkBrokerage(account.id()));
            VBox callout = new VBox(6, title, what, link);
            callout.getStyleClass().add("lineage-callout");
            box.getChildren().add(callout);
        }
        l.forkedFrom().ifPresent(p -> box.getChildren().add(row("lineage-parent", "Forked from", p, actions,
                "on " + Widgets.when(p.at()) + " with " + p.amount().format())));
        for (LineageDetail.Link f : l.forks()) {
            box.getChildren().add(row("lineage-fork-" + f.id().value(), "Fork", f, actions,
                    Widgets.when(f.at()) + ", " + f.amount().format() + (f.note().isEmpty() ? "" : "  (" + f.note() + ")")));
        }
        l.mergedInto().ifPresent(m -> box.getChildren().add(row("lineage-merged", "Merged into", m, actions,
                "on " + Widgets.when(m.at()) + " with " + m.amount().format())));
        if (l.reserved().isPositive()) {
            Label reserved = Widgets.muted(l.reserved().format() + " of Gen-Acc is reserved, un-traded, for forks waiting for their brokerage account.");
            reserved.setId("lineage-reserved");
            box.getChildren().add(reserved);
        }
        return box;
    }

    private static HBox row(String id, String what, LineageDetail.Link link, LineageActions actions, String detail) {
        Label key = Widgets.muted(what);
        key.setMinWidth(90);
        javafx.scene.control.Hyperlink name = new javafx.scene.control.Hyperlink(link.name() + " (" + link.id() + ")");
        name.setId(id);
        name.setOnAction(e -> actions.show(link.id()));
        Label rest = new Label(detail);
        HBox row = new HBox(6, key, name, rest);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static VBox card(AccountDetail.SleeveCard c) {
        Label title = new Label(c.kind().label());
        title.getStyleClass().add("card-title");
        VBox box = new VBox(3, title,
                line("Capital", c.capital().formatWhole()),
                line("Equity", c.equity().formatWhole()),
                line("Return", c.timeWeightedReturn().map(r -> String.format(Locale.ROOT, "%+.2f%%", r * 100)).orElse("\u2014")),
                line("Open positions", Integer.toString(c.openPositions())),
                line("Last cycle", c.lastCycle().orElse("none yet")));
        box.setId("card-" + c.kind().key());
        box.getStyleClass().addAll("sleeve-card", "sleeve-card-" + c.kind().key());
        return box;
    }

    private static HBox line(String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("drill-muted");
        Label v = new Label(value);
        v.getStyleClass().add("card-value");
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        return new HBox(12, k, gap, v);
    }

    static TableView<PositionRow> positions(List<PositionRow> rows, String id) {
        TableView<PositionRow> t = Widgets.table(id, "No open positions.");
        return Widgets.fill(t, rows,
                Widgets.text("Sleeve", 82, r -> r.sleeve().label()),
                Widgets.text("Instrument", 200, r -> r.description() + (r.note().isEmpty() ? "" : "  (" + r.note() + ")")),
                Widgets.number("Qty", 60, r -> Long.toString(r.quantity())),
                Widgets.number("Price", 75, r -> Widgets.number(r.price(), 2)),
                Widgets.number("Value", 100, r -> r.marketValue().formatWhole()),
                Widgets.number("Cost", 100, r -> r.costBasis().formatWhole()),
                Widgets.number("Unrealized", 95, r -> Widgets.signed(r.unrealized())),
                Widgets.number("Delta", 80, r -> Widgets.number(r.delta(), 1)),
                Widgets.number("Gamma", 65, r -> Widgets.number(r.gamma(), 2)),
                Widgets.number("Theta/day", 75, r -> Widgets.number(r.thetaPerDay(), 0)),
                Widgets.number("Vega/pt", 70, r -> Widgets.number(r.vegaPerPoint(), 0)));
    }

    private static TableView<OrderRecord> orders(List<OrderRecord> rows) {
        TableView<OrderRecord> t = Widgets.table("account-orders", "No orders yet.");
        return Widgets.fill(t, rows.reversed(),
                Widgets.text("Created (NY)", 140, o -> Widgets.when(o.createdAt())),
                Widgets.text("Sleeve", 82, o -> o.sleeve().label()),
                Widgets.text("Side", 60, o -> o.side().name()),
                Widgets.text("Instrument", 180, o -> o.instrument().code()),
                Widgets.number("Qty", 50, o -> Long.toString(o.quantity())),
                Widgets.number("Limit", 70, o -> o.limitPrice().format()),
                Widgets.text("Status", 90, o -> o.status().name()),
                Widgets.number("Filled", 60, o -> Long.toString(o.filledQuantity())),
                Widgets.number("Avg fill", 70, o -> o.averageFillPrice().format()),
                Widgets.text("Client order id", 200, o -> o.clientOrderId().value()));
    }

    private static TableView<LedgerEntry> transactions(List<LedgerEntry> rows) {
        TableView<LedgerEntry> t = Widgets.table("account-transactions", "No transactions yet.");
        return Widgets.fill(t, rows.reversed(),
                Widgets.text("When (NY)", 140, e -> Widgets.when(e.at())),
                Widgets.text("Sleeve", 82, e -> e.sleeve().label()),
                Widgets.text("Kind", 110, e -> e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')),
                Widgets.text("Instrument", 170, LedgerEntry::instrument),
                Widgets.number("Qty", 60, e -> e.quantity() == 0 ? "" : Long.toString(e.quantity())),
                Widgets.number("Amount", 110, e -> e.amount().format()),
                Widgets.text("Memo", 260, LedgerEntry::memo));
    }

    private static TableView<AuditEvent> audit(List<AuditEvent> rows) {
        TableView<AuditEvent> t = Widgets.table("account-audit", "The audit log is empty.");
        return Widgets.fill(t, rows.reversed(),
                Widgets.text("When (NY)", 140, e -> Widgets.when(e.at())),
                Widgets.text("Kind", 110, e -> e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')),
                Widgets.text("What happened", 420, AuditEvent::summary),
                Widgets.text("Detail", 260, e -> e.detail().replace('\n', ' ')));
    }
}
