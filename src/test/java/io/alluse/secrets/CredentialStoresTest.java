package io.alluse.secrets;

import static io.alluse.secrets.CredentialStores.Choice.KEYCHAIN;
import static io.alluse.secrets.CredentialStores.Choice.VAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.secrets.CredentialStores.Preference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up choice between the OS keychain and the vault file (docs/decisions/0022), apart from any real keychain. */
class CredentialStoresTest {

    @TempDir
    Path dir;

    final AtomicInteger probes = new AtomicInteger();

    BooleanSupplier probe(boolean works) {
        return () -> {
            probes.incrementAndGet();
            return works;
        };
    }

    @Test
    void aNewDataFolderUsesTheKeychainWhenItsRoundTripWorks() {
        assertThat(CredentialStores.decide(Preference.AUTO, false, false, true, probe(true))).isEqualTo(KEYCHAIN);
        assertThat(CredentialStores.decide(Preference.AUTO, false, false, true, probe(false))).isEqualTo(VAULT);
        assertThat(CredentialStores.decide(Preference.AUTO, false, false, false, probe(true))).as("no keychain library").isEqualTo(VAULT);
        assertThat(probes).hasValue(2);
    }

    @Test
    void anExistingVaultIsKeptWithoutAskingTheKeychain() {
        assertThat(CredentialStores.decide(Preference.AUTO, true, false, true, probe(true))).isEqualTo(VAULT);
        assertThat(probes).hasValue(0);
    }

    @Test
    void keysAlreadyInTheKeychainKeepItEvenWhenItDoesNotAnswerToday() {
        assertThat(CredentialStores.decide(Preference.AUTO, false, true, true, probe(false))).isEqualTo(KEYCHAIN);
        assertThat(probes).hasValue(0);
    }

    @Test
    void theSystemPropertyOverrides() {
        assertThat(CredentialStores.decide(Preference.VAULT, false, true, true, probe(true))).isEqualTo(VAULT);
        assertThat(CredentialStores.decide(Preference.KEYCHAIN, true, false, true, probe(false))).isEqualTo(KEYCHAIN);
        assertThat(CredentialStores.decide(Preference.KEYCHAIN, false, false, false, probe(true))).as("no keychain to force").isEqualTo(VAULT);
        assertThat(Preference.parse(null)).isEqualTo(Preference.AUTO);
        assertThat(Preference.parse(" Vault ")).isEqualTo(Preference.VAULT);
        assertThatThrownBy(() -> Preference.parse("kwallet")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alluse.credentials=kwallet").hasMessageContaining("auto, keychain or vault");
    }

    @Test
    void withoutAKeychainTheVaultIsChosenAndNothingIsWritten() {
        SecretVault vault = SecretVault.at(dir.resolve("credentials.vault"));
        CredentialStore store = CredentialStores.choose(Preference.AUTO, vault, false, Optional::empty, Duration.ofSeconds(1));
        assertThat(store).isSameAs(vault);
        assertThat(store.isOpen()).isFalse();
        assertThat(store.where()).contains(dir.resolve("credentials.vault").toString());
        assertThat(Files.exists(vault.file())).isFalse();
    }

    @Test
    void eachDataFolderHasItsOwnKeychainServiceName() {
        assertThat(OsKeychain.serviceFor(dir.resolve("a"))).isNotEqualTo(OsKeychain.serviceFor(dir.resolve("b")))
                .isEqualTo(OsKeychain.serviceFor(dir.resolve("x/../a"))).startsWith("ALL-USE Workstation (").endsWith("a)");
    }

    @Test
    void nativeStructuresHaveTheirCHeadersSizes() {
        // wincred.h CREDENTIALW on x64: 4+4 + 8+8 + FILETIME 8 + 4(+4) + 8 + 4+4 + 8+8+8
        assertThat(WindowsCredentialManager.CREDENTIAL.byteSize()).isEqualTo(80);
        // libsecret SecretSchema on LP64: 8 + 4(+4) + 32 x (8 + 4(+4)) + 4(+4) + 7 x 8
        assertThat(LinuxSecretService.SCHEMA.byteSize()).isEqualTo(592);
    }
}
