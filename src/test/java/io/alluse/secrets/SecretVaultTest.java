package io.alluse.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretVaultTest {

    /** Cheap costs for most tests; one test below runs the production (OWASP) costs. */
    static final KdfParameters FAST = new KdfParameters(64, 1, 1);
    static final char[] PASS = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    private SecretVault vault() {
        return SecretVault.at(dir.resolve("vault.bin"), FAST);
    }

    @Test
    void secretsSurviveReopeningWithThePassphrase() {
        SecretVault v = vault();
        v.unlock(PASS);
        v.put("alpaca/account-1/key-id", Secret.of("PKTESTKEYID123"));
        v.put("alpaca/account-1/secret", Secret.of("s3cr3t-\u00e9-value"));

        SecretVault again = vault();
        assertThat(again.isUnlocked()).isFalse();
        again.unlock(PASS.clone());
        assertThat(again.get("alpaca/account-1/secret")).get().extracting(Secret::reveal).isEqualTo("s3cr3t-\u00e9-value");
        assertThat(again.get("alpaca/account-1/key-id")).get().extracting(Secret::reveal).isEqualTo("PKTESTKEYID123");
        assertThat(again.get("alpaca/account-2/secret")).isEmpty();
        assertThat(again.names()).containsExactly("alpaca/account-1/key-id", "alpaca/account-1/secret");
    }

    @Test
    void productionCostsWork() {
        SecretVault v = SecretVault.at(dir.resolve("owasp.bin"));
        v.unlock(PASS);
        v.put("k", Secret.of("value"));
        SecretVault again = SecretVault.at(dir.resolve("owasp.bin"), FAST); // costs come from the file, not the caller
        again.unlock(PASS);
        assertThat(again.get("k")).get().extracting(Secret::reveal).isEqualTo("value");
        assertThatThrownBy(() -> SecretVault.at(dir.resolve("owasp.bin")).unlock("wrong passphrase!".toCharArray()))
                .isInstanceOf(VaultException.class);
    }

    @Test
    void aWrongPassphraseIsRefusedClearlyAndChangesNothing() throws Exception {
        SecretVault v = vault();
        v.unlock(PASS);
        v.put("k", Secret.of("value"));
        byte[] before = Files.readAllBytes(v.file());

        SecretVault other = vault();
        assertThatThrownBy(() -> other.unlock("not the passphrase".toCharArray()))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.kind()).isEqualTo(VaultException.Kind.WRONG_PASSPHRASE))
                .hasMessageContaining("does not open the credential vault")
                .hasMessageContaining("Nothing was changed");
        assertThat(other.isUnlocked()).isFalse();
        assertThatThrownBy(() -> other.put("k", Secret.of("overwrite")))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.kind()).isEqualTo(VaultException.Kind.LOCKED));
        assertThat(Files.readAllBytes(v.file())).isEqualTo(before);

        // the session that knew the right passphrase is not disturbed by someone else's wrong one
        assertThat(v.get("k")).get().extracting(Secret::reveal).isEqualTo("value");
    }

    @Test
    void theFileHoldsNoSecretOrPassphraseInClearAndEachWriteUsesAFreshNonce() throws Exception {
        SecretVault v = vault();
        v.unlock(PASS);
        v.put("a", Secret.of("THE-SECRET-VALUE"));
        byte[] first = Files.readAllBytes(v.file());
        v.put("a", Secret.of("THE-SECRET-VALUE"));
        byte[] second = Files.readAllBytes(v.file());

        for (byte[] file : new byte[][] {first, second}) {
            assertThat(Bytes.indexOf(file, "THE-SECRET-VALUE".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
            assertThat(Bytes.indexOf(file, new String(PASS).getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        }
        // same length (same value), different bytes: the value was sealed again under a new nonce
        assertThat(second).hasSameSizeAs(first).isNotEqualTo(first);
    }

    @Test
    void sealedValuesCannotBeSwappedBetweenNames() throws Exception {
        SecretVault v = vault();
        v.unlock(PASS);
        v.put("aaaa", Secret.of("value-one"));
        v.put("bbbb", Secret.of("value-two"));
        byte[] bytes = Files.readAllBytes(v.file());
        // rename entry "bbbb" to "aaaa" and vice versa in place: the sealed values now sit under the other name
        int a = Bytes.indexOf(bytes, "aaaa".getBytes(StandardCharsets.US_ASCII));
        int b = Bytes.indexOf(bytes, "bbbb".getBytes(StandardCharsets.US_ASCII));
        System.arraycopy("bbbb".getBytes(StandardCharsets.US_ASCII), 0, bytes, a, 4);
        System.arraycopy("aaaa".getBytes(StandardCharsets.US_ASCII), 0, bytes, b, 4);
        Files.write(v.file(), bytes);

        SecretVault again = vault();
        again.unlock(PASS);
        assertThatThrownBy(() -> again.get("aaaa"))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.kind()).isEqualTo(VaultException.Kind.CORRUPT))
                .hasMessageNotContaining("value-");
    }

    @Test
    void aDamagedFileIsReportedNotTrusted() throws Exception {
        Path file = dir.resolve("vault.bin");
        Files.writeString(file, "this is not a vault");
        assertThatThrownBy(() -> vault().unlock(PASS))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.kind()).isEqualTo(VaultException.Kind.CORRUPT))
                .hasMessageContaining("not an ALL-USE credential vault");
        assertThat(Files.readString(file)).isEqualTo("this is not a vault");
    }

    @Test
    void aNewVaultNeedsAReasonablePassphrase() {
        SecretVault v = vault();
        assertThatThrownBy(() -> v.unlock("short".toCharArray()))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.kind()).isEqualTo(VaultException.Kind.WEAK_PASSPHRASE))
                .hasMessageContaining("at least " + SecretVault.MIN_PASSPHRASE);
        assertThat(v.exists()).isFalse();
    }

    @Test
    void removingAndLocking() {
        SecretVault v = vault();
        v.unlock(PASS);
        v.put("a", Secret.of("1"));
        v.remove("a");
        v.remove("never-there");
        assertThat(v.names()).isEmpty();
        v.lock();
        assertThatThrownBy(() -> v.get("a")).isInstanceOf(VaultException.class).hasMessageContaining("locked");
    }

    @Test
    void secretsDoNotPrint() {
        Secret s = Secret.of("hunter2hunter2");
        assertThat(s.toString()).doesNotContain("hunter2").isEqualTo("Secret[hidden]");
        assertThat(String.valueOf(java.util.List.of(s))).doesNotContain("hunter2");
        assertThat(s.sameAs(Secret.of("hunter2hunter2"))).isTrue();
        assertThat(s.sameAs(Secret.of("hunter2hunter3"))).isFalse();
    }

    /** Byte search for the scans. */
    static final class Bytes {
        static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
