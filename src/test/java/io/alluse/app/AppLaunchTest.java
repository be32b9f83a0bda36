package io.alluse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as a user starts it: no command, a fresh data folder. Runs in its own JVM because a
 * JavaFX application can be launched only once per process.
 */
class AppLaunchTest {

    @TempDir
    Path dir;

    @Test
    void firstStartOpensTheWindowWithAccountOneAndASmokeTestScreenshot() throws Exception {
        Path data = dir.resolve("data");
        Path png = dir.resolve("smoke.png");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String p : List.of("glass.platform", "monocle.platform", "prism.order", "prism.text", "java.awt.headless", "testfx.headless")) {
            if (System.getProperty(p) != null) {
                command.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        // the production logging configuration, not the test one that also sits on this class path
        command.add("-Dlogback.configurationFile=" + Path.of(Main.class.getResource("/logback.xml").toURI()));
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", data.toString(), "--smoke-test", png.toString()));
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("app-output.txt").toFile()).start();
        // a guard against a hang, not a speed check: on a build machine shared by several builds start-up alone took 90 s
        boolean ended = app.waitFor(240, TimeUnit.SECONDS);
        String output = Files.readString(dir.resolve("app-output.txt"), StandardCharsets.UTF_8);
        if (!ended) {
            app.destroyForcibly();
        }
        assertThat(ended).as("app should exit by itself after the smoke test; output:%n%s", output).isTrue();
        assertThat(app.exitValue()).as(output).isZero();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        Path screenshots = Files.createDirectories(Path.of(System.getProperty("screenshot.dir", "target/screenshots")));
        Files.copy(png, screenshots.resolve("first-start.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // first run: Account-1 with the defaults on the paper broker, a startup backup, and a log file
        CliRunner.Result list = new CliRunner(data).run("accounts", "list");
        assertThat(list.out()).contains("account-1").contains("Account-1").contains("$500,000.00").contains("$200,000 (40%)");
        assertThat(Files.list(data.resolve("backups")).map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("-startup.zip"));
        String log = Files.readString(data.resolve("logs").resolve("alluse.log"));
        assertThat(log).contains("Database open at");
        // what an installation check reads: start-up time and what Help -> About says
        assertThat(log).containsPattern("Start-up: first frame \\d+ ms after process start")
                .containsPattern("Start-up: main window ready \\d+ ms after process start")
                .contains("About shows \"ALL-USE Workstation " + AppInfo.load().version() + "\"")
                .contains("Backups:   " + data.resolve("backups"));
    }
}
