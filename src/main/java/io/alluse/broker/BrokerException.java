package io.alluse.broker;

/**
 * A broker call failed. The message is for the user and never holds credentials; {@link #kind()}
 * says what happened and {@link #retryable()} whether trying again later can help.
 */
public class BrokerException extends RuntimeException {

    public enum Kind {
        /** Keys wrong, revoked or missing (401/403). */
        AUTHENTICATION(false),
        /** The account may not trade options of this kind. */
        NOT_APPROVED(false),
        /** Not enough cash or buying power for the order. */
        INSUFFICIENT_FUNDS(false),
        /** The market is closed for this order. */
        MARKET_CLOSED(false),
        /** The broker refused the order for another reason. */
        REJECTED(false),
        /** Asked to slow down (429). */
        RATE_LIMITED(true),
        /** Network down, connection dropped, 5xx. */
        UNAVAILABLE(true),
        /** No answer in time. */
        TIMEOUT(true),
        /** What was asked for does not exist. */
        NOT_FOUND(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;

    public BrokerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public BrokerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
