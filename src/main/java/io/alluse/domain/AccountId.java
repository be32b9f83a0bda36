package io.alluse.domain;

import java.util.regex.Pattern;

/**
 * The user-chosen unique identifier of a main account, e.g. {@code account-1}. It names the
 * account in the ledger, in client order ids and on the command line, so it is short and plain.
 */
public record AccountId(String value) implements Comparable<AccountId> {

    public static final int MAX_LENGTH = 24;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX_LENGTH - 1) + "}");

    public AccountId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not an account id");
        }
    }

    public static boolean isValid(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public int compareTo(AccountId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
