package io.alluse.app;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how long the app took to show its window, measured from the start of the process (which
 * for an installed app includes the native launcher), so that start-up can be measured on a real
 * installation: packaging/linux/test-package.sh reads this line from the log.
 */
final class StartupTime {

    private static final Logger log = LoggerFactory.getLogger(StartupTime.class);

    private StartupTime() {
    }

    static void firstFrameShown() {
        log("first frame");
    }

    /** The main window filled with the accounts: the database, market and engine are open. */
    static void mainWindowReady() {
        log("main window ready");
    }

    private static void log(String what) {
        Instant now = Instant.now();
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(jvmStart);
        // CPU time too: on a busy machine it says more about the app than the wall clock does
        long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        log.info("Start-up: {} {} ms after process start ({} ms after JVM start, {} ms CPU on all threads)",
                what, Duration.between(processStart, now).toMillis(), Duration.between(jvmStart, now).toMillis(), cpuMillis);
    }
}
