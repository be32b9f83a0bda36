package io.alluse.ui.shell;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** What the window shows while the database, the paper market and the engine open behind it. */
final class LoadingView extends VBox {

    private final Label state = new Label("Opening the ledger and starting the engine\u2026");
    private final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Button quit = new Button("Quit");

    LoadingView(String appName, String version, Path dataDir, Runnable onQuit) {
        setId("loading-view");
        setAlignment(Pos.CENTER);
        setSpacing(14);
        Label title = new Label(appName);
        title.getStyleClass().add(Styles.TITLE_2);
        Label sub = new Label("Version " + version + "  \u00b7  data in " + dataDir);
        sub.getStyleClass().add("status-muted");
        state.setId("loading-state");
        state.setWrapText(true);
        state.setMaxWidth(560);
        progress.setPrefWidth(280);
        quit.setOnAction(e -> onQuit.run());
        quit.setVisible(false);
        getChildren().addAll(title, sub, progress, state, quit);
    }

    void failed(String message) {
        progress.setVisible(false);
        state.setText("The workstation could not open its data: " + message + "\nThe log in the data folder has the details.");
        state.getStyleClass().add(Styles.DANGER);
        quit.setVisible(true);
        quit.requestFocus();
    }
}
