package io.alluse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The shared checkpoint's promise (docs/decisions/0037): when {@code makeDurable} returns, a checkpoint that
 * STARTED after the call has FINISHED, so everything the caller committed before calling is in the file; and
 * callers arriving while one runs share the next one.
 */
class GroupCheckpointTest {

    /** Numbers each checkpoint at its start and remembers which ones finished. */
    private static final class Recorder implements Runnable {
        final AtomicLong started = new AtomicLong();
        final ConcurrentSkipListSet<Long> finished = new ConcurrentSkipListSet<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicBoolean overlapped = new AtomicBoolean();
        volatile int failuresLeft;

        @Override
        public void run() {
            long id = started.incrementAndGet();
            if (running.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            try {
                Thread.sleep(2);
                if (failuresLeft > 0) {
                    failuresLeft--;
                    throw new StoreException("disk full (test)", null);
                }
                finished.add(id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void everyCallerIsCoveredByACheckpointThatStartedAfterItAndTheyShareThem() throws Exception {
        Recorder recorder = new Recorder();
        GroupCheckpoint group = new GroupCheckpoint(recorder);
        int callers = 300;
        AtomicInteger uncovered = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int round = 0; round < 5; round++) {
                    long before = recorder.started.get();
                    group.makeDurable();
                    if (recorder.finished.higher(before) == null) {
                        uncovered.incrementAndGet();
                    }
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(uncovered.get()).as("calls that returned without a checkpoint started after them").isZero();
        assertThat(recorder.overlapped.get()).as("checkpoints never run two at a time").isFalse();
        assertThat(group.checkpoints()).isEqualTo(recorder.finished.size());
        assertThat(group.checkpoints()).as("1,500 requests shared far fewer checkpoints").isLessThan(callers * 5 / 4);
    }

    @Test
    void aLoneCallerRunsItsOwnCheckpointEveryTime() {
        Recorder recorder = new Recorder();
        GroupCheckpoint group = new GroupCheckpoint(recorder);
        for (int i = 0; i < 5; i++) {
            group.makeDurable();
        }
        assertThat(recorder.finished).hasSize(5);
    }

    @Test
    void aFailedCheckpointFailsTheCallerThatRanItAndTheNextCallRunsAnother() {
        Recorder recorder = new Recorder();
        GroupCheckpoint group = new GroupCheckpoint(recorder);
        recorder.failuresLeft = 1;
        assertThatThrownBy(group::makeDurable).isInstanceOf(StoreException.class).hasMessageContaining("disk full");
        assertThat(group.checkpoints()).isZero();
        long before = recorder.started.get();
        group.makeDurable();
        assertThat(recorder.finished.higher(before)).isNotNull();
    }

    @Test
    void waitersOfAFailedCheckpointAreServedByALaterOne() throws Exception {
        Recorder recorder = new Recorder();
        GroupCheckpoint group = new GroupCheckpoint(recorder);
        recorder.failuresLeft = 3;
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger uncovered = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                long before = recorder.started.get();
                try {
                    group.makeDurable();
                    if (recorder.finished.higher(before) == null) {
                        uncovered.incrementAndGet();
                    }
                } catch (StoreException e) {
                    failed.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failed.get()).as("only the callers that ran a failing checkpoint fail").isLessThanOrEqualTo(3);
        assertThat(uncovered.get()).isZero();
    }
}
