package io.alluse.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's lane: its work runs one item at a time, in order, on its own virtual thread, so
 * that nothing one account does can hold up another (SPEC section 3).
 */
public final class SerialLane implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SerialLane.class);

    private final String name;
    private static final long CLOSE_WAIT_SECONDS = 30;
    private final ExecutorService executor;

    public SerialLane(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("lane-" + name).factory());
    }

    public String name() {
        return name;
    }

    /** Queues work behind what is already queued; the future completes with its result or failure. */
    public <T> CompletableFuture<T> submit(String what, Supplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                log.debug("lane {}: {} failed: {}", name, what, e.toString());
                throw e;
            }
        }, executor);
    }

    public CompletableFuture<Void> run(String what, Runnable work) {
        return submit(what, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Stops taking work; lets the queued items finish (a cycle that has begun should end cleanly
     * rather than be left for the next start to recover), then interrupts what is still running.
     * Every broker call has its own timeout, so this waits long only on a very slow machine; the
     * engine closes all lanes at once, so the wait does not add up over accounts.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Lane {} still busy {} s after close; interrupting it (its work resumes at the next start)", name, CLOSE_WAIT_SECONDS);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
