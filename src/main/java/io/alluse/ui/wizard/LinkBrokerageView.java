package io.alluse.ui.wizard;

import atlantafx.base.theme.Styles;
import io.alluse.domain.Account;
import io.alluse.domain.Money;
import io.alluse.ui.WorkstationServices;
import io.alluse.ui.common.Dialogs;
import io.alluse.ui.common.UiExecutor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** "Link brokerage…" for a fork that waits for its brokerage account: what to do, the wizard's brokerage step, and Link. */
public final class LinkBrokerageView extends BorderPane {

    private final BrokerStepView step;

    public LinkBrokerageView(LinkBrokerageViewModel model) {
        setId("link-brokerage");
        Account a = model.account();
        Label title = new Label("Link " + a.name() + " (" + a.id() + ") to its brokerage account");
        title.getStyleClass().add(Styles.TITLE_4);
        Label amount = new Label("Transfer " + model.amount().format() + " into it", new FontIcon(Material2OutlinedAL.ACCOUNT_BALANCE));
        amount.setId("link-amount");
        amount.getStyleClass().add(Styles.TEXT_BOLD);
        Label instructions = new Label(model.instructions());
        instructions.setId("link-instructions");
        instructions.setWrapText(true);
        instructions.setMaxWidth(660);
        instructions.getStyleClass().add(Styles.TEXT_MUTED);
        step = new BrokerStepView(model.wizard());
        VBox body = new VBox(14, title, amount, instructions, step);
        body.setPadding(new Insets(20, 24, 16, 24));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        Label problem = new Label();
        problem.setId("link-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.linkingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("link-cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.linkingProperty());
        cancel.setOnAction(e -> getScene().getWindow().hide());
        Button link = new Button("_Link account", new FontIcon(Material2OutlinedAL.LINK));
        link.setId("link-finish");
        link.setMnemonicParsing(true);
        link.setDefaultButton(true);
        link.getStyleClass().add(Styles.ACCENT);
        link.disableProperty().bind(model.canLinkProperty().not());
        link.setOnAction(e -> model.link());
        Label hint = new Label("Link is possible after a successful connection test.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.visibleProperty().bind(model.canLinkProperty().not().and(model.linkingProperty().not()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(10, problem, gap, hint, busy, cancel, link);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 24, 14, 24));
        buttons.getStyleClass().add("wizard-buttons");
        setBottom(buttons);
    }

    /**
     * Opens the dialog over {@code owner}; {@code onLinked} hears of the account once it is linked
     * (and managed). Cancel changes nothing.
     */
    public static Stage open(Window owner, WorkstationServices services, UiExecutor executor, Account account, Money amount, String instructions,
                             Consumer<Account> onLinked) {
        LinkBrokerageViewModel model = new LinkBrokerageViewModel(services.accounts(), services.engine(), executor, account, amount, instructions);
        Stage stage = Dialogs.modal(owner, "Link brokerage account", new LinkBrokerageView(model), 860, 700);
        stage.setOnCloseRequest(e -> {
            if (model.linkingProperty().get()) {
                e.consume();
            }
        });
        model.linkedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                stage.close();
                onLinked.accept(now);
            }
        });
        stage.show();
        return stage;
    }
}
