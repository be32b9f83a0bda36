package io.alluse.domain.fork;

/**
 * What actually happens to a merging account's positions: the account's {@link ForkRules.MergeMode}
 * where the brokerage allows it. Moving positions between two accounts needs a brokerage that can
 * do it; where it cannot (every real broker, and for now the built-in paper brokerage too, see
 * docs/decisions/0019), a merge that asked for a transfer closes at the market instead, and says so.
 */
public enum MergeHandling {
    /** Closing orders at the market, then the cash moves. */
    CLOSE,
    /** A transfer was asked for but the brokerage cannot move positions between the accounts: closed at the market instead. */
    CLOSE_INSTEAD_OF_TRANSFER;

    public static MergeHandling of(ForkRules.MergeMode mode, boolean brokerageCanTransfer) {
        return switch (mode) {
            case CLOSE_AT_MARKET -> CLOSE;
            case TRANSFER_AT_MARKET -> {
                if (brokerageCanTransfer) {
                    throw new IllegalArgumentException("moving positions between accounts is not built yet");
                }
                yield CLOSE_INSTEAD_OF_TRANSFER;
            }
        };
    }

    /** For the audit log and the notification, with the number of positions held. */
    public String describe(int positions) {
        String what = (positions == 1 ? "its 1 position is" : "its " + positions + " positions are") + " closed at the market first";
        return switch (this) {
            case CLOSE -> what + " (merge setting CLOSE_AT_MARKET), then the cash moves";
            case CLOSE_INSTEAD_OF_TRANSFER -> what + ": the merge setting asks for TRANSFER_AT_MARKET, but the brokerage cannot move positions"
                    + " between these accounts; then the cash moves";
        };
    }
}
