package io.alluse.ui.notify;

import io.alluse.ui.common.Dialogs;
import io.alluse.ui.common.Formats;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The notifications, newest first (this session's and the archived ones from before), in a window of
 * its own that can stay open beside the main one. Lines that arrived since the log was last opened
 * are marked unread (bold, with a dot) while it is open; opening it marks everything read.
 */
public final class NotificationLogView extends VBox {

    public NotificationLogView(NotificationCenter center, Runnable close) {
        setId("notification-log");
        setPadding(new Insets(12));
        setSpacing(8);
        // which lines are new to the user is decided when the log opens, before it marks them read
        java.util.Set<Notification> unreadAtOpen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        center.log().stream().filter(center::isUnread).forEach(unreadAtOpen::add);
        ListView<Notification> list = new ListView<>(center.log());
        list.setId("notification-list");
        list.setPlaceholder(new Label("No notifications yet. Deposits, fills, assignments, errors and missed windows appear here."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Notification n, boolean empty) {
                super.updateItem(n, empty);
                getStyleClass().removeIf(c -> c.startsWith("log-"));
                if (empty || n == null) {
                    setText(null);
                    return;
                }
                getStyleClass().add("log-" + n.kind().name().toLowerCase(java.util.Locale.ROOT));
                boolean unread = unreadAtOpen.contains(n) || center.isUnread(n);
                if (unread) {
                    getStyleClass().add("log-unread");
                }
                setText((unread ? "\u25cf " : "") + n.marketTime().map(Formats::marketTime).map(t -> t + "   ").orElse("") + n.title()
                        + "\n" + n.message());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button clear = new Button("Clear");
        clear.setId("notification-clear");
        clear.setOnAction(e -> center.clear());
        Button done = new Button("Close");
        done.setCancelButton(true);
        done.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label count = new Label();
        count.getStyleClass().add("form-hint");
        count.textProperty().bind(javafx.beans.binding.Bindings.size(center.log()).asString("%d notifications (newest first; the last "
                + NotificationCenter.KEEP + " are kept across restarts)"));
        HBox buttons = new HBox(8, count, spacer, clear, done);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(list, buttons);
        center.markRead();
    }

    public static Stage open(Window owner, NotificationCenter center) {
        Stage[] stage = new Stage[1];
        NotificationLogView view = new NotificationLogView(center, () -> stage[0].close());
        stage[0] = Dialogs.modal(owner, "Notifications", view, 640, 460);
        // a log to glance at while working: it must not block the main window
        if (owner != null) {
            stage[0].initModality(Modality.NONE);
        }
        stage[0].show();
        return stage[0];
    }
}
