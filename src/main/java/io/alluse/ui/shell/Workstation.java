package io.alluse.ui.shell;

import io.alluse.ui.WorkstationServices;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application. The app starts it with {@link #run} and the services it wired. */
public final class Workstation extends Application {

    private static final Logger log = LoggerFactory.getLogger(Workstation.class);

    // Application.launch constructs this class itself, so the services come in through these.
    private static WorkstationServices services;
    private static Path smokeTestPng;
    private static Runnable firstFrameShown;
    private static final AtomicInteger exitCode = new AtomicInteger();

    private FxUiExecutor executor;
    private UiSettings settings;
    private Stage stage;

    /**
     * Shows the window and returns when it is closed: 0, or 1 if the smoke test could not write its
     * screenshot. Calls {@code onFirstFrame} on the FX thread once, when the window's first frame is laid out.
     */
    public static int run(WorkstationServices wired, Path smokeTest, Runnable onFirstFrame) {
        services = wired;
        smokeTestPng = smokeTest;
        firstFrameShown = onFirstFrame;
        Application.launch(Workstation.class);
        return exitCode.get();
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        settings = new UiSettings(services.uiSettingsFile());
        Themes.apply(settings.darkTheme());
        executor = new FxUiExecutor();
        MainWindow window = new MainWindow(services, executor, this::toggleTheme, this::quit);
        Scene scene = new Scene(window, settings.number("window.width", 1280), settings.number("window.height", 800));
        scene.getStylesheets().add(Themes.APP_CSS);
        stage.setScene(scene);
        stage.setTitle(services.appName() + " " + services.version());
        stage.getIcons().setAll(WindowIcons.load());
        double x = settings.number("window.x", Double.NaN);
        double y = settings.number("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.number("window.maximized", 0) > 0);
        stage.setOnCloseRequest(e -> remember());
        reportFirstFrame(scene);
        stage.show();
        if (smokeTestPng != null) {
            smokeTest(scene);
        }
    }

    /** The first pulse after show() lays out and renders the first frame: the end of start-up as a user sees it. */
    private static void reportFirstFrame(Scene scene) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (listener[0] != null) {
                Runnable self = listener[0];
                listener[0] = null;
                firstFrameShown.run();
                // not removed right here: the scene is iterating over its listeners
                Platform.runLater(() -> scene.removePostLayoutPulseListener(self));
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private void smokeTest(Scene scene) {
        // give the tree a moment to load its accounts, then photograph the window and leave
        PauseTransition wait = new PauseTransition(Duration.seconds(1.5));
        wait.setOnFinished(e -> {
            try {
                Screenshots.write(scene, smokeTestPng);
                log.info("Smoke test screenshot written to {}", smokeTestPng);
                // lets an installation check show what Help -> About would say, without a dialog to click away
                log.info("Smoke test: About shows \"{}\"; {}", AboutDialog.header(services), AboutDialog.text(services).replace('\n', ' '));
            } catch (Exception ex) {
                log.error("Smoke test screenshot failed", ex);
                exitCode.set(1);
            }
            Platform.exit();
        });
        wait.play();
    }

    private void toggleTheme() {
        settings.darkTheme(!settings.darkTheme());
        Themes.apply(settings.darkTheme());
        settings.save();
    }

    private void remember() {
        settings.setNumber("window.maximized", stage.isMaximized() ? 1 : 0);
        if (!stage.isMaximized()) {
            settings.setNumber("window.width", stage.getWidth());
            settings.setNumber("window.height", stage.getHeight());
            settings.setNumber("window.x", stage.getX());
            settings.setNumber("window.y", stage.getY());
        }
        settings.save();
    }

    private void quit() {
        remember();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
