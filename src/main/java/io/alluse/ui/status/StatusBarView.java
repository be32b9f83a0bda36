package io.alluse.ui.status;

import io.alluse.domain.run.AccountHealth;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The bottom bar: progress and the last message on the left; engine state, next run, broker
 * connections, the paper clock with its speed buttons and the notifications bell on the right.
 */
public final class StatusBarView extends HBox {

    private final StatusBarViewModel model;
    private final Label message;
    private final Timeline poll;
    private final ContextMenu brokerList = new ContextMenu();

    /**
     * @param message the label the window writes its messages to (kept by the caller)
     * @param busy    how many background tasks run (progress shows while above zero)
     * @param unread  unread notifications (the bell's badge)
     * @param openLog opens the notifications log
     */
    public StatusBarView(StatusBarViewModel model, Label message, ObservableIntegerValue busy, ObservableIntegerValue unread, Runnable openLog) {
        this.model = model;
        this.message = message;
        getStyleClass().add("status-bar");
        setId("status-bar");
        setPadding(new Insets(3, 10, 3, 10));
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("status-busy");
        progress.setPrefSize(14, 14);
        progress.visibleProperty().bind(Bindings.greaterThan(busy, 0));
        message.setId("status-text");
        message.setMinWidth(80);
        Tooltip messageTip = new Tooltip();
        messageTip.textProperty().bind(message.textProperty());
        message.setTooltip(messageTip);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);

        Label engine = new Label();
        engine.setId("status-engine");
        engine.textProperty().bind(model.engineStateProperty());
        // engine state and next run give way (ellipsis, full text in the tooltip) so a narrow window keeps the clock and the bell
        engine.setMinWidth(60);
        Tooltip engineTip = new Tooltip();
        engineTip.textProperty().bind(model.engineDetailProperty());
        engine.setTooltip(engineTip);
        FontIcon engineIcon = new FontIcon(Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE);
        engine.setGraphic(engineIcon);
        model.enginePausedProperty().addListener((obs, old, paused) -> {
            engineIcon.setIconCode(paused ? Material2OutlinedMZ.PAUSE_CIRCLE_OUTLINE : Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE);
            engineIcon.getStyleClass().setAll("ikonli-font-icon", paused ? "icon-paused" : "icon-running");
        });
        engineIcon.getStyleClass().add("icon-running");

        Label next = new Label();
        next.setId("status-next-run");
        next.textProperty().bind(model.nextRunProperty());
        next.setGraphic(new FontIcon(Material2OutlinedMZ.SCHEDULE));
        next.setMinWidth(60);
        Tooltip nextTip = new Tooltip();
        nextTip.textProperty().bind(model.nextRunDetailProperty());
        next.setTooltip(nextTip);

        Button brokers = new Button();
        brokers.setId("status-brokers");
        brokers.getStyleClass().addAll("flat", "small");
        brokers.textProperty().bind(model.brokersProperty());
        brokers.setMinWidth(Region.USE_PREF_SIZE);
        FontIcon brokerIcon = new FontIcon(Material2OutlinedAL.CLOUD_DONE);
        brokers.setGraphic(brokerIcon);
        Tooltip brokerTip = new Tooltip();
        brokers.setTooltip(brokerTip);
        brokerList.setId("status-broker-list");
        model.connectionsProperty().addListener((obs, old, now) -> {
            StringBuilder text = new StringBuilder();
            brokerList.getItems().clear();
            for (StatusBarViewModel.Connection c : now) {
                text.append(text.isEmpty() ? "" : "\n").append(c.name()).append(": ").append(c.detail());
                // at most a screenful in the popup; the tooltip summary stays short for thousands of accounts
                if (brokerList.getItems().size() < 40) {
                    MenuItem item = new MenuItem(c.name() + " \u2013 " + c.detail(), healthIcon(c.health()));
                    item.setId("broker-" + c.account().value());
                    brokerList.getItems().add(item);
                }
            }
            if (now.size() > 40) {
                MenuItem more = new MenuItem("\u2026 and " + (now.size() - 40) + " more");
                more.setDisable(true);
                brokerList.getItems().add(more);
            }
            brokerTip.setText(text.length() > 2_000 ? text.substring(0, 2_000) + "\n\u2026" : text.toString());
        });
        model.brokerHealthProperty().addListener((obs, old, h) -> {
            brokerIcon.setIconCode(h == AccountHealth.OK ? Material2OutlinedAL.CLOUD_DONE : Material2OutlinedAL.CLOUD_OFF);
            brokerIcon.getStyleClass().setAll("ikonli-font-icon", h == AccountHealth.OK ? "icon-running" : "icon-error");
        });
        brokers.setOnAction(e -> brokerList.show(brokers, Side.TOP, 0, 0));

