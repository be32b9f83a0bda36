package io.alluse.ui.config;

import atlantafx.base.theme.Styles;
import io.alluse.domain.SleeveDraft;
import io.alluse.domain.SleeveKind;
import io.alluse.ui.common.FieldMessages;
import io.alluse.ui.common.Form;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * One tab per sleeve with its strategy parameters, each field with its default beside it and its
 * message under it; a tab whose sleeve has a problem carries an error icon.
 */
public final class SleeveParametersPane extends VBox {

    private final TabPane tabs = new TabPane();
    private final Map<SleeveKind, TextField> firstFields = new EnumMap<>(SleeveKind.class);

    public SleeveParametersPane(ConfigForm form, FieldMessages messages) {
        getStyleClass().add("sleeve-parameters-pane");
        tabs.setId("sleeve-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (SleeveKind kind : SleeveKind.values()) {
            Tab tab = new Tab(kind.label(), page(form, messages, kind));
            tab.setId("tab-" + kind.key());
            tabs.getTabs().add(tab);
            Runnable badge = () -> tab.setGraphic(messages.any(f -> f.startsWith(kind.key() + ".") && !f.endsWith(".target") || f.equals(kind.key()))
                    ? errorIcon() : null);
            messages.versionProperty().addListener(o -> badge.run());
            badge.run();
        }
        getChildren().add(tabs);
    }

    public Node initialFocus() {
        return firstFields.get(SleeveKind.values()[tabs.getSelectionModel().getSelectedIndex()]);
    }

    private Node page(ConfigForm form, FieldMessages messages, SleeveKind kind) {
        SleeveForm s = form.sleeve(kind);
        SleeveDraft d = ConfigForm.defaults(kind);
        Label role = new Label(kind.label() + " \u2013 " + kind.role() + ": " + describe(kind));
        role.getStyleClass().add(Styles.TEXT_MUTED);
        role.setWrapText(true);

        Form f = new Form(messages);
        TextField symbols = f.text("_Symbols", s.key("symbols"), s.symbolsProperty(), 16, "Default: " + d.symbols(),
                "Underlyings in order of preference, separated by commas, e.g. AAPL, MSFT.");
        firstFields.put(kind, symbols);
        f.range("_Delta", s.key("deltaMin"), s.key("deltaMax"), s.deltaMinProperty(), s.deltaMaxProperty(), 5,
                "Default: " + d.deltaMin() + " to " + d.deltaMax(),
                "Absolute delta of the options sold, strictly between 0 and 1 (0.30 is a 30-delta option). "
                        + "The strike whose delta is closest to the middle of the band is chosen.");
        f.range("Days to e_xpiry", s.key("dteMin"), s.key("dteMax"), s.dteMinProperty(), s.dteMaxProperty(), 5,
                "Default: " + d.dteMin() + " to " + d.dteMax(), "Calendar days from the trade to the option's expiry.");
        f.text("Entry da_ys", s.key("entryDays"), s.entryDaysProperty(), 12, "Default: " + d.entryDays(),
                "Days on which new positions may be opened: Mon, Tue, Wed, Thu, Fri, or a range such as Mon-Wed.");
        f.text("_Premium floor", s.key("premiumFloor"), s.premiumFloorProperty(), 5, "% of strike per week \u00b7 default " + d.premiumFloor(),
                "Least premium worth taking, as a share of the strike per week held. Below it the sleeve does not trade, and says so in the log.");
        f.text("Pro_fit-take", s.key("profitTake"), s.profitTakeProperty(), 5, "% of premium, 0 = off \u00b7 default " + d.profitTake(),
                "Buy the option back once this share of its premium is captured; 0 turns profit-taking off.");
        f.text("Per-symbo_l cap", s.key("perSymbolCap"), s.perSymbolCapProperty(), 5, "% of deployable cash \u00b7 default " + d.perSymbolCap(),
                "The largest share of the sleeve's deployable cash that one symbol may commit, to spread the risk.");
        Button reset = new Button("_Reset " + kind.label() + " to defaults", new FontIcon(Material2OutlinedMZ.RESTORE));
        reset.setMnemonicParsing(true);
        reset.setId("reset-" + kind.key());
        reset.getStyleClass().add(Styles.FLAT);
        reset.setOnAction(e -> form.resetParameters(kind));

        VBox page = new VBox(12, role, f, new HBox(reset));
        page.setPadding(new Insets(14, 4, 4, 4));
        return page;
    }

    private static String describe(SleeveKind kind) {
        return switch (kind) {
            case GEN -> "weekly cash-secured puts, covered calls after assignment.";
            case REV -> "a weekly cash-secured-put wheel.";
            case COM -> "shares and covered calls for long-term growth.";
        };
    }

    static FontIcon errorIcon() {
        FontIcon icon = new FontIcon(Material2OutlinedAL.ERROR_OUTLINE);
        icon.getStyleClass().add("tab-error-icon");
        return icon;
    }
}
