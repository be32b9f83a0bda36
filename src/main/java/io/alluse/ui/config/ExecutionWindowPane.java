package io.alluse.ui.config;

import atlantafx.base.theme.Styles;
import io.alluse.ui.common.FieldMessages;
import io.alluse.ui.common.Form;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Start and end of the account's trading window, the overlap choice, and the other accounts' windows. */
public final class ExecutionWindowPane extends VBox {

    private final TextField start;

    public ExecutionWindowPane(ConfigForm form, FieldMessages messages) {
        getStyleClass().add("execution-window-pane");
        setSpacing(14);
        Form f = new Form(messages);
        start = f.text("Window _start", "window.start", form.windowStartProperty(), 6, "HH:MM New York time, 09:30 to 15:55",
                "When the account may begin placing orders each trading day, in New York time.");
        f.text("Window _end", "window.end", form.windowEndProperty(), 6, "HH:MM, at least 5 minutes after the start, by 16:00",
                "When the account stops placing orders, in New York time.");
        Button suggested = new Button();
        suggested.setId("use-suggested-window");
        suggested.setMnemonicParsing(true);
        suggested.setGraphic(new FontIcon(Material2OutlinedMZ.SCHEDULE));
        suggested.getStyleClass().add(Styles.FLAT);
        suggested.setOnAction(e -> form.useSuggestedWindow());
        Runnable label = () -> suggested.setText("_Use the next free window, " + form.suggestedWindow());
        form.otherWindowsProperty().addListener(o -> label.run());
        label.run();

        CheckBox overlap = new CheckBox("Allow _overlap with other accounts' windows");
        overlap.setId("field-allowOverlap");
        overlap.setMnemonicParsing(true);
        overlap.selectedProperty().bindBidirectional(form.allowOverlapProperty());
        overlap.setTooltip(Form.tooltip("Windows are staggered by default so that the accounts' orders reach the market at different times. "
                + "Tick this to let this account trade while another one does."));
        // below the form rather than in its input column, which they would widen
        VBox choices = new VBox(10, suggested, overlap, Form.messageLabel(messages, "window"));

        Label others = new Label();
        others.setId("other-windows");
        others.setWrapText(true);
        others.getStyleClass().add(Styles.TEXT_MUTED);
        others.setGraphic(new FontIcon(Material2OutlinedAL.INFO));
        Runnable note = () -> others.setText(form.otherWindowsText());
        form.otherWindowsProperty().addListener(o -> note.run());
        note.run();

        getChildren().addAll(f, choices, others);
    }

    public Node initialFocus() {
        return start;
    }
}
