package io.alluse.ui.secrets;

import io.alluse.ui.WorkstationServices;
import io.alluse.ui.common.Dialogs;
import io.alluse.ui.common.UiExecutor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Asks for the credential vault's passphrase so that the Alpaca accounts can trade again after a
 * restart. Offered once at start-up when it is needed, and from File -> Unlock credential vault.
 */
public final class UnlockVaultDialog {

    static final String STILL_LOCKED = "Credential vault still locked: the Alpaca accounts stay in error until you unlock it "
            + "(File \u2192 Unlock credential vault\u2026).";

    private final VaultUnlockViewModel model;
    private final Stage stage;
    private final Consumer<String> status;

    private UnlockVaultDialog(Window owner, VaultUnlockViewModel model, Consumer<String> status) {
        this.model = model;
        this.status = status;
        this.stage = Dialogs.modal(owner, "Unlock credential vault", content(), 520, 260);
        stage.setMinWidth(480);
        stage.setMinHeight(240);
        stage.setOnCloseRequest(e -> cancelled());
    }

    /**
     * The start-up offer: once the main window is showing, opens the dialog if the vault exists, is
     * locked and an account that is not closed trades at Alpaca. {@code status} receives one line
     * for the status bar about the outcome.
     */
    public static void offerAtStartup(Node inMainWindow, WorkstationServices services, UiExecutor executor, Consumer<String> status) {
        inMainWindow.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.windowProperty().subscribe(window -> {
                    if (window != null) {
                        whenShown(window, () -> {
                            if (VaultUnlockViewModel.neededAtStart(services.accounts())) {
                                open(window, services, executor, status);
                            }
                        });
                    }
                });
            }
        });
    }

    private static void whenShown(Window window, Runnable action) {
        boolean[] done = new boolean[1];
        window.showingProperty().subscribe(showing -> {
            if (showing && !done[0]) {
                done[0] = true;
                // after the first layout, so that the dialog sits over a drawn main window
                Platform.runLater(action);
            }
        });
    }

    /** File -> Unlock credential vault…: shown only when the vault file is the credential store, enabled while it is locked. */
    public static MenuItem menuItem(Supplier<Window> owner, WorkstationServices services, UiExecutor executor, Consumer<String> status) {
        MenuItem item = new MenuItem("_Unlock credential vault\u2026");
        item.setId("menu-unlock-vault");
        // with the OS keychain there is no vault to unlock: the item is not shown at all
        item.setVisible(services.accounts().vault().isPresent());
        item.setOnMenuValidation(e -> item.setDisable(!locked(services)));
        item.setOnAction(e -> {
            if (locked(services)) {
                open(owner.get(), services, executor, status);
            } else {
                status.accept("The credential vault is already open for this session.");
            }
        });
        return item;
    }

    private static boolean locked(WorkstationServices services) {
        return services.accounts().vault().map(v -> v.exists() && !v.isUnlocked()).orElse(false);
    }

    /** Opens the dialog (not waiting for it). */
    public static void open(Window owner, WorkstationServices services, UiExecutor executor, Consumer<String> status) {
        new UnlockVaultDialog(owner, new VaultUnlockViewModel(services.accounts(), services.engine(), executor), status).stage.show();
    }

    private VBox content() {
        int waiting = model.waitingAccounts();
        Label intro = new Label("Your Alpaca API keys are stored encrypted in the credential vault. Enter its passphrase so that "
                + (waiting == 1 ? "the Alpaca account" : "the " + waiting + " Alpaca accounts") + " can reach Alpaca in this session.\n"
                + "If you cancel, they stay in error until you unlock the vault.");
        intro.setId("unlock-intro");
        intro.setWrapText(true);

        PasswordField passphrase = new PasswordField();
        passphrase.setId("unlock-passphrase");
        passphrase.setPromptText("Vault passphrase");
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        passphrase.disableProperty().bind(model.busyProperty());
        passphrase.setOnAction(e -> model.unlock());
        Label passphraseLabel = new Label("_Passphrase");
        passphraseLabel.setMnemonicParsing(true);
        passphraseLabel.setLabelFor(passphrase);
        HBox.setHgrow(passphrase, Priority.ALWAYS);
        HBox field = new HBox(8, passphraseLabel, passphrase);
        field.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("unlock-message");
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("unlock-progress");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());
        Label working = new Label("Deriving the key\u2026");
        working.visibleProperty().bind(model.busyProperty());

        Button unlock = new Button("_Unlock");
        unlock.setId("unlock-vault");
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(model.busyProperty().or(model.passphraseProperty().isEmpty()));
        unlock.setOnAction(e -> model.unlock());
        Button cancel = new Button("Cancel");
        cancel.setId("unlock-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            cancelled();
            stage.close();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, progress, working, spacer, cancel, unlock);
        buttons.setAlignment(Pos.CENTER_LEFT);

        model.unlockedProperty().subscribe(open -> {
            if (open) {
                status.accept("Credential vault unlocked: the Alpaca accounts are being retried now.");
                stage.close();
            }
        });

        VBox box = new VBox(12, intro, field, message, new Region(), buttons);
        VBox.setVgrow(box.getChildren().get(3), Priority.ALWAYS);
        box.setPadding(new Insets(16));
        box.setId("unlock-vault-dialog");
        return box;
    }

    private void cancelled() {
        if (!model.unlockedProperty().get()) {
            status.accept(STILL_LOCKED);
        }
    }
}
