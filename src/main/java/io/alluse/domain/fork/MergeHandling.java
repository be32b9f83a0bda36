package io.alluse.domain.fork;

/**
 * What actually happens to a merging account's positions: the account's {@link ForkRules.MergeMode}
 * where the brokerage allows it. Moving positions between two accounts needs a brokerage that can do it:
 * the built-in paper brokerage can when both accounts are there (docs/decisions/0026); a real broker, or
 * two accounts at different brokers, cannot, and a merge that asked for a transfer closes at the market
 * instead, and says so.
 */
public enum MergeHandling {
    /** Closing orders at the market, then the cash moves. */
    CLOSE,
    /** Positions (cost basis and opening days kept) and cash move to the parent at the brokerage in one step. */
    TRANSFER,
    /** A transfer was asked for but the brokerage cannot move positions between the accounts: closed at the market instead. */
    CLOSE_INSTEAD_OF_TRANSFER;

    public static MergeHandling of(ForkRules.MergeMode mode, boolean brokerageCanTransfer) {
        return switch (mode) {
            case CLOSE_AT_MARKET -> CLOSE;
            case TRANSFER_AT_MARKET -> brokerageCanTransfer ? TRANSFER : CLOSE_INSTEAD_OF_TRANSFER;
        };
    }

    /** For the audit log and the notification, with the number of positions held. */
    public String describe(int positions) {
        String count = positions == 1 ? "its 1 position" : "its " + positions + " positions";
        String what = count + (positions == 1 ? " is" : " are") + " closed at the market first";
        return switch (this) {
            case CLOSE -> what + " (merge setting CLOSE_AT_MARKET), then the cash moves";
            case TRANSFER -> count + " and its cash move to the parent's sleeves of the same kind at the paper brokerage"
                    + " (merge setting TRANSFER_AT_MARKET), with their cost basis and opening days";
            case CLOSE_INSTEAD_OF_TRANSFER -> what + ": the merge setting asks for TRANSFER_AT_MARKET, which only the built-in paper brokerage"
                    + " can do with both accounts there, so at this broker the positions are closed at the market; then the cash moves";
        };
    }
}
