package io.alluse.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background work on virtual threads; results delivered with {@link Platform#runLater}. */
public final class FxUiExecutor implements UiExecutor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FxUiExecutor.class);

    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ui-work-", 0).factory());
    private final AtomicInteger running = new AtomicInteger();
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper(0);

    @Override
    public <T> void submit(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (workers.isShutdown()) {
            // the window is closing: a timer or a late event may still ask, and nobody waits for the answer
            log.debug("{} not started: the executor is closed", description);
            return;
        }
        busy(running.incrementAndGet());
        workers.submit(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                log.warn("{} failed: {}", description, e.toString());
                Platform.runLater(() -> onFailure.accept(e));
            } finally {
                busy(running.decrementAndGet());
            }
        });
    }

    private void busy(int count) {
        onUiThread(() -> busy.set(count));
    }

    /** How many background tasks are running: the status bar shows progress while it is above zero. */
    public ReadOnlyIntegerProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
