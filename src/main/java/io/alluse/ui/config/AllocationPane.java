package io.alluse.ui.config;

import atlantafx.base.theme.Styles;
import io.alluse.domain.Defaults;
import io.alluse.domain.SleeveKind;
import io.alluse.ui.common.FieldMessages;
import io.alluse.ui.common.Form;
import io.alluse.ui.common.Formats;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * Default or custom split of the capital between the sleeves, the cash buffer, and what that
 * means in dollars as the user types (the wizard's allocation page and the dialog's first tab).
 */
public final class AllocationPane extends VBox {

    private final Map<SleeveKind, TextField> targets = new EnumMap<>(SleeveKind.class);
    private final Map<SleeveKind, Label[]> previewCells = new EnumMap<>(SleeveKind.class);
    private final Label totalTarget = new Label();
    private final Label totalCapital = new Label();
    private final Label totalDeployable = new Label();
    private final Label sum = new Label();
    private final RadioButton defaults = new RadioButton("Use the ALL-USE _defaults: " + defaultsText());
    private final RadioButton custom = new RadioButton("C_ustom allocation");

    public AllocationPane(ConfigForm form, FieldMessages messages) {
        getStyleClass().add("allocation-pane");
        setSpacing(14);
        ToggleGroup choice = new ToggleGroup();
        defaults.setToggleGroup(choice);
        custom.setToggleGroup(choice);
        defaults.setId("allocation-defaults");
        custom.setId("allocation-custom");
        defaults.setMnemonicParsing(true);
        custom.setMnemonicParsing(true);
        custom.setSelected(form.customAllocationProperty().get());
        defaults.setSelected(!form.customAllocationProperty().get());
        custom.selectedProperty().bindBidirectional(form.customAllocationProperty());
        form.customAllocationProperty().addListener((obs, old, now) -> defaults.setSelected(!now));
        VBox choices = new VBox(6, defaults, custom);

        Form fields = new Form(messages);
        for (SleeveKind kind : SleeveKind.values()) {
            String label = switch (kind) {
                case GEN -> "_Gen-Acc";
                case REV -> "_Rev-Acc";
                case COM -> "C_om-Acc";
            };
            TextField f = fields.text(label, kind.key() + ".target", form.sleeve(kind).targetProperty(), 5,
                    "% of the capital \u00b7 " + kind.role(), tooltip(kind));
            f.disableProperty().bind(form.customAllocationProperty().not());
            targets.put(kind, f);
        }
        fields.message("allocation");
        TextField buffer = fields.text("Cash bu_ffer", "cashBuffer", form.cashBufferProperty(), 5, "% every sleeve keeps back, 0 to 50",
                "Cash each sleeve holds back and never commits: deployable capital = sleeve capital x (100% - buffer).");
        buffer.disableProperty().bind(form.customAllocationProperty().not());

        Label previewTitle = new Label("What this means in dollars");
        previewTitle.getStyleClass().add(Styles.TITLE_4);
        sum.setId("allocation-sum");
        sum.getStyleClass().add("allocation-sum");

        getChildren().addAll(choices, fields, previewTitle, previewGrid(), sum);
        form.previewProperty().addListener((obs, old, now) -> show(now));
        show(form.previewProperty().get());
    }

    /** The first input, for the initial focus: the choice between defaults and custom. */
    public Node initialFocus() {
        return defaults.isSelected() ? defaults : targets.get(SleeveKind.GEN);
    }

    private GridPane previewGrid() {
        GridPane g = new GridPane();
        g.setId("allocation-preview");
        g.getStyleClass().add("preview-grid");
        g.setHgap(28);
        g.setVgap(4);
        for (int c = 0; c < 4; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
            cc.setMinWidth(c == 0 ? 90 : 100);
            g.getColumnConstraints().add(cc);
        }
        g.addRow(0, head("Sleeve"), head("Target"), head("Capital"), head("Deployable"));
        int r = 1;
        for (SleeveKind kind : SleeveKind.values()) {
            Label[] cells = {new Label(), new Label(), new Label()};
            for (Label cell : cells) {
                cell.getStyleClass().add("number");
            }
            cells[1].setId("preview-" + kind.key() + "-capital");
            cells[2].setId("preview-" + kind.key() + "-deployable");
            previewCells.put(kind, cells);
            g.addRow(r++, new Label(kind.label()), cells[0], cells[1], cells[2]);
        }
        javafx.scene.control.Separator rule = new javafx.scene.control.Separator();
        rule.getStyleClass().add("preview-rule");
        g.add(rule, 0, r++, 4, 1);
        Label total = new Label("Total");
        for (Label l : new Label[] {total, totalTarget, totalCapital, totalDeployable}) {
            l.getStyleClass().addAll("preview-total", Styles.TEXT_BOLD);
        }
        totalTarget.getStyleClass().add("number");
        totalCapital.getStyleClass().add("number");
        totalDeployable.getStyleClass().add("number");
        g.addRow(r, total, totalTarget, totalCapital, totalDeployable);
        return g;
    }

    private void show(AllocationPreview p) {
        for (AllocationPreview.Row row : p.rows()) {
            Label[] cells = previewCells.get(row.kind());
            cells[0].setText(row.target().map(Formats::percent).orElse("\u2013"));
            cells[1].setText(row.capital().map(Formats::money).orElse("\u2013"));
            cells[2].setText(row.deployable().map(Formats::money).orElse("\u2013"));
        }
        totalTarget.setText(p.sum().map(Formats::percent).orElse("\u2013"));
        totalCapital.setText(p.totalCapital().map(Formats::money).orElse("\u2013"));
        totalDeployable.setText(p.totalDeployable().map(Formats::money).orElse("\u2013"));
        sum.setText(p.sumText());
        boolean ok = p.sumIsHundred();
        sum.setGraphic(new FontIcon(ok ? Material2OutlinedAL.CHECK_CIRCLE_OUTLINE : Material2OutlinedAL.ERROR_OUTLINE));
        sum.pseudoClassStateChanged(Styles.STATE_SUCCESS, ok);
        sum.pseudoClassStateChanged(Styles.STATE_DANGER, !ok);
        totalTarget.pseudoClassStateChanged(Styles.STATE_DANGER, !ok && p.sum().isPresent());
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("preview-head");
        return l;
    }

    private static String tooltip(SleeveKind kind) {
        return switch (kind) {
            case GEN -> "Generator: weekly cash-secured puts, covered calls after assignment (the wheel). Default 40%.";
            case REV -> "Revenue: a weekly cash-secured-put wheel. Default 30%.";
            case COM -> "Compounding: shares and covered calls. Default 30%.";
        } + " The three sleeves must add up to 100%.";
    }

    /** "40% / 30% / 30%, 5% cash buffer". */
    private static String defaultsText() {
        return java.util.Arrays.stream(SleeveKind.values()).map(k -> Defaults.sleeve(k).target().toString())
                .collect(java.util.stream.Collectors.joining(" / ")) + ", " + Defaults.CASH_BUFFER + " cash buffer";
    }
}
