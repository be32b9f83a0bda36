package io.alluse.market.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * A clock for paper demos, tests and backtests. It starts paused at a given instant and can be
 * <ul>
 *   <li>set or advanced explicitly ({@link #setTo}, {@link #advance}), the way tests and
 *       backtests step through time; and</li>
 *   <li>run against wall time at a speed factor ({@link #setSpeed}: 1 is real time, 60 makes a
 *       minute pass every second), changed or paused ({@link #pause}, {@link #resume}) at any
 *       moment, the way the UI's pause / real time / faster buttons drive it.</li>
 * </ul>
 * Simulated time never jumps when the speed changes: the new speed applies from the current
 * simulated instant on. Thread-safe and lock-free: every change swaps one immutable state.
 */
public final class SimulatedClock implements MarketClock {

    /** Simulated time = {@code anchor + (wallNanos - anchorNanos) * speed}; a paused clock has speed 0. */
    private record State(Instant anchor, long anchorNanos, double speed, double resumeSpeed) {
        Instant at(long wallNanos) {
            if (speed == 0) {
                return anchor;
            }
            double elapsed = (wallNanos - anchorNanos) * speed;
            return anchor.plusNanos((long) elapsed);
        }
    }

    private final LongSupplier wallNanos;
    private final AtomicReference<State> state;

    /** A paused clock at {@code start}; call {@link #setSpeed} or {@link #resume} to let it run. */
    public SimulatedClock(Instant start) {
        this(start, System::nanoTime);
    }

    /** With an explicit source of wall-clock nanoseconds, for tests of the accelerated mode. */
    public SimulatedClock(Instant start, LongSupplier wallNanos) {
        this.wallNanos = wallNanos;
        this.state = new AtomicReference<>(new State(start, wallNanos.getAsLong(), 0.0, 1.0));
    }

    @Override
    public Instant now() {
        return state.get().at(wallNanos.getAsLong());
    }

    /** Jumps to {@code instant} (forwards or backwards), keeping the current speed. */
    public void setTo(Instant instant) {
        long nanos = wallNanos.getAsLong();
        state.updateAndGet(s -> new State(instant, nanos, s.speed(), s.resumeSpeed()));
    }

    /** Moves simulated time forward by {@code duration} (not backwards: use {@link #setTo}). */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot advance by a negative duration " + duration + "; use setTo to go back");
        }
        long nanos = wallNanos.getAsLong();
        state.updateAndGet(s -> new State(s.at(nanos).plus(duration), nanos, s.speed(), s.resumeSpeed()));
    }

    /**
     * Runs at {@code speed} times wall time from now on: 1 real time, 0 paused, 3600 an hour per
     * second. Limited to 0 .. 10,000,000 (a trading year in about three seconds).
     */
    public void setSpeed(double speed) {
        if (!(speed >= 0 && speed <= 1e7)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "speed must be between 0 (paused) and 10,000,000 times real time, was %s", speed));
        }
        long nanos = wallNanos.getAsLong();
        state.updateAndGet(s -> new State(s.at(nanos), nanos, speed, speed > 0 ? speed : s.resumeSpeed()));
    }

    /** Stops simulated time where it is; {@link #resume} continues at the speed it had. */
    public void pause() {
        long nanos = wallNanos.getAsLong();
        state.updateAndGet(s -> s.speed() == 0 ? s : new State(s.at(nanos), nanos, 0.0, s.speed()));
    }

    /** Continues at the speed before the last pause (real time if it never ran). */
    public void resume() {
        long nanos = wallNanos.getAsLong();
        state.updateAndGet(s -> s.speed() != 0 ? s : new State(s.anchor(), nanos, s.resumeSpeed(), s.resumeSpeed()));
    }

    /** Current speed factor; 0 when paused. */
    public double speed() {
        return state.get().speed();
    }

    public boolean isPaused() {
        return state.get().speed() == 0;
    }

    /**
     * Wall time that will pass before simulated time reaches {@code target} at the current speed:
     * how long a scheduler should sleep. Zero if already there; null-free but effectively
     * unbounded ({@link Duration#ofDays(long) 365 days}) while paused.
     */
    public Duration wallTimeUntil(Instant target) {
        State s = state.get();
        Duration ahead = Duration.between(s.at(wallNanos.getAsLong()), target);
        if (ahead.isNegative() || ahead.isZero()) {
            return Duration.ZERO;
        }
        if (s.speed() == 0) {
            return Duration.ofDays(365);
        }
        return Duration.ofNanos((long) Math.ceil(Math.min(ahead.toNanos() / s.speed(), (double) Long.MAX_VALUE)));
    }

    @Override
    public String toString() {
        State s = state.get();
        return "simulated clock at " + now() + (s.speed() == 0 ? " (paused)" : " x" + s.speed());
    }
}
