package io.alluse.engine;

import io.alluse.market.clock.SimulatedClock;
import java.time.Duration;
import java.time.Instant;

/**
 * How the engine's time moves: the wall clock for live trading, or a simulated clock that the
 * engine drives in paper mode, running at a chosen speed and standing still while accounts work
 * (so a fast demo never skips a window because the machine was busy).
 */
public sealed interface TimeControl {

    Instant now();

    /** Waits until {@code target} (or jumps there); returns early when woken. Never moves time backwards. */
    void advanceTowards(Instant target) throws InterruptedException;

    /** Time stands still from here until the next {@link #advanceTowards} (simulated only). */
    void hold();

    /** Ends a wait early: new work arrived or the speed changed. */
    void wake();

    /** The wall clock. */
    static TimeControl wall() {
        return new Wall();
    }

    /** A simulated clock run by the engine at {@code speed} (1 = real time; infinite = as fast as the work allows). */
    static Simulated simulated(SimulatedClock clock, double speed) {
        return new Simulated(clock, speed);
    }

    final class Wall implements TimeControl {
        private final Object signal = new Object();

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void advanceTowards(Instant target) throws InterruptedException {
            long millis = Duration.between(Instant.now(), target).toMillis();
            if (millis > 0) {
                synchronized (signal) {
                    signal.wait(Math.min(millis, 1_000));
                }
            }
        }

        @Override
        public void hold() {
        }

        @Override
        public void wake() {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    final class Simulated implements TimeControl {
        private final SimulatedClock clock;
        private final Object signal = new Object();
        private volatile double speed;

        Simulated(SimulatedClock clock, double speed) {
            this.clock = clock;
            this.speed = speed;
            clock.pause();
        }

        public SimulatedClock clock() {
            return clock;
        }

        /** 0 pauses the market; 1 is real time; {@code Double.POSITIVE_INFINITY} jumps from event to event. */
        public void setSpeed(double newSpeed) {
            if (!(newSpeed >= 0)) {
                throw new IllegalArgumentException("speed must be 0 or more, was " + newSpeed);
            }
            speed = newSpeed;
            wake();
        }

        public double speed() {
            return speed;
        }

        @Override
        public Instant now() {
            return clock.now();
        }

        @Override
        public void advanceTowards(Instant target) throws InterruptedException {
            if (!clock.now().isBefore(target)) {
                return;
            }
            double s = speed;
            if (Double.isInfinite(s)) {
                clock.setTo(target);
                return;
            }
            if (s <= 0) {
                clock.pause();
                synchronized (signal) {
                    signal.wait(200);
                }
                return;
            }
            clock.setSpeed(Math.min(s, 1e7));
            try {
                long wallMillis = clock.wallTimeUntil(target).toMillis();
                // wake a little before the target, then step onto it exactly: at high speeds a
                // millisecond of oversleeping would be hours of market time
                if (wallMillis > 2) {
                    synchronized (signal) {
                        signal.wait(Math.min(wallMillis - 1, 200));
                    }
                }
            } finally {
                long remainingMillis = clock.wallTimeUntil(target).toMillis();
                clock.pause();
                if (remainingMillis <= 2 && clock.now().isBefore(target)) {
                    clock.setTo(target);
                }
            }
        }

        @Override
        public void hold() {
            clock.pause();
        }

        @Override
        public void wake() {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }
}
