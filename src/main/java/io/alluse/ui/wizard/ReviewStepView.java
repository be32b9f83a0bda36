package io.alluse.ui.wizard;

import atlantafx.base.theme.Styles;
import io.alluse.domain.FieldError;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Page 6: everything in one summary, the dollar split and deployable cash per sleeve included. */
final class ReviewStepView extends VBox {

    private final AccountWizardViewModel model;

    ReviewStepView(AccountWizardViewModel model) {
        this.model = model;
        setId("review");
        setSpacing(14);
        model.reviewProperty().addListener((obs, old, now) -> show());
        show();
    }

    Node initialFocus() {
        return null;
    }

    private void show() {
        getChildren().clear();
        AccountReview review = model.reviewProperty().get();
        if (review == null) {
            Label none = new Label("The account cannot be created yet. Go back and fix:");
            none.getStyleClass().add(Styles.DANGER);
            getChildren().add(none);
            for (FieldError e : model.messages().errors()) {
                Label l = new Label(WizardStep.owner(e.field()).title() + ": " + e.message());
                l.setWrapText(true);
                l.getStyleClass().add("field-message");
                getChildren().add(l);
            }
            return;
        }
        for (AccountReview.Section section : review.sections()) {
            Label title = new Label(section.title());
            title.getStyleClass().add(Styles.TITLE_4);
            GridPane g = new GridPane();
            g.getStyleClass().add("review-grid");
            g.setHgap(18);
            g.setVgap(4);
            ColumnConstraints keys = new ColumnConstraints(150);
            g.getColumnConstraints().add(keys);
            int r = 0;
            for (AccountReview.Line line : section.lines()) {
                Label k = new Label(line.key());
                k.getStyleClass().add("summary-key");
                GridPane.setValignment(k, javafx.geometry.VPos.TOP);
                Label v = new Label(line.value());
                v.getStyleClass().add("summary-value");
                v.setWrapText(true);
                g.addRow(r++, k, v);
            }
            getChildren().add(new VBox(6, title, g));
        }
    }
}
