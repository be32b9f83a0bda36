package io.alluse.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how long the app took to show its window, measured from the start of the process (which
 * for an installed app includes the native launcher), so that start-up can be measured on a real
 * installation: packaging/linux/test-package.sh reads this line from the log.
 */
final class StartupTime {

    private static final Logger log = LoggerFactory.getLogger(StartupTime.class);

    /**
     * Linux reports a process's start in clock ticks since boot, at USER_HZ, which the kernel's ABI
     * fixes at 100 on every architecture the app is built for (x86-64, aarch64).
     */
    private static final int LINUX_TICKS_PER_SECOND = 100;

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
        Instant processStart = processStart(now).orElse(jvmStart);
        // CPU time too: on a busy machine it says more about the app than the wall clock does
        long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        log.info("Start-up: {} {} ms after process start ({} ms after JVM start, {} ms CPU on all threads)",
                what, Duration.between(processStart, now).toMillis(), Duration.between(jvmStart, now).toMillis(), cpuMillis);
    }

    /**
     * When this process was started, to about 10 ms. On Linux {@code ProcessHandle.info().startInstant()}
     * adds the process's age at boot to the boot time of /proc/stat, which the kernel gives in WHOLE
     * seconds: the start comes out up to a second too early, by the same amount for every process of
     * one boot (0.87 s on the build machine, decision 0031). So on Linux the age is taken from the
     * boot-time clock instead, /proc/uptime against the start in /proc/self/stat, and subtracted
     * from now. Elsewhere (Windows, macOS report the start to the microsecond) and when /proc cannot
     * be read, the JDK's figure.
     */
    static Optional<Instant> processStart(Instant now) {
        Optional<Instant> linux = Optional.empty();
        try {
            Path stat = Path.of("/proc/self/stat");
            Path uptime = Path.of("/proc/uptime");
            if (Files.isReadable(stat) && Files.isReadable(uptime)) {
                linux = linuxProcessStart(Files.readString(stat, StandardCharsets.US_ASCII), Files.readString(uptime, StandardCharsets.US_ASCII), now);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unusual /proc: the JDK's figure below
        }
        return linux.or(() -> ProcessHandle.current().info().startInstant());
    }

    /**
     * The start from a /proc/PID/stat line and /proc/uptime read at {@code now}: field 22 of the stat
     * line (counted after the command name, which is in parentheses and may hold spaces and
     * parentheses itself) is the start in clock ticks since boot; uptime's first field is seconds since boot.
     */
    static Optional<Instant> linuxProcessStart(String statLine, String uptime, Instant now) {
        int close = statLine.lastIndexOf(')');
        String[] up = uptime.trim().split("\\s+");
        if (close < 0 || up.length == 0) {
            return Optional.empty();
        }
        // after "pid (comm) ": field 3 (state) is index 0, so field 22 (starttime) is index 19
        String[] fields = statLine.substring(close + 1).trim().split("\\s+");
        if (fields.length < 20) {
            return Optional.empty();
        }
        try {
            long startTicks = Long.parseLong(fields[19]);
            long uptimeMillis = new BigDecimal(up[0]).movePointRight(3).longValueExact();
            long ageMillis = uptimeMillis - startTicks * 1000 / LINUX_TICKS_PER_SECOND;
            if (startTicks < 0 || ageMillis < 0) {
                return Optional.empty();
            }
            return Optional.of(now.minusMillis(ageMillis));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
