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

    /** Stops taking work; waits briefly for the current item, then interrupts it. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
