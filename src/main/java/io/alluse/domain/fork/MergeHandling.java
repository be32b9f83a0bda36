package io.alluse.domain.fork;

/**
 * What actually happens to a merging account's positions: the account's {@link ForkRules.MergeMode}
 * where the brokers allow it. Only two accounts at the built-in paper brokerage can hand positions
 * to each other; a real broker cannot move positions between our accounts, so a merge that asked
 * for a transfer closes at the market there instead, and says so (docs/decisions/0019).
 */
public enum MergeHandling {
    /** Closing orders at the market, then the cash moves. */
    CLOSE,
    /** The positions move to the parent's Com-Acc, cost basis kept, then the cash moves. */
    TRANSFER,
    /** A transfer was asked for but a broker cannot do it: closed at the market instead. */
    CLOSE_INSTEAD_OF_TRANSFER;

    public static MergeHandling of(ForkRules.MergeMode mode, boolean bothAtThePaperBrokerage) {
        return switch (mode) {
            case CLOSE_AT_MARKET -> CLOSE;
            case TRANSFER_AT_MARKET -> bothAtThePaperBrokerage ? TRANSFER : CLOSE_INSTEAD_OF_TRANSFER;
        };
    }

    public boolean closes() {
        return this != TRANSFER;
    }

    /** For the audit log and the notification, with the number of positions held. */
    public String describe(int positions) {
        String what = positions == 1 ? "its 1 position" : "its " + positions + " positions";
        String verb = positions == 1 ? "is" : "are";
        return switch (this) {
            case CLOSE -> what + " " + verb + " closed at the market first (merge setting CLOSE_AT_MARKET), then the cash moves";
            case TRANSFER -> what + (positions == 1 ? " moves" : " move") + " to the parent's Com-Acc at market value, cost basis kept (merge setting TRANSFER_AT_MARKET), then the cash moves";
            case CLOSE_INSTEAD_OF_TRANSFER -> what + " " + verb + " closed at the market first: the setting asks for a transfer, but a real broker cannot move"
                    + " positions between accounts; then the cash moves";
        };
    }
}
