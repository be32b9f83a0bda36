package io.alluse.ui.portfolio;

import io.alluse.domain.Account;
import io.alluse.domain.SleeveConfig;
import io.alluse.domain.SleeveDraft;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.StrategyParameters;
import io.alluse.domain.Symbol;
import io.alluse.ui.common.Formats;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** What the selected tree node is: totals for the portfolio, configuration for an account or sleeve. */
public final class SelectionSummaryView extends VBox {

    public SelectionSummaryView(PortfolioTreeViewModel model) {
        setId("selection-summary");
        getStyleClass().add("summary-pane");
        setPadding(new Insets(16));
        setSpacing(12);
        model.selectedProperty().addListener((obs, old, now) -> show(now, model));
        model.accountsProperty().addListener((obs, old, now) -> show(model.selectedProperty().get(), model));
        show(model.selectedProperty().get(), model);
    }

    private void show(PortfolioNode node, PortfolioTreeViewModel model) {
        getChildren().clear();
        switch (node) {
            case null -> getChildren().add(title("Portfolio"));
            case PortfolioNode.Portfolio ignored -> {
                PortfolioNode.Portfolio p = model.portfolio();
                getChildren().add(title("Portfolio"));
                GridPane g = grid();
                row(g, 0, "Accounts", Integer.toString(p.accounts()));
                row(g, 1, "Capital", Formats.moneyExact(p.capital()));
                for (SleeveKind kind : SleeveKind.values()) {
                    row(g, 2 + kind.ordinal(), "All " + kind.label() + "s", Formats.moneyExact(model.accountsProperty().get().stream()
                            .map(a -> a.capital().of(kind)).reduce(io.alluse.domain.Money.ZERO, io.alluse.domain.Money::plus)));
                }
                getChildren().add(g);
            }
            case PortfolioNode.AccountNode a -> account(a.account());
            case PortfolioNode.SleeveNode s -> sleeve(s.account(), s.kind());
        }
    }

    private void account(Account a) {
        getChildren().add(title(a.name() + "  ·  " + a.id()));
        GridPane g = grid();
        row(g, 0, "Status", a.status().name());
        row(g, 1, "Capital", Formats.moneyExact(a.totalCapital()) + "  (initial " + Formats.money(a.initialCapital()) + ")");
        row(g, 2, "Broker", a.broker().kind().label() + ", account " + a.broker().externalAccountId());
        row(g, 3, "Cash buffer", Formats.percent(a.config().cashBuffer()));
        row(g, 4, "Execution window", a.config().window() + " New York");
        int r = 5;
        for (SleeveConfig s : a.config().sleevesInOrder()) {
            row(g, r++, s.kind().label(), Formats.percent(s.target()) + " target, " + Formats.moneyExact(a.capital().of(s.kind()))
                    + ", deployable " + Formats.money(a.deployable(s.kind())));
        }
        getChildren().add(g);
    }

    private void sleeve(Account a, SleeveKind kind) {
        SleeveConfig s = a.config().sleeve(kind);
        StrategyParameters p = s.parameters();
        getChildren().add(title(a.name() + "  ·  " + kind.label() + " (" + kind.role() + ")"));
        GridPane g = grid();
        row(g, 0, "Capital", Formats.moneyExact(a.capital().of(kind)) + " at a " + Formats.percent(s.target()) + " target");
        row(g, 1, "Deployable", Formats.moneyExact(a.deployable(kind)) + " after the " + Formats.percent(a.config().cashBuffer()) + " buffer");
        row(g, 2, "Symbols", p.symbols().stream().map(Symbol::value).collect(Collectors.joining(", ")));
        row(g, 3, "Delta", p.delta().toString());
        row(g, 4, "Days to expiry", p.dte().toString());
        row(g, 5, "Entry days", p.entryDaysInOrder().stream().map(SleeveDraft::shortDay).collect(Collectors.joining(", ")));
        row(g, 6, "Premium floor", Formats.percent(p.premiumFloor()) + " of strike per week");
        row(g, 7, "Profit-take", p.profitTakeEnabled() ? Formats.percent(p.profitTake()) + " of premium" : "off");
        row(g, 8, "Per-symbol cap", Formats.percent(p.perSymbolCap()) + " of deployable cash");
        getChildren().add(g);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-3");
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(18);
        g.setVgap(6);
        g.getStyleClass().add("summary-grid");
        return g;
    }

    private static void row(GridPane g, int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("summary-key");
        Label v = new Label(value);
        v.getStyleClass().add("summary-value");
        g.addRow(row, k, v);
    }
}
