package io.alluse.secrets;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A credential held in memory: never printed. {@link #toString()} says only that something is
 * hidden, so a secret that slips into a log line or an exception message shows nothing.
 */
public final class Secret {

    private final char[] chars;

    private Secret(char[] chars) {
        this.chars = chars;
    }

    /** Copies {@code chars}; the caller may wipe its own array afterwards. */
    public static Secret of(char[] chars) {
        if (chars == null || chars.length == 0) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(chars.clone());
    }

    public static Secret of(String text) {
        return of(text == null ? null : text.toCharArray());
    }

    /** A copy of the characters; wipe it when done. */
    public char[] chars() {
        return chars.clone();
    }

    /** As text, for APIs that take only strings (HTTP headers). */
    public String reveal() {
        return new String(chars);
    }

    public int length() {
        return chars.length;
    }

    byte[] utf8() {
        var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    static Secret fromUtf8(byte[] bytes) {
        var buffer = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes));
        char[] chars = new char[buffer.remaining()];
        buffer.get(chars);
        Arrays.fill(bytes, (byte) 0);
        return new Secret(chars);
    }

    /** Compares in time independent of where the first difference is. */
    public boolean sameAs(Secret other) {
        return other != null && java.security.MessageDigest.isEqual(utf8(), other.utf8());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && sameAs(s);
    }

    @Override
    public int hashCode() {
        return chars.length;
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
