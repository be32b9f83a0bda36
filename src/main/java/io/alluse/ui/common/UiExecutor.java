package io.alluse.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one boundary where background work hands its result to the FX thread (DESIGN: threads).
 * View-models call it; tests use {@link #direct()} so that they run without an FX thread.
 */
public interface UiExecutor {

    /** Runs {@code work} off the FX thread, then {@code onSuccess} or {@code onFailure} on it. */
    <T> void submit(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (now if already on it). */
    void onUiThread(Runnable action);

    /** Runs everything at once on the calling thread: for view-model tests. */
    static UiExecutor direct() {
        return new UiExecutor() {
            @Override
            public <T> void submit(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }

            @Override
            public void onUiThread(Runnable action) {
                action.run();
            }
        };
    }
}
