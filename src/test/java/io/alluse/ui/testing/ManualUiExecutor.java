package io.alluse.ui.testing;

import io.alluse.ui.common.UiExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds background work until the test says {@link #runAll()}: to look at a view-model while work is under way. */
public final class ManualUiExecutor implements UiExecutor {

    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public <T> void submit(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pending.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    public int pending() {
        return pending.size();
    }

    /** Runs what is queued, including work queued while running. */
    public void runAll() {
        while (!pending.isEmpty()) {
            pending.removeFirst().run();
        }
    }
}
