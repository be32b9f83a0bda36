package io.alluse.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's lane: its work runs one item at a time, in order, on a virtual thread of its own, so
 * that nothing one account does can hold up another (SPEC section 3).
 *
 * <p>The thread exists only while there is work: an idle lane is a queue and nothing else. A lane that
 * kept a thread parked between items (a single-thread executor) kept its stack on the heap too: about
 * 8.6 KB per account, 86 MB of the heap at 10,000 accounts (docs/decisions/0036).
 */
public final class SerialLane implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SerialLane.class);

    private static final long CLOSE_WAIT_SECONDS = 30;
    private final String name;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    /** The thread working through the queue, null while the lane is idle; guarded by {@link #lock}. */
    private Thread worker;
    private boolean closed;

    public SerialLane(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * Queues work behind what is already queued; the future completes with its result or failure (wrapped in a
     * {@link CompletionException}, as {@link CompletableFuture#supplyAsync} does). Throws
     * {@link RejectedExecutionException} once the lane is closed.
     */
    public <T> CompletableFuture<T> submit(String what, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable item = () -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                log.debug("lane {}: {} failed: {}", name, what, e.toString());
                result.completeExceptionally(new CompletionException(e));
            } catch (Throwable e) {
                result.completeExceptionally(new CompletionException(e));
                throw e;
            }
        };
        synchronized (lock) {
            if (closed) {
                throw new RejectedExecutionException("lane " + name + " is closed");
            }
            queue.add(item);
            if (worker == null) {
                worker = Thread.ofVirtual().name("lane-" + name).start(this::drain);
            }
        }
        return result;
    }

    public CompletableFuture<Void> run(String what, Runnable work) {
        return submit(what, () -> {
            work.run();
            return null;
        });
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (lock) {
                next = queue.poll();
                if (next == null) {
                    worker = null;
                    return;
                }
            }
            // an interrupt meant for the item before (a broker wait) must not reach the next one
            Thread.interrupted();
            next.run();
        }
    }

    /**
     * Stops taking work; lets the queued items finish (a cycle that has begun should end cleanly
     * rather than be left for the next start to recover), then interrupts what is still running and
     * drops what is still queued. Every broker call has its own timeout, so this waits long only on a
     * very slow machine; the engine closes all lanes at once, so the wait does not add up over accounts.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (lock) {
            closed = true;
            running = worker;
        }
        if (running == null) {
            return;
        }
        try {
            if (!running.join(Duration.ofSeconds(CLOSE_WAIT_SECONDS))) {
                log.warn("Lane {} still busy {} s after close; interrupting it (its work resumes at the next start)", name, CLOSE_WAIT_SECONDS);
                stopNow(running);
            }
        } catch (InterruptedException e) {
            stopNow(running);
            Thread.currentThread().interrupt();
        }
    }

    private void stopNow(Thread running) {
        synchronized (lock) {
            queue.clear();
        }
        running.interrupt();
    }
}
