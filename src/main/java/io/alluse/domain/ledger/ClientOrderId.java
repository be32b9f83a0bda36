package io.alluse.domain.ledger;

import io.alluse.domain.AccountId;
import io.alluse.domain.SleeveKind;
import java.util.regex.Pattern;

/**
 * The id we give an order before it is sent, derived only from account, sleeve, cycle and leg,
 * so that after a crash the same decision produces the same id and the broker can tell us
 * whether it already has the order. At most 64 characters (Alpaca allows 128).
 */
public record ClientOrderId(String value) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9-]+");

    public ClientOrderId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("client order id must be 1-64 characters: " + value);
        }
    }

    /** {@code account-1.gen.2026-11-26.tsla-p-1} */
    public static ClientOrderId of(AccountId account, SleeveKind sleeve, String cycle, String leg) {
        if (!PART.matcher(cycle).matches() || !PART.matcher(leg).matches()) {
            throw new IllegalArgumentException("cycle and leg may hold letters, digits and dashes only: " + cycle + ", " + leg);
        }
        return new ClientOrderId(account.value() + "." + sleeve.key() + "." + cycle + "." + leg.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
