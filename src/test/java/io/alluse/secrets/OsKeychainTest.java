package io.alluse.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The macOS Keychain and Windows Credential Manager for real, in the user's own store (hosted CI
 * runs this on its macOS and Windows runners: .github/workflows/installers.yml). Entries go under a
 * service name of their own, made unique per run, and are removed at the end. Linux is covered by
 * {@link LinuxSecretServiceTest}, which needs a D-Bus session of its own.
 */
@EnabledOnOs({OS.MAC, OS.WINDOWS})
class OsKeychainTest {

    @Test
    void storesReadsOverwritesAndDeletesPerAccount() {
        String run = UUID.randomUUID().toString();
        OsKeychain a = OsKeychain.forThisOs("ALL-USE Workstation test " + run + " A").orElseThrow();
        OsKeychain b = OsKeychain.forThisOs("ALL-USE Workstation test " + run + " B").orElseThrow();
        assertThat(a.works(Duration.ofSeconds(30))).isTrue();
        try {
            Map<String, String> r = KeychainScenario.roundTrip(a, b);
            assertThat(r).containsEntry("works", "true").containsEntry("cli", KeychainScenario.NONE)
                    .containsEntry("a1", "PK-ONE-1").containsEntry("a2", "PK-TWO-2")
                    .containsEntry("a1.overwritten", "PK-ONE-overwritten-\u00e9\u20ac").containsEntry("a2.after-overwrite", "PK-TWO-2")
                    .containsEntry("b.a1.before", KeychainScenario.NONE).containsEntry("b.a1", "PK-OTHER-FOLDER")
                    .containsEntry("a1.after-b", "PK-ONE-overwritten-\u00e9\u20ac")
                    .containsEntry("a1.removed", KeychainScenario.NONE).containsEntry("remove-twice", "ok")
                    .containsEntry("a2.final", "PK-TWO-2").containsEntry("b.a1.after-a-removed", "PK-OTHER-FOLDER");
        } finally {
            a.remove("alpaca/A-2/key-id");
            b.remove("alpaca/A-1/key-id");
        }
        assertThat(a.get("alpaca/A-2/key-id")).isEmpty();
    }

    @Test
    void theAppChoosesTheKeychainForANewDataFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CredentialStore store = CredentialStores.forDataFolder(dir, dir.resolve("credentials.vault"), false);
        assertThat(store).isInstanceOf(OsKeychain.class);
        assertThat(store.where()).contains(System.getProperty("os.name").startsWith("Mac") ? "macOS Keychain" : "Windows Credential Manager");
    }
}
