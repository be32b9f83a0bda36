package io.alluse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartupTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    /** A /proc/PID/stat line whose field 22 (start, in ticks since boot) is {@code startTicks}. */
    private static String statLine(String comm, long startTicks) {
        // fields 3..21 (state .. itrealvalue), then 22 starttime, then a few more
        return "4242 (" + comm + ") S 1 4242 4242 0 -1 4194560 2000 0 0 0 150 30 0 0 20 0 40 0 " + startTicks + " 5000000 3000 18446744073709551615";
    }

    @Test
    void theStartIsNowMinusTheAgeOnTheBootClock() {
        // booted 1000.50 s ago, started 998.25 s after boot: 2.25 s old
        assertThat(StartupTime.linuxProcessStart(statLine("java", 99_825), "1000.50 1800.10\n", NOW))
                .contains(NOW.minusMillis(2250));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        assertThat(StartupTime.linuxProcessStart(statLine("alluse (x) work station", 50_000), "600.00 0.00", NOW))
                .contains(NOW.minusSeconds(100));
    }

    @Test
    void unreadableInputGivesNoStartRatherThanAWrongOne() {
        assertThat(StartupTime.linuxProcessStart("4242 java S 1", "600.00 0.00", NOW)).isEmpty();
        assertThat(StartupTime.linuxProcessStart(statLine("java", 50_000), "", NOW)).isEmpty();
        assertThat(StartupTime.linuxProcessStart(statLine("java", 50_000), "abc 1", NOW)).isEmpty();
        assertThat(StartupTime.linuxProcessStart("4242 (java) S 1 2 3", "600.00 0.00", NOW)).isEmpty();
        // started after "now" on the boot clock: inconsistent input
        assertThat(StartupTime.linuxProcessStart(statLine("java", 70_000), "600.00 0.00", NOW)).isEmpty();
    }

    /**
     * This test JVM's own start: at or before the JVM's creation (the JVM is made by the process), and
     * not before the JDK's own figure, which the kernel's whole-second boot time puts up to 1 s early.
     */
    @Test
    void onLinuxTheStartLiesBetweenTheJdksFigureAndTheJvmsCreation() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        Instant now = Instant.now();
        Instant start = StartupTime.processStart(now).orElseThrow();
        Instant jdk = ProcessHandle.current().info().startInstant().orElseThrow();
        Instant jvmCreated = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        // the tick and uptime resolutions are 10 ms each
        Duration slack = Duration.ofMillis(25);
        assertThat(start).isBeforeOrEqualTo(jvmCreated.plus(slack));
        assertThat(start).isAfterOrEqualTo(jdk.minus(slack));
        assertThat(Duration.between(jdk, start)).isLessThanOrEqualTo(Duration.ofSeconds(1).plus(slack));
    }
}
