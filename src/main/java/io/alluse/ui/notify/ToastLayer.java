package io.alluse.ui.notify;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Non-modal toasts in a corner of the window: plain nodes in the window's own scene (no popup
 * windows), so they show in screenshots and headless tests and never take the focus. At most
 * {@link #MAX_VISIBLE} at once; an accelerated paper clock can produce many per second, and the
 * log keeps them all.
 */
public final class ToastLayer extends VBox {

    public static final int MAX_VISIBLE = 4;
    private static final Duration SHOWN = Duration.seconds(6);

    private long burstStart;
    private int inBurst;
    private int summarised;
    private VBox summary;

    public ToastLayer(NotificationCenter center) {
        setId("toasts");
        setSpacing(8);
        setAlignment(Pos.TOP_RIGHT);
        setPickOnBounds(false);
        setFillWidth(false);
        center.onPosted(this::show);
    }

    public void show(Notification n) {
        // a fast paper clock can report hundreds of fills a second: past a few per second, one
        // summary toast counts the rest instead of building (and animating) a toast for each
        long now = System.nanoTime();
        if (now - burstStart > 1_000_000_000L) {
            burstStart = now;
            inBurst = 0;
            summarised = 0;
        }
        if (++inBurst > MAX_VISIBLE) {
            summarised++;
            if (summary == null || !getChildren().contains(summary)) {
                summary = add(Notification.ofApp(Notification.Kind.INFO, "More notifications", ""));
            }
            ((Label) summary.lookup(".toast-text")).setText(summarised + " more in the last second; the log has them all (Ctrl+Shift+N).");
            return;
        }
        add(n);
    }

    private VBox add(Notification n) {
        if (getChildren().size() >= MAX_VISIBLE) {
            getChildren().removeLast();
        }
        VBox toast = toast(n);
        getChildren().addFirst(toast);
        FadeTransition fade = new FadeTransition(Duration.millis(400), toast);
        fade.setToValue(0);
        SequentialTransition life = new SequentialTransition(new PauseTransition(SHOWN), fade);
        life.setOnFinished(e -> getChildren().remove(toast));
        toast.setOnMouseEntered(e -> life.pause());
        toast.setOnMouseExited(e -> life.play());
        life.play();
        return toast;
    }

    private VBox toast(Notification n) {
        FontIcon icon = switch (n.kind()) {
            case INFO -> new FontIcon(Material2OutlinedAL.INFO);
            case SUCCESS -> new FontIcon(Material2OutlinedAL.CHECK_CIRCLE);
            case WARNING -> new FontIcon(Material2OutlinedMZ.WARNING);
            case ERROR -> new FontIcon(Material2OutlinedAL.ERROR_OUTLINE);
        };
        Label title = new Label(n.title(), icon);
        title.getStyleClass().add("toast-title");
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button(null, new FontIcon(Material2OutlinedAL.CLOSE));
        close.getStyleClass().addAll("flat", "button-icon", "toast-close");
        close.setFocusTraversable(false);
        HBox head = new HBox(6, title, close);
        head.setAlignment(Pos.CENTER_LEFT);
        Label text = new Label(n.message());
        text.setWrapText(true);
        text.getStyleClass().add("toast-text");
        VBox toast = new VBox(4, head, text);
        toast.getStyleClass().addAll("toast", "toast-" + n.kind().name().toLowerCase(java.util.Locale.ROOT));
        toast.setPadding(new Insets(8, 10, 10, 12));
        toast.setPrefWidth(340);
        toast.setMaxWidth(340);
        close.setOnAction(e -> getChildren().remove(toast));
        return toast;
    }
}
