package io.alluse.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * A form laid out as label, input and hint, with each field's validation message directly under
 * its input. Inputs get the ids {@link #fieldId} and messages {@link #messageId}, so tests and
 * screen readers find them by the validator's field key.
 */
public final class Form extends GridPane {

    /** Messages are full sentences; they wrap at this width rather than widening the form. */
    private static final double MESSAGE_WIDTH = 470;
    private static final Insets ROW_MARGIN = new Insets(8, 0, 0, 0);
    private static final Insets MESSAGE_MARGIN = new Insets(4, 0, 0, 0);

    private final FieldMessages messages;
    private int row;

    public Form(FieldMessages messages) {
        this.messages = messages;
        getStyleClass().add("form");
        setHgap(12);
        // spacing comes from row margins: an empty message row must not add a gap of its own
        setVgap(0);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints hints = new ColumnConstraints();
        hints.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(labels, inputs, hints);
    }

    /** {@code gen.deltaMin} -> {@code field-gen-deltaMin}: dots would read as CSS classes in a lookup. */
    public static String fieldId(String key) {
        return "field-" + key.replace('.', '-');
    }

    public static String messageId(String key) {
        return "msg-" + key.replace('.', '-');
    }

    /**
     * A text field bound both ways to {@code value}; {@code label} may carry a mnemonic
     * ({@code "Initial ca_pital"}). {@code hint} (may be null) sits to the right in muted text.
     */
    public TextField text(String label, String key, StringProperty value, int columns, String hint, String tooltip) {
        TextField field = textField(key, value, columns, tooltip);
        addRow(label(label, field, tooltip), field, hint);
        message(key);
        return field;
    }

    /** Two fields for a range on one line ({@code min to max}), each with its message underneath. */
    public TextField[] range(String label, String minKey, String maxKey, StringProperty min, StringProperty max,
                             int columns, String hint, String tooltip) {
        TextField from = textField(minKey, min, columns, tooltip);
        TextField to = textField(maxKey, max, columns, tooltip);
        Label dash = new Label("to");
        dash.getStyleClass().add("form-hint");
        HBox box = new HBox(8, from, dash, to);
        box.setAlignment(Pos.CENTER_LEFT);
        addRow(label(label, from, tooltip), box, hint);
        message(minKey);
        message(maxKey);
        return new TextField[] {from, to};
    }

    /** Any control on a row of its own, labelled (label may be null). */
    public void row(String label, Node control, String hint) {
        addRow(label == null ? null : label(label, control, null), control, hint);
    }

    private void addRow(Label label, Node control, String hint) {
        if (label != null) {
            GridPane.setMargin(label, ROW_MARGIN);
            add(label, 0, row);
        }
        // inputs keep the width their content needs instead of stretching to the widest one
        GridPane.setFillWidth(control, false);
        GridPane.setMargin(control, ROW_MARGIN);
        add(control, 1, row);
        if (hint != null) {
            Label h = hint(hint);
            h.setWrapText(true);
            h.setMinWidth(120);
            GridPane.setMargin(h, ROW_MARGIN);
            add(h, 2, row);
        }
        row++;
    }

    /** The message row of a field key that has no input of its own ({@code allocation}, {@code window}). */
    public Label message(String key) {
        Label msg = messageLabel(messages, key);
        GridPane.setMargin(msg, MESSAGE_MARGIN);
        add(msg, 1, row, 2, 1);
        GridPane.setValignment(msg, VPos.TOP);
        row++;
        return msg;
    }

    /** A red message with an icon that takes no space while the field is fine. */
    public static Label messageLabel(FieldMessages messages, String key) {
        Label msg = new Label();
        msg.setId(messageId(key));
        msg.getStyleClass().add("field-message");
        msg.setWrapText(true);
        msg.setPrefWidth(MESSAGE_WIDTH);
        msg.setMinHeight(Region.USE_PREF_SIZE);
        msg.setGraphic(new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
        msg.textProperty().bind(messages.message(key));
        msg.visibleProperty().bind(msg.textProperty().isNotEmpty());
        msg.managedProperty().bind(msg.visibleProperty());
        return msg;
    }

    /** Red border on {@code control} while {@code message} is not empty (AtlantaFX's danger state). */
    public static void markInvalid(Control control, ObservableStringValue message) {
        message.addListener((obs, old, now) -> control.pseudoClassStateChanged(Styles.STATE_DANGER, now != null && !now.isEmpty()));
        control.pseudoClassStateChanged(Styles.STATE_DANGER, message.get() != null && !message.get().isEmpty());
    }

    public static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(400));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    public static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("form-hint");
        return hint;
    }

    private TextField textField(String key, StringProperty value, int columns, String tooltip) {
        TextField field = new TextField();
        field.setId(fieldId(key));
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        if (tooltip != null) {
            field.setTooltip(tooltip(tooltip));
        }
        markInvalid(field, messages.message(key));
        return field;
    }

    private static Label label(String text, Node target, String tooltip) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.getStyleClass().add("form-label");
        if (tooltip != null) {
            l.setTooltip(tooltip(tooltip));
        }
        return l;
    }
}
