package io.alluse.broker.alpaca;

import java.util.Arrays;

/**
 * One Alpaca account's API key pair, handed to its adapter by the engine (which reads it from the
 * credential vault). Never printed: {@link #toString()} shows the last 4 characters of the key id only.
 */
public final class AlpacaCredentials {

    private final String keyId;
    private final char[] secretKey;

    public AlpacaCredentials(String keyId, char[] secretKey) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("Enter the Alpaca API key id.");
        }
        if (secretKey == null || secretKey.length == 0) {
            throw new IllegalArgumentException("Enter the Alpaca API secret key.");
        }
        this.keyId = keyId.strip();
        this.secretKey = secretKey.clone();
    }

    String keyId() {
        return keyId;
    }

    String secretKey() {
        return new String(secretKey);
    }

    /** Replaces any credential text in {@code message}: a server or proxy might echo a header back. */
    String redact(String message) {
        if (message == null) {
            return null;
        }
        String secret = new String(secretKey);
        String out = message.replace(secret, "***");
        return out.replace(keyId, "***");
    }

    /** For the user to recognise the key: {@code ...AB12}. */
    public String hint() {
        return keyId.length() <= 4 ? "****" : "\u2026" + keyId.substring(keyId.length() - 4);
    }

    /** Overwrites the secret in this object once the adapter is closed. */
    public void wipe() {
        Arrays.fill(secretKey, '\0');
    }

    @Override
    public String toString() {
        return "AlpacaCredentials[key " + hint() + ", secret hidden]";
    }
}