        HBox right = new HBox(7, engine, separator(), next, separator(), brokers);
        right.setAlignment(Pos.CENTER_LEFT);
        if (model.hasPaperClock()) {
            right.getChildren().addAll(separator(), clock());
        }
        Button bell = new Button();
        bell.setId("status-notifications");
        bell.getStyleClass().addAll("flat", "small");
        bell.setGraphic(new FontIcon(Material2OutlinedMZ.NOTIFICATIONS));
        bell.textProperty().bind(Bindings.createStringBinding(() -> unread.get() == 0 ? "" : Integer.toString(unread.get()), unread));
        bell.setTooltip(new Tooltip("Notifications (Ctrl+Shift+N)"));
        bell.setOnAction(e -> openLog.run());
        bell.setMinWidth(Region.USE_PREF_SIZE);
        right.getChildren().add(bell);

        getChildren().addAll(progress, message, right);

        poll = new Timeline(new KeyFrame(Duration.millis(500), e -> model.poll()));
        poll.setCycleCount(Animation.INDEFINITE);
        // poll only while shown: a detached bar must not keep reading the engine
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                poll.stop();
            } else {
                poll.play();
            }
        });
        model.poll();
    }

    public Label message() {
        return message;
    }

    private Node clock() {
        Label time = new Label();
        time.setId("status-clock");
        time.getStyleClass().add("status-clock");
        time.textProperty().bind(model.clockTextProperty());
        time.setGraphic(new FontIcon(Material2OutlinedAL.ACCESS_TIME));
        time.setTooltip(new Tooltip("The paper market's clock (New York). The buttons set how fast it runs."));
        time.setMinWidth(Region.USE_PREF_SIZE);
        ToggleGroup group = new ToggleGroup();
        HBox buttons = new HBox();
        buttons.getStyleClass().add("clock-speeds");
        for (ClockSpeed s : ClockSpeed.ALL) {
            ToggleButton b = s.factor() == 0 ? new ToggleButton(null, new FontIcon(Material2OutlinedMZ.PAUSE)) : new ToggleButton(s.label());
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setId("clock-" + s.id());
            b.setUserData(s);
            b.setToggleGroup(group);
            b.getStyleClass().add("small");
            b.setFocusTraversable(false);
            b.setTooltip(new Tooltip(s.tooltip()));
            b.setSelected(s.equals(model.speedProperty().get()));
            buttons.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // one speed is always chosen: clicking the chosen one again keeps it
                group.selectToggle(old);
            } else {
                model.speedProperty().set((ClockSpeed) now.getUserData());
            }
        });
        model.speedProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData().equals(now)).findFirst().ifPresent(group::selectToggle));
        HBox box = new HBox(6, time, buttons);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static FontIcon healthIcon(AccountHealth h) {
        FontIcon icon = new FontIcon(h == AccountHealth.OK ? Material2OutlinedAL.CLOUD_DONE : Material2OutlinedAL.CLOUD_OFF);
        icon.getStyleClass().add(h == AccountHealth.OK ? "icon-running" : "icon-error");
        return icon;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
