package io.alluse.ui.funds;

import atlantafx.base.theme.Styles;
import io.alluse.domain.Account;
import io.alluse.engine.Engine;
import io.alluse.engine.PaperBrokerages;
import io.alluse.ui.common.Dialogs;
import io.alluse.ui.common.Form;
import io.alluse.ui.common.UiExecutor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The small dialog for a deposit or withdrawal at the paper broker. */
public final class PaperTransferView extends VBox {

    private PaperTransferView(PaperTransferViewModel model, Runnable close, Consumer<String> done) {
        setId("paper-transfer");
        setPadding(new Insets(18));
        setSpacing(12);
        Account a = model.account();
        Label title = new Label("Deposit or withdraw at the paper broker");
        title.getStyleClass().add("title-4");
        Label intro = new Label("Moves money in " + a.name() + "'s paper brokerage account (" + a.broker().externalAccountId()
                + "), as you would at a real broker. The engine's sync then detects it, books it as an external cash flow "
                + "(not profit) and re-splits the sleeves to their targets.");
        intro.setWrapText(true);
        intro.getStyleClass().add("form-hint");

        ToggleGroup group = new ToggleGroup();
        RadioButton deposit = new RadioButton("_Deposit");
        deposit.setId("transfer-deposit");
        RadioButton withdraw = new RadioButton("_Withdraw");
        withdraw.setId("transfer-withdraw");
        deposit.setToggleGroup(group);
        withdraw.setToggleGroup(group);
        group.selectToggle(model.directionProperty().get() == PaperTransferViewModel.Direction.DEPOSIT ? deposit : withdraw);
        group.selectedToggleProperty().addListener((obs, old, now) -> model.directionProperty().set(
                now == withdraw ? PaperTransferViewModel.Direction.WITHDRAW : PaperTransferViewModel.Direction.DEPOSIT));

        Form form = new Form(model.messages());
        form.row("Direction", new HBox(16, deposit, withdraw), null);
        TextField amount = form.text("_Amount", "amount", model.amountProperty(), 12, "dollars, e.g. 25000, 25,000 or 25k",
                "How much to move at the broker");
        Label cash = new Label();
        cash.setId("transfer-broker-cash");
        cash.getStyleClass().add("form-hint");
        cash.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.brokerCashProperty().get()
                .map(c -> "Cash at the broker now: " + c.format()).orElse("Reading the broker\u2026"), model.brokerCashProperty()));
        form.row(null, cash, null);

        Label failure = new Label();
        failure.setId("transfer-failure");
        failure.getStyleClass().add(Styles.DANGER);
        failure.setWrapText(true);
        failure.textProperty().bind(model.failureProperty());
        failure.managedProperty().bind(failure.textProperty().isNotEmpty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.workingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("transfer-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Button apply = new Button();
        apply.setId("transfer-apply");
        apply.setDefaultButton(true);
        apply.getStyleClass().add(Styles.ACCENT);
        apply.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.directionProperty().get().label(),
                model.directionProperty()));
        apply.disableProperty().bind(model.validProperty().not().or(model.workingProperty()));
        apply.setOnAction(e -> model.apply(message -> {
            close.run();
            done.accept(message);
        }));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, busy, spacer, cancel, apply);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        getChildren().addAll(title, intro, form, failure, grow, buttons);
        amount.requestFocus();
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
            }
        });
    }

    /** Opens the dialog for {@code account}; {@code done} gets what to tell the user after it worked. */
    public static Stage open(Window owner, Account account, PaperBrokerages paper, Engine engine, UiExecutor executor, Consumer<String> done) {
        PaperTransferViewModel model = new PaperTransferViewModel(account, paper, engine, executor);
        Stage[] stage = new Stage[1];
        PaperTransferView view = new PaperTransferView(model, () -> stage[0].close(), done);
        stage[0] = Dialogs.modal(owner, "Deposit or withdraw \u2013 " + account.name(), view, 600, 400);
        stage[0].show();
        model.load();
        return stage[0];
    }
}
