package io.alluse.secrets;

/**
 * Argon2id cost settings, stored in the vault file so that a vault written with older settings
 * still opens after the defaults are raised.
 *
 * @param memoryKiB   memory per derivation in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
public record KdfParameters(int memoryKiB, int iterations, int parallelism) {

    /** OWASP Password Storage Cheat Sheet (2025), Argon2id: m=19 MiB, t=2, p=1 at minimum. */
    public static final KdfParameters OWASP = new KdfParameters(19 * 1024, 2, 1);

    public KdfParameters {
        // refuses a file whose header asks for absurd work (a tampered file must not hang or exhaust the app)
        if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024 || iterations < 1 || iterations > 100
                || parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("Argon2id parameters out of range: m=" + memoryKiB + " KiB, t=" + iterations
                    + ", p=" + parallelism);
        }
    }
}
