package io.alluse.market.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    private static final Instant START = Instant.parse("2026-03-02T14:30:00Z");
    private final AtomicLong wall = new AtomicLong(1_000_000_000L);
    private final SimulatedClock clock = new SimulatedClock(START, wall::get);

    private void wallPasses(Duration d) {
        wall.addAndGet(d.toNanos());
    }

    @Test
    void startsPausedAndStaysPutUntilToldOtherwise() {
        wallPasses(Duration.ofHours(1));
        assertThat(clock.now()).isEqualTo(START);
        assertThat(clock.isPaused()).isTrue();
    }

    @Test
    void setAndAdvanceExplicitly() {
        clock.advance(Duration.ofMinutes(90));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(5400));
        clock.setTo(Instant.parse("2026-01-02T15:00:00Z"));
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-02T15:00:00Z"));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).hasMessageContaining("setTo");
    }

    @Test
    void runsAtTheSpeedFactorAndChangesSpeedWithoutJumping() {
        clock.setSpeed(1);
        wallPasses(Duration.ofSeconds(10));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(10));
        clock.setSpeed(60);
        wallPasses(Duration.ofSeconds(10));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(10 + 600));
        clock.pause();
        wallPasses(Duration.ofHours(5));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(610));
        clock.resume();
        assertThat(clock.speed()).isEqualTo(60);
        wallPasses(Duration.ofSeconds(1));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(670));
    }

    @Test
    void advancingWhileRunningAddsToTheRunningTime() {
        clock.setSpeed(2);
        wallPasses(Duration.ofSeconds(5));
        clock.advance(Duration.ofDays(1));
        wallPasses(Duration.ofSeconds(5));
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofDays(1)).plusSeconds(20));
    }

    @Test
    void newYorkDateFollowsTheExchangeTimeZone() {
        clock.setTo(Instant.parse("2026-03-03T03:00:00Z")); // 22:00 on the 2nd in New York
        assertThat(clock.todayInNewYork()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(clock.nowInNewYork().getHour()).isEqualTo(22);
    }

    @Test
    void wallTimeUntilATargetScalesWithSpeed() {
        clock.setSpeed(3600);
        assertThat(clock.wallTimeUntil(START.plus(Duration.ofHours(2)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(clock.wallTimeUntil(START.minusSeconds(1))).isZero();
        clock.pause();
        assertThat(clock.wallTimeUntil(START.plusSeconds(1))).isGreaterThan(Duration.ofDays(300));
    }

    @Test
    void rejectsAbsurdSpeeds() {
        assertThatThrownBy(() -> clock.setSpeed(-1)).hasMessageContaining("between 0");
        assertThatThrownBy(() -> clock.setSpeed(Double.NaN)).hasMessageContaining("between 0");
    }

    @Test
    void concurrentAdvancesAreNeverLost() throws InterruptedException {
        int threads = 8;
        int perThread = 1_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < perThread; i++) {
                    clock.advance(Duration.ofSeconds(1));
                    clock.now();
                }
            }));
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertThat(clock.now()).isEqualTo(START.plusSeconds((long) threads * perThread));
    }

    @Test
    void wallClockIsTheSystemClock() {
        Instant before = Instant.now();
        Instant now = MarketClock.system().now();
        assertThat(now).isBetween(before, Instant.now());
    }
}
