package io.alluse.secrets;

import java.util.Optional;

/**
 * Where the brokers' credentials of one data folder are kept: the operating system's keychain
 * where one works, otherwise the encrypted vault file (docs/decisions/0022). Names are references
 * such as {@code alpaca/<account-id>/key-id}, never secrets; values are {@link Secret}s.
 */
public sealed interface CredentialStore permits OsKeychain, SecretVault {

    /** For the user: which store and where, e.g. "GNOME Keyring / Secret Service" or the vault's path. */
    String where();

    /** Whether secrets can be read and written now (the vault must be unlocked first; a keychain always is). */
    boolean isOpen();

    /** Stores or replaces one secret. */
    void put(String name, Secret value);

    Optional<Secret> get(String name);

    /** Removes one secret if it is there. */
    void remove(String name);
}
