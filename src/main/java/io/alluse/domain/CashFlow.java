package io.alluse.domain;

import java.time.Instant;

/**
 * Money the owner moved into or out of an account at the brokerage. It is an external flow,
 * never performance: returns are measured with these taken out.
 *
 * @param reference the broker's id of the activity, so the same deposit is never booked twice
 */
public record CashFlow(Kind kind, Money amount, Instant at, String reference) {

    public enum Kind { DEPOSIT, WITHDRAWAL }

    public CashFlow {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + " amount must be positive, was " + amount);
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a cash flow needs the broker's reference");
        }
    }

    public static CashFlow deposit(Money amount, Instant at, String reference) {
        return new CashFlow(Kind.DEPOSIT, amount, at, reference);
    }

    public static CashFlow withdrawal(Money amount, Instant at, String reference) {
        return new CashFlow(Kind.WITHDRAWAL, amount, at, reference);
    }

    /** Positive for deposits, negative for withdrawals. */
    public Money signedAmount() {
        return kind == Kind.DEPOSIT ? amount : amount.negate();
    }
}
