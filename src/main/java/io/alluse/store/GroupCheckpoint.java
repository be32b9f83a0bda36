package io.alluse.store;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes committed work durable with as few checkpoints as the callers allow (docs/decisions/0037).
 *
 * <p>A checkpoint writes everything committed before it started. So a caller whose commit is done needs
 * <em>a</em> checkpoint that starts after its request, not one of its own: while one runs, the callers that
 * arrive wait, and the next one serves all of them. With thousands of accounts storing their cycles' order
 * intents at the same moment, a checkpoint per account (each also trying to compact the file) was the
 * largest single cost of the engine; a shared one costs the same as one.
 */
final class GroupCheckpoint {

    private final Runnable checkpoint;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    /** Requests handed out so far; guarded by {@link #lock}. */
    private long requested;
    /** Every request up to this one is durable; guarded by {@link #lock}. */
    private long durable;
    private boolean running;
    /** How many checkpoints ran (for the bench and the tests). */
    private long checkpoints;

    GroupCheckpoint(Runnable checkpoint) {
        this.checkpoint = checkpoint;
    }

    /**
     * Returns once a checkpoint that started after this call has finished. The caller's own commit must be
     * complete before it calls. A failed checkpoint fails the caller that ran it; the others waiting run
     * their own.
     */
    void makeDurable() {
        lock.lock();
        try {
            long ticket = ++requested;
            while (durable < ticket) {
                if (running) {
                    finished.awaitUninterruptibly();
                    continue;
                }
                running = true;
                long upTo = requested;
                boolean ok = false;
                lock.unlock();
                try {
                    checkpoint.run();
                    ok = true;
                } finally {
                    lock.lock();
                    running = false;
                    if (ok) {
                        durable = Math.max(durable, upTo);
                        checkpoints++;
                    }
                    finished.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    long checkpoints() {
        lock.lock();
        try {
            return checkpoints;
        } finally {
            lock.unlock();
        }
    }
}
