package io.alluse.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/**
 * The vault's key derivation (password4j's Argon2id) against a second, independent implementation
 * (Bouncy Castle, test scope only): the same passphrase, salt and costs must give the same key, or
 * a vault written by one would not open with the other and the KDF would not be Argon2id at all.
 */
class Argon2idKdfTest {

    @Test
    void sameKeyAsBouncyCastleForRandomPassphrasesSaltsAndCosts() {
        SplittableRandom random = new SplittableRandom(20261124);
        for (int i = 0; i < 12; i++) {
            char[] passphrase = randomPassphrase(random);
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            int parallelism = 1 + random.nextInt(3);
            KdfParameters costs = new KdfParameters(8 * parallelism * (1 + random.nextInt(32)), 1 + random.nextInt(3), parallelism);
            assertThat(HexFormat.of().formatHex(SecretVault.derive(passphrase, salt, costs)))
                    .as("case %d: %s", i, costs)
                    .isEqualTo(HexFormat.of().formatHex(bouncyCastle(passphrase, salt, costs)));
        }
    }

    @Test
    void sameKeyAsBouncyCastleAtTheProductionCosts() {
        char[] passphrase = "correct horse battery staple \u00e9\u00fc\u20ac".toCharArray();
        byte[] salt = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);
        byte[] ours = SecretVault.derive(passphrase, salt, KdfParameters.OWASP);
        assertThat(ours).hasSize(32).isEqualTo(bouncyCastle(passphrase, salt, KdfParameters.OWASP));
        assertThat(ours).isNotEqualTo(SecretVault.derive("correct horse battery staple".toCharArray(), salt, KdfParameters.OWASP));
    }

    private static char[] randomPassphrase(SplittableRandom random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !$%&/()=?\u00e9\u00fc\u00df\u20ac\u00a3";
        char[] out = new char[10 + random.nextInt(40)];
        for (int i = 0; i < out.length; i++) {
            out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return out;
    }

    private static byte[] bouncyCastle(char[] passphrase, byte[] salt, KdfParameters p) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(p.memoryKiB()).withIterations(p.iterations()).withParallelism(p.parallelism()).build());
        byte[] out = new byte[32];
        generator.generateBytes(passphrase, out);
        return out;
    }
}
