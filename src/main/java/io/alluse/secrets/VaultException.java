package io.alluse.secrets;

/** The credential store (vault file or OS keychain) could not do what was asked. Messages are for the user and never contain a secret or the passphrase. */
public final class VaultException extends RuntimeException {

    public enum Kind {
        /** The passphrase does not open the existing vault file. */
        WRONG_PASSPHRASE,
        /** A new passphrase is too weak to protect the vault. */
        WEAK_PASSPHRASE,
        /** The vault has not been unlocked in this session. */
        LOCKED,
        /** The vault file is not a vault, or was changed outside the application. */
        CORRUPT,
        /** The vault file could not be read or written. */
        IO,
        /** The operating system's keychain could not be reached, or refused the request. */
        KEYCHAIN
    }

    private final Kind kind;

    public VaultException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public VaultException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
