package io.alluse.ui.wizard;

import io.alluse.ui.common.Form;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Page 1: name, id and initial capital. */
final class BasicsStepView extends VBox {

    private final TextField name;

    BasicsStepView(AccountWizardViewModel model) {
        Form f = new Form(model.messages());
        name = f.text("Na_me", "name", model.nameProperty(), 22, "Shown in the portfolio tree, e.g. Account-3",
                "A display name of up to 40 characters; you can use spaces and punctuation.");
        f.text("Account _id", "id", model.idProperty(), 16, "Lower-case letters, digits and dashes; cannot be changed later",
                "The account's permanent id: it names the account in the ledger, in order ids and on the command line.");
        f.text("Initial ca_pital", "capital", model.capitalProperty(), 14, "US dollars \u00b7 default $500,000 \u00b7 500k or 1.5m work too",
                "What the brokerage account starts with; it is split between the sleeves by the allocation on a later page.");
        getChildren().add(f);
    }

    Node initialFocus() {
        return name;
    }
}
