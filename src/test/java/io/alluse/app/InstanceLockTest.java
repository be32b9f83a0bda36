package io.alluse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second launch on the same data folder says clearly that the folder is in use. */
class InstanceLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondProcessOnTheSameFolderIsToldItIsInUse() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("locked");
            CliRunner.Result second = new CliRunner(dir).run("accounts", "list");
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err()).contains("is in use by another running ALL-USE Workstation (process " + holder.pid() + ")")
                    .contains("--data-dir");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        // the OS released the killed holder's lock: the folder is usable again
        assertThat(new CliRunner(dir).run("accounts", "list").exitCode()).isZero();
    }

    /** Child process: takes the lock like a running app, says so, and waits to be killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws InterruptedException {
            InstanceLock lock = InstanceLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
            lock.close();
        }
    }
}
