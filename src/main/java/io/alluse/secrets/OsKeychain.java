package io.alluse.secrets;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credentials in the operating system's keychain (macOS Keychain, Windows Credential Manager,
 * Linux Secret Service): the OS encrypts them with the user's login and unlocks them with it, so
 * no passphrase of ours is asked. All entries of one data folder share one service name
 * ({@link #serviceFor}), so two data folders (or a test's) never see each other's keys.
 */
public final class OsKeychain implements CredentialStore {

    private static final Logger log = LoggerFactory.getLogger(OsKeychain.class);
    static final String PROBE_PREFIX = "probe/";

    private final Keychain keychain;
    private final String service;

    OsKeychain(Keychain keychain, String service) {
        this.keychain = keychain;
        this.service = requireService(service);
    }

    /** The service name of a data folder's entries: the app's name and the folder, as the user sees them in the keychain. */
    public static String serviceFor(Path dataDir) {
        return "ALL-USE Workstation (" + dataDir.toAbsolutePath().normalize() + ")";
    }

    /**
     * This OS's keychain if its native library loads (libsecret on Linux, Security on macOS,
     * Advapi32 on Windows); whether it works is for {@link #works} to find out.
     */
    public static Optional<OsKeychain> forThisOs(String service) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Optional<? extends Keychain> keychain;
        if (os.startsWith("windows")) {
            keychain = WindowsCredentialManager.load();
        } else if (os.startsWith("mac")) {
            keychain = MacKeychain.load();
        } else if (os.startsWith("linux")) {
            keychain = LinuxSecretService.load();
        } else {
            keychain = Optional.empty();
        }
        return keychain.map(k -> new OsKeychain(k, service));
    }

    /**
     * Whether the keychain stores, returns and removes an entry within {@code timeout}: a round
     * trip with random bytes under a name of its own. False when no keychain service answers (no
     * D-Bus session, no Secret Service, locked and nobody to unlock it). The call that hangs (a
     * prompt nobody answers) is left behind on a daemon thread.
     */
    public boolean works(Duration timeout) {
        FutureTask<Boolean> roundTrip = new FutureTask<>(this::roundTrip);
        Thread thread = Thread.ofPlatform().daemon().name("keychain-probe").unstarted(roundTrip);
        thread.start();
        try {
            return roundTrip.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{} did not answer within {} s; using the vault file instead", keychain.name(), timeout.toSeconds());
            return false;
        } catch (ExecutionException e) {
            log.info("{} is not usable here ({}); using the vault file instead", keychain.name(), e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean roundTrip() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        // text, as real keys are: the Secret Service stores C strings, so raw random bytes were cut at
        // their first zero byte (one probe in sixteen) and the app then fell back to the vault file
        byte[] token = HexFormat.of().formatHex(random).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String name = PROBE_PREFIX + HexFormat.of().formatHex(random, 0, 4);
        keychain.store(service, name, token);
        try {
            return keychain.read(service, name).map(back -> Arrays.equals(back, token)).orElse(false);
        } finally {
            keychain.delete(service, name);
        }
    }

    /** The entries' service name (for the user: what to look for in Keychain Access or Seahorse). */
    public String service() {
        return service;
    }

    @Override
    public String where() {
        return "the " + keychain.name() + ", under \"" + service + "\"";
    }

    /** The OS unlocks its keychain with the user's login; an entry it cannot reach fails with its own message. */
    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void put(String name, Secret value) {
        requireName(name);
        byte[] bytes = value.utf8();
        try {
            keychain.store(service, name, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public Optional<Secret> get(String name) {
        requireName(name);
        return keychain.read(service, name).map(Secret::fromUtf8);
    }

    @Override
    public void remove(String name) {
        requireName(name);
        keychain.delete(service, name);
    }

    @Override
    public String toString() {
        return "OsKeychain[" + keychain.name() + ", " + service + "]";
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 200 || name.startsWith(PROBE_PREFIX) || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a keychain entry needs a name of 1-200 characters (not starting with " + PROBE_PREFIX + ")");
        }
    }

    private static String requireService(String service) {
        if (service == null || service.isBlank() || service.length() > 1000 || service.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a keychain service name needs 1-1000 characters");
        }
        return service;
    }
}
