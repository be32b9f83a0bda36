package io.alluse.broker.alpaca;

import io.alluse.broker.BrokerException;

/** Alpaca answered with an HTTP error: the status and Alpaca's own error code travel with the user-facing message. */
public final class AlpacaRefusal extends BrokerException {

    private final int status;
    private final long alpacaCode;

    AlpacaRefusal(Kind kind, String message, int status, long alpacaCode) {
        super(kind, message);
        this.status = status;
        this.alpacaCode = alpacaCode;
    }

    public int status() {
        return status;
    }

    /** Alpaca's error code from the body ({@code 40010001}...), 0 if it sent none. */
    public long alpacaCode() {
        return alpacaCode;
    }

    /** Alpaca refused an order because one with the same client order id already exists. */
    boolean duplicateClientOrderId() {
        String m = getMessage().toLowerCase(java.util.Locale.ROOT);
        return (status == 422 || status == 409 || status == 400) && m.contains("client_order_id")
                && (m.contains("unique") || m.contains("duplicate") || m.contains("already"));
    }
}
