package io.alluse.testsupport;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Kills child runs at random moments that fall inside a run, whatever the machine's speed.
 *
 * <p>A fixed window (say 1.5 to 9.5 s) kills most runs on a loaded machine but few on a quiet one,
 * where a whole run can end before the moment comes. So each run that ends by itself narrows the
 * window to a quarter up to all of that run's length, and {@link #killUntil} keeps starting runs
 * until it has killed the number asked for or the work is done.
 */
public final class KillMoments {

    /** Starts the next child run; {@code run} numbers them for their output files. */
    @FunctionalInterface
    public interface Starter {
        Process start(int run) throws Exception;
    }

    private final Random random;
    private long fromMillis;
    private long toMillis;
    private final StringBuilder history = new StringBuilder();

    public KillMoments(Random random, long fromMillis, long toMillis) {
        this.random = random;
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
    }

    /**
     * Starts runs and SIGKILLs each at a random moment until {@code kills} runs were killed, the work
     * is {@code done}, or three times as many runs were started. Returns how many were killed.
     */
    public int killUntil(int kills, Starter starter, BooleanSupplier done) throws Exception {
        int killed = 0;
        for (int run = 0; killed < kills && run < 3 * kills && !done.getAsBoolean(); run++) {
            long started = System.nanoTime();
            Process child = starter.start(run);
            long wait = fromMillis + random.nextLong(Math.max(1, toMillis - fromMillis));
            if (child.waitFor(wait, TimeUnit.MILLISECONDS)) {
                long duration = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                history.append(String.format("run %d ended by itself after %d ms%n", run, duration));
                ranToEnd(duration);
            } else {
                history.append(String.format("run %d killed after %d ms%n", run, wait));
                child.destroyForcibly(); // SIGKILL on Linux and macOS
                killed++;
            }
            child.waitFor(30, TimeUnit.SECONDS);
        }
        return killed;
    }

    /** What happened to each run, for an assertion's message. */
    public String history() {
        return history.toString();
    }

    private void ranToEnd(long durationMillis) {
        toMillis = Math.max(2, Math.min(toMillis, durationMillis));
        fromMillis = Math.min(fromMillis, toMillis / 4);
    }
}
