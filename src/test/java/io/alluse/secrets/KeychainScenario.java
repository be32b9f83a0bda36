package io.alluse.secrets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the keychain tests do with a real OS keychain, as a main class too: the Linux test runs it
 * in a child JVM inside its own D-Bus session and keyring (the Secret Service connection is one
 * per process), and prints each result as a {@code scenario: key=value} line for the test to check.
 * The values are test keys, not real ones.
 */
public final class KeychainScenario {

    static final String PREFIX = "scenario: ";
    static final String NONE = "<none>";

    private KeychainScenario() {
    }

    public static void main(String[] args) {
        Map<String, String> results = switch (args[0]) {
            case "roundtrip" -> roundTrip(OsKeychain.forThisOs(args[1]).orElseThrow(), OsKeychain.forThisOs(args[2]).orElseThrow());
            case "choose" -> {
                Path dir = Path.of(args[1]);
                CredentialStore store = CredentialStores.forDataFolder(dir, dir.resolve("credentials.vault"), false);
                yield Map.of("store", store.getClass().getSimpleName(), "where", store.where());
            }
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        };
        results.forEach((k, v) -> System.out.println(PREFIX + k + "=" + v));
    }

    /**
     * Store, read, overwrite and delete per account, in one data folder's keychain {@code a} and
     * another's {@code b}. Leaves {@code alpaca/A-2/key-id} in {@code a} (so that a second client can
     * look it up), and reads {@code alpaca/CLI/secret-key} that a second client may have stored first.
     */
    static Map<String, String> roundTrip(OsKeychain a, OsKeychain b) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("works", String.valueOf(a.works(Duration.ofSeconds(20))));
        r.put("cli", read(a, "alpaca/CLI/secret-key"));
        a.put("alpaca/A-1/key-id", Secret.of("PK-ONE-1"));
        a.put("alpaca/A-2/key-id", Secret.of("PK-TWO-2"));
        r.put("a1", read(a, "alpaca/A-1/key-id"));
        r.put("a2", read(a, "alpaca/A-2/key-id"));
        a.put("alpaca/A-1/key-id", Secret.of("PK-ONE-overwritten-\u00e9\u20ac"));
        r.put("a1.overwritten", read(a, "alpaca/A-1/key-id"));
        r.put("a2.after-overwrite", read(a, "alpaca/A-2/key-id"));
        r.put("b.a1.before", read(b, "alpaca/A-1/key-id"));
        b.put("alpaca/A-1/key-id", Secret.of("PK-OTHER-FOLDER"));
        r.put("b.a1", read(b, "alpaca/A-1/key-id"));
        r.put("a1.after-b", read(a, "alpaca/A-1/key-id"));
        a.remove("alpaca/A-1/key-id");
        r.put("a1.removed", read(a, "alpaca/A-1/key-id"));
        a.remove("alpaca/A-1/key-id");
        r.put("remove-twice", "ok");
        r.put("a2.final", read(a, "alpaca/A-2/key-id"));
        r.put("b.a1.after-a-removed", read(b, "alpaca/A-1/key-id"));
        b.remove("alpaca/A-1/key-id");
        return r;
    }

    private static String read(CredentialStore store, String name) {
        return store.get(name).map(Secret::reveal).orElse(NONE);
    }
}
