package io.alluse.ui.shell;

import io.alluse.ui.WorkstationServices;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. The app starts it with {@link #run}: the window shows at once with a
 * loading state, and fills when the services (database, market, engine) are open.
 */
public final class Workstation extends Application {

    private static final Logger log = LoggerFactory.getLogger(Workstation.class);

    /** What the window needs before the services are open: its title and where its settings live. */
    public record Launch(String appName, String version, Path dataDir, Path uiSettingsFile) {
    }

    // Application.launch constructs this class itself, so the services come in through these.
    private static Launch launch;
    private static CompletableFuture<WorkstationServices> opening;
    private static volatile WorkstationServices services;
    private static Path smokeTestPng;
    private static Runnable firstFrameShown;
    private static Runnable mainWindowReady;
    private static final AtomicInteger exitCode = new AtomicInteger();

    private FxUiExecutor executor;
    private UiSettings settings;
    private Stage stage;
    private MainWindow window;

    /** With services already open (tests, tools). */
    public static int run(WorkstationServices wired, Path smokeTest, Runnable onFirstFrame) {
        return run(new Launch(wired.appName(), wired.version(), wired.dataDir(), wired.uiSettingsFile()), CompletableFuture.completedFuture(wired),
                smokeTest, onFirstFrame, () -> { });
    }

    /**
     * Shows the window and returns when it is closed: 0, or 1 if the services could not be opened
     * or the smoke test could not write its screenshot. Calls {@code onFirstFrame} on the FX thread
     * once the first frame (the loading state) is laid out, and {@code onReady} once the main window
     * shows the accounts.
     */
    public static int run(Launch info, CompletableFuture<WorkstationServices> wired, Path smokeTest, Runnable onFirstFrame, Runnable onReady) {
        launch = info;
        opening = wired;
        smokeTestPng = smokeTest;
        firstFrameShown = onFirstFrame;
        mainWindowReady = onReady;
        Application.launch(Workstation.class);
        return exitCode.get();
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        settings = new UiSettings(launch.uiSettingsFile());
        Themes.apply(settings.darkTheme());
        executor = new FxUiExecutor();
        LoadingView loading = new LoadingView(launch.appName(), launch.version(), launch.dataDir(), this::quit);
        Scene scene = new Scene(loading, settings.number("window.width", 1280), settings.number("window.height", 800));
        scene.getStylesheets().add(Themes.APP_CSS);
        stage.setScene(scene);
        stage.setTitle(launch.appName() + " " + launch.version());
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
        opening.whenComplete((wired, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                failed(loading, failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            } else {
                populate(scene, wired);
            }
        }));
    }

    private void populate(Scene scene, WorkstationServices wired) {
        services = wired;
        window = new MainWindow(wired, executor, this::toggleTheme, this::quit);
        double divider = settings.number("split.divider", Double.NaN);
        if (divider > 0.05 && divider < 0.95) {
            window.split().setDividerPositions(divider);
        }
        scene.setRoot(window);
        // the window listens to the engine before it moves: nothing it reports at start (missed windows) is lost
        wired.engine().start();
        mainWindowReady.run();
        if (smokeTestPng != null) {
            smokeTest(scene);
        }
    }

    private void failed(LoadingView loading, Throwable failure) {
        log.error("Could not open the workstation's data", failure);
        loading.failed(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        exitCode.set(1);
        if (smokeTestPng != null) {
            Platform.exit();
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
        if (window != null && window.split().getDividers().size() == 1) {
            settings.setNumber("split.divider", window.split().getDividerPositions()[0]);
        }
        settings.save();
    }

    private void quit() {
        remember();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
