package io.alluse.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Modal windows that look like their owner (same stylesheets) and sit on top of it. */
public final class Dialogs {

    private Dialogs() {
    }

    public static Stage modal(Window owner, String title, Parent content, double width, double height) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = new Scene(content, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setTitle(title);
        stage.setMinWidth(Math.min(width, 720));
        stage.setMinHeight(Math.min(height, 480));
        return stage;
    }
}
