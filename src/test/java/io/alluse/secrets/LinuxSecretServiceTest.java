package io.alluse.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux Secret Service for real: each test starts a child JVM inside its own D-Bus session
 * ({@code dbus-run-session}) with a GNOME Keyring daemon unlocked by a passphrase on stdin, under a
 * temporary HOME, so the developer's own keyring is never touched and nothing is needed from the
 * desktop. {@code secret-tool} (a second, independent client of the same service) checks that the
 * entries really are in the keyring and under the attributes documented in docs/brokers.md.
 *
 * <p>Where gnome-keyring, libsecret or secret-tool are missing the tests are skipped, saying what
 * to install; {@code .ci/run} installs them and sets {@code ALLUSE_REQUIRE_KEYCHAIN=1}, which turns
 * a missing piece into a failure, so CI always runs them.
 */
class LinuxSecretServiceTest {

    static final String KEYRING_PASSWORD = "keyring test password";
    /**
     * Starts the keyring daemon with its login keyring unlocked, and waits until it owns the Secret
     * Service's bus name (otherwise a fast first call makes D-Bus start a second, locked daemon) and
     * takes an entry.
     */
    static final String START_KEYRING = """
            printf '%s' "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
            i=0
            until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \\
                    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q 'boolean true'; do
                i=$((i + 1)); [ "$i" -lt 400 ] || { echo "the keyring daemon never took org.freedesktop.secrets"; exit 1; }
                sleep 0.05
            done
            # owning the name is not yet serving: the login collection may still be on its way, and a probe
            # then fails once (seen in CI). Wait until secret-tool can store and clear an entry.
            i=0
            until printf 'ready' | secret-tool store --label 'readiness check' service alluse-test-ready account ready 2>/dev/null; do
                i=$((i + 1)); [ "$i" -lt 400 ] || { echo "the login keyring never took an entry"; exit 1; }
                sleep 0.05
            done
            secret-tool clear service alluse-test-ready account ready
            """;

    @TempDir
    Path dir;
    /** The last child session's whole output, for the failure messages. */
    String output = "";

    @Test
    void storesReadsOverwritesAndDeletesPerAccountInTheRealKeyring() throws Exception {
        requireKeyringTools();
        String folderA = OsKeychain.serviceFor(dir.resolve("data-a"));
        String folderB = OsKeychain.serviceFor(dir.resolve("data-b"));
        String script = START_KEYRING + """
                printf '%s' 'cli-stored-secret' | secret-tool store --label 'stored by secret-tool' \\
                    service "$FOLDER_A" account alpaca/CLI/secret-key
                "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" io.alluse.secrets.KeychainScenario roundtrip "$FOLDER_A" "$FOLDER_B"
                echo "scenario: cli.a2=$(secret-tool lookup service "$FOLDER_A" account alpaca/A-2/key-id)"
                echo "scenario: cli.a1=$(secret-tool lookup service "$FOLDER_A" account alpaca/A-1/key-id || echo '<none>')"
                """;
        Map<String, String> r = runInKeyringSession(script, Map.of("FOLDER_A", folderA, "FOLDER_B", folderB));

        assertThat(r).as(output).containsEntry("works", "true")
                .as("an entry stored by secret-tool is read by ours").containsEntry("cli", "cli-stored-secret")
                .containsEntry("a1", "PK-ONE-1").containsEntry("a2", "PK-TWO-2")
                .as("overwrite replaces one account's entry, UTF-8 intact").containsEntry("a1.overwritten", "PK-ONE-overwritten-\u00e9\u20ac")
                .as("and leaves the other account's alone").containsEntry("a2.after-overwrite", "PK-TWO-2")
                .as("another data folder sees none of this one's entries").containsEntry("b.a1.before", KeychainScenario.NONE)
                .containsEntry("b.a1", "PK-OTHER-FOLDER")
                .as("and writing its own changes nothing here").containsEntry("a1.after-b", "PK-ONE-overwritten-\u00e9\u20ac")
                .containsEntry("a1.removed", KeychainScenario.NONE).containsEntry("remove-twice", "ok")
                .containsEntry("a2.final", "PK-TWO-2")
                .as("removing in one folder leaves the other's").containsEntry("b.a1.after-a-removed", "PK-OTHER-FOLDER")
                .as("secret-tool finds what we stored").containsEntry("cli.a2", "PK-TWO-2")
                .as("and not what we removed").containsEntry("cli.a1", KeychainScenario.NONE);
    }

