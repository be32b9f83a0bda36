package io.alluse.ui.wizard;

import atlantafx.base.theme.Styles;
import io.alluse.domain.BrokerKind;
import io.alluse.engine.ConnectionCheck;
import io.alluse.ui.common.Form;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Page 2: the broker, its settings, and the connection test with its details. */
final class BrokerStepView extends VBox {

    private final ComboBox<BrokerKind> kind = new ComboBox<>();
    private final StackPane settings = new StackPane();
    private final VBox result = new VBox(4);
    private final BrokerStepViewModel broker;
    private final AccountWizardViewModel model;

    BrokerStepView(AccountWizardViewModel model) {
        BrokerStepViewModel broker = model.broker();
        this.broker = broker;
        this.model = model;
        setSpacing(16);
        kind.setId("broker-kind");
        kind.setItems(FXCollections.observableArrayList(broker.kinds()));
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(BrokerKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public BrokerKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(broker.kindProperty());
        kind.setPrefWidth(280);
        kind.setTooltip(Form.tooltip("The brokerage this account trades in. Each account has its own brokerage account and credentials."));

        Form f = new Form(model.messages());
        f.row("Bro_kerage", kind, null);
        settings.setId("broker-settings");
        settings.setAlignment(Pos.TOP_LEFT);
        settings.getStyleClass().add("broker-settings");
        showSettings(broker.kindProperty().get());
        broker.kindProperty().addListener((obs, old, now) -> showSettings(now));

        Button test = new Button("_Test connection", new FontIcon(Material2OutlinedMZ.POWER));
        test.setId("test-connection");
        test.setMnemonicParsing(true);
        test.disableProperty().bind(broker.testingProperty());
        test.setOnAction(e -> broker.testConnection(model.idProperty().get()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(broker.testingProperty());
        Label testing = new Label("Testing\u2026");
        testing.visibleProperty().bind(broker.testingProperty());
        HBox actions = new HBox(10, test, spinner, testing);
        actions.setAlignment(Pos.CENTER_LEFT);

        result.setId("connection-result");
        result.getStyleClass().add("connection-result");
        showResult(broker.resultProperty().get());
        broker.resultProperty().addListener((obs, old, now) -> showResult(now));

        getChildren().addAll(f, settings, actions, result);
    }

    Node initialFocus() {
        return kind;
    }

    /** The settings area of each broker kind: nothing for paper; keys, the vault passphrase (if the vault file is in use) and the live confirmation for Alpaca. */
    private Node settingsFor(BrokerKind kind) {
        return switch (kind) {
            case PAPER -> {
                Label note = new Label("The built-in paper broker needs no settings. It opens a simulated brokerage account holding "
                        + "the initial capital, fills orders at the mid price with the configured slippage, and processes "
                        + "expirations and assignments. Nothing leaves this computer.");
                note.setWrapText(true);
                note.setMaxWidth(620);
                note.getStyleClass().add(Styles.TEXT_MUTED);
                yield note;
            }
            case ALPACA_PAPER, ALPACA_LIVE -> alpacaSettings(kind);
        };
    }

    private Node alpacaSettings(BrokerKind kind) {
        Form f = new Form(model.messages());
        // both masked: a key id is half of the credential and screens get shared
        PasswordField keyId = new PasswordField();
        keyId.setId("alpaca-key-id");
        keyId.setPrefColumnCount(22);
        keyId.textProperty().bindBidirectional(broker.keyIdProperty());
        f.row("API _key id", keyId, "Alpaca dashboard, API keys (" + (kind.isLive() ? "live" : "paper") + ")");
        PasswordField secret = new PasswordField();
        secret.setId("alpaca-secret");
        secret.setPrefColumnCount(22);
        secret.textProperty().bindBidirectional(broker.secretKeyProperty());
        f.row("_Secret key", secret, "Shown once by Alpaca");
        Label vault = new Label();
        vault.setId("vault-state");
        vault.setWrapText(true);
        vault.setMaxWidth(620);
        if (broker.usesVault()) {
            PasswordField passphrase = new PasswordField();
            passphrase.setId("vault-passphrase");
            passphrase.setPrefColumnCount(22);
            passphrase.textProperty().bindBidirectional(broker.passphraseProperty());
            passphrase.disableProperty().bind(broker.vaultLockedProperty().not());
            f.row("_Vault passphrase", passphrase, null);
            vault.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> !broker.vaultLockedProperty().get()
                            ? "The credential vault is open for this session: the keys will be stored encrypted in it. "
                            + "The strategies price this account from Alpaca's own option quotes."
                            : broker.vaultExistsProperty().get()
                            ? "Enter the passphrase of your credential vault (asked once per session); the keys are stored encrypted under it."
                            : "Choose a passphrase (at least " + io.alluse.secrets.SecretVault.MIN_PASSPHRASE + " characters) for the new "
                            + "credential vault. The keys are stored encrypted under it; it cannot be recovered.",
                    broker.vaultLockedProperty(), broker.vaultExistsProperty()));
        } else {
            // the OS keychain: it is unlocked with the user's login, so there is no passphrase of ours
            vault.setText("The keys will be stored in " + broker.credentialsWhere() + ", which your operating system keeps "
                    + "encrypted and unlocks with your login. The strategies price this account from Alpaca's own option quotes.");
        }
        VBox box = new VBox(10, f, vault);
        if (kind.isLive()) {
            CheckBox confirm = new CheckBox("I understand that this account trades REAL MONEY at Alpaca.");
            confirm.setId("alpaca-live-confirm");
            confirm.selectedProperty().bindBidirectional(broker.liveConfirmedProperty());
            confirm.getStyleClass().add(Styles.DANGER);
            box.getChildren().add(confirm);
        }
        return box;
    }

    private void showSettings(BrokerKind k) {
        settings.getChildren().setAll(k == null ? new Label() : settingsFor(k));
    }

    private void showResult(ConnectionCheck check) {
        result.getChildren().clear();
        result.pseudoClassStateChanged(Styles.STATE_SUCCESS, check != null && check.ok());
        result.pseudoClassStateChanged(Styles.STATE_DANGER, check != null && !check.ok());
        result.setVisible(check != null);
        if (check == null) {
            return;
        }
        Label summary = new Label(check.summary(),
                new FontIcon(check.ok() ? Material2OutlinedAL.CHECK_CIRCLE_OUTLINE : Material2OutlinedAL.ERROR_OUTLINE));
        summary.setId("connection-summary");
        summary.getStyleClass().addAll("connection-summary", Styles.TEXT_BOLD);
        result.getChildren().add(summary);
        for (String detail : check.details()) {
            Label d = new Label(detail);
            d.setWrapText(true);
            d.getStyleClass().add("connection-detail");
            result.getChildren().add(d);
        }
    }
}
