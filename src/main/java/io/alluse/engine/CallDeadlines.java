package io.alluse.engine;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * One watchdog thread for the time limits of every broker call in the process (docs/decisions/0037).
 *
 * <p>A call waited for with a time limit of its own ({@code Future.get(timeout)}) arms and cancels a timer in
 * the virtual-thread scheduler: with 10,000 accounts syncing every 15 minutes that was millions of timers a
 * simulated week, and about 8% of the engine's CPU. Here a call is registered when it starts and removed when
 * it ends, its caller waits without a timer, and the watchdog fails the calls whose limit has passed. Only
 * calls in flight are held (at most one per account: its lane makes one call at a time).
 */
final class CallDeadlines {

    /** How often the watchdog looks: a limit is kept to within this much (limits are 200 ms and more). */
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final CallDeadlines SHARED = new CallDeadlines();

    /** A call in flight. */
    static final class Watched {
        private final long deadline;
        private final CompletableFuture<?> result;
        private final Supplier<RuntimeException> timeout;

        private Watched(long deadline, CompletableFuture<?> result, Supplier<RuntimeException> timeout) {
            this.deadline = deadline;
            this.result = result;
            this.timeout = timeout;
        }
    }

    private final Set<Watched> inFlight = ConcurrentHashMap.newKeySet();

    private CallDeadlines() {
        Thread.ofPlatform().daemon().name("broker-call-deadlines").start(this::watch);
    }

    static CallDeadlines shared() {
        return SHARED;
    }

    /**
     * {@code result} fails with {@code timeout}'s exception unless it completes within {@code limitNanos} from now;
     * the caller passes what this returns to {@link #done} when the call ends, however it ends.
     */
    Watched watch(CompletableFuture<?> result, long limitNanos, Supplier<RuntimeException> timeout) {
        Watched w = new Watched(System.nanoTime() + limitNanos, result, timeout);
        inFlight.add(w);
        return w;
    }

    void done(Watched w) {
        inFlight.remove(w);
    }

    /** Calls being watched now (for the tests). */
    int watching() {
        return inFlight.size();
    }

    private void watch() {
        while (true) {
            LockSupport.parkNanos(TICK_NANOS);
            long now = System.nanoTime();
            for (Watched w : inFlight) {
                if (now - w.deadline >= 0) {
                    inFlight.remove(w);
                    w.result.completeExceptionally(w.timeout.get());
                }
            }
        }
    }
}