    @Test
    void theAppChoosesTheKeychainWhenTheSecretServiceAnswers() throws Exception {
        requireKeyringTools();
        String script = START_KEYRING + """
                "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" io.alluse.secrets.KeychainScenario choose "$DATA"
                """;
        Map<String, String> r = runInKeyringSession(script, Map.of("DATA", dir.resolve("data").toString()));
        assertThat(r).as(output).containsEntry("store", "OsKeychain");
        assertThat(r.get("where")).contains("Secret Service").contains(dir.resolve("data").toString());
        assertThat(dir.resolve("data/credentials.vault")).doesNotExist();
    }

    @Test
    void theAppFallsBackToTheVaultWhenNoSecretServiceIsReachable() throws Exception {
        requireLibsecret();
        // no session bus at all: libsecret cannot reach any Secret Service
        Map<String, String> r = run(List.of("sh", "-c", "\"$JAVA\" --enable-native-access=ALL-UNNAMED -cp \"$CP\" "
                        + "io.alluse.secrets.KeychainScenario choose \"$DATA\""),
                Map.of("DATA", dir.resolve("data").toString(), "DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.resolve("no-bus")));
        assertThat(r).as(output).containsEntry("store", "SecretVault");
        assertThat(r.get("where")).contains("credential vault").contains(dir.resolve("data").toString());
    }

    @Test
    void theAppFallsBackToTheVaultWhenTheBusHasNoSecretService() throws Exception {
        requireKeyringTools();
        // a D-Bus session, but no keyring daemon in it and none that D-Bus may start (empty XDG_DATA_DIRS)
        Map<String, String> r = run(List.of("dbus-run-session", "--", "sh", "-c",
                        "\"$JAVA\" --enable-native-access=ALL-UNNAMED -cp \"$CP\" io.alluse.secrets.KeychainScenario choose \"$DATA\""),
                Map.of("DATA", dir.resolve("data").toString(), "XDG_DATA_DIRS", dir.resolve("no-services").toString()));
        assertThat(r).as(output).containsEntry("store", "SecretVault");
    }

    // --- the child session ---------------------------------------------------------------------

    private Map<String, String> runInKeyringSession(String script, Map<String, String> env) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("KEYRING_PASSWORD", KEYRING_PASSWORD);
        return run(List.of("dbus-run-session", "--", "sh", "-ec", script), all);
    }

    private Map<String, String> run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("home"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        // a private HOME: the keyring daemon creates its login keyring there, not in the developer's
        e.put("HOME", home.toString());
        e.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        e.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        e.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        Files.setPosixFilePermissions(runtime, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        e.put("XDG_RUNTIME_DIR", runtime.toString());
        e.remove("DISPLAY");
        e.remove("WAYLAND_DISPLAY");
        e.remove("DBUS_SESSION_BUS_ADDRESS");
        e.remove("GNOME_KEYRING_CONTROL");
        e.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        e.put("CP", System.getProperty("java.class.path"));
        e.putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (var in = p.inputReader(StandardCharsets.UTF_8)) {
                in.lines().forEach(lines::add);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        // a guard against a hung child, not a speed check
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("the keyring session did not finish within 120 s: " + String.join("\n", lines));
        }
        reader.join(5_000);
        output = String.join("\n", lines);
        assertThat(p.exitValue()).as("exit code of the keyring session; its output:\n" + output).isZero();
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith(KeychainScenario.PREFIX)) {
                String kv = line.substring(KeychainScenario.PREFIX.length());
                int eq = kv.indexOf('=');
                results.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        assertThat(results).as("results of the scenario; its output:\n" + output).isNotEmpty();
        return results;
    }

    // --- what is needed, and whether a missing piece skips or fails ------------------------------

    static boolean required() {
        return "1".equals(System.getenv("ALLUSE_REQUIRE_KEYCHAIN"));
    }

    private static void need(boolean present, String what) {
        if (present) {
            return;
        }
        String message = what + " (Debian: apt-get install gnome-keyring libsecret-1-0 libsecret-tools dbus)";
        if (required()) {
            fail(message + ": ALLUSE_REQUIRE_KEYCHAIN=1 requires the real Secret Service test to run");
        }
        assumeTrue(false, "Secret Service test skipped: " + message);
    }

    private static void requireLibsecret() {
        need(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux"), "not Linux");
        need(LinuxSecretService.load().isPresent(), LinuxSecretService.LIBRARY + " is not installed");
    }

    private static void requireKeyringTools() {
        requireLibsecret();
        for (String tool : List.of("dbus-run-session", "dbus-send", "gnome-keyring-daemon", "secret-tool")) {
            need(onPath(tool), tool + " is not installed");
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
