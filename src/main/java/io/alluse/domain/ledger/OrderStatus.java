package io.alluse.domain.ledger;

/** The life of an order, from the intent we store before sending it to its end at the broker. */
public enum OrderStatus {
    /** Stored, not yet known to the broker (it may or may not have been sent before a crash). */
    INTENT,
    SUBMITTED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED,
    EXPIRED;

    public boolean isFinal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }
}
