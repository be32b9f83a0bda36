package io.alluse.secrets;

import java.util.Optional;

/**
 * One operating system's credential store, reached through the FFM API (java.lang.foreign) so
 * that no native library ships with the app. An entry is found by a service and an account
 * name, both references (never secrets); failures throw {@link VaultException.Kind#KEYCHAIN}
 * with the OS's own error text, which never contains the secret.
 */
sealed interface Keychain permits LinuxSecretService, MacKeychain, WindowsCredentialManager {

    /** For the user, e.g. "macOS Keychain". */
    String name();

    /** Stores or replaces the entry; the caller wipes {@code secret} afterwards. */
    void store(String service, String account, byte[] secret);

    /** The entry's bytes (the caller wipes them), or empty if there is none. */
    Optional<byte[]> read(String service, String account);

    /** Removes the entry if there is one. */
    void delete(String service, String account);
}
