package io.alluse.domain.ledger;

/** Kinds of ledger transactions. Deposits and withdrawals are external flows, never profit. */
public enum EntryKind {
    DEPOSIT,
    WITHDRAWAL,
    /** Premium received for selling an option (positive amount). */
    SELL_TO_OPEN,
    /** Cost of buying an option back (negative amount). */
    BUY_TO_CLOSE,
    BUY_TO_OPEN,
    SELL_TO_CLOSE,
    BUY_STOCK,
    SELL_STOCK,
    /** A short put assigned: shares bought at the strike. */
    ASSIGNMENT,
    /** A short call assigned: shares sold at the strike. */
    CALLED_AWAY,
    EXPIRATION,
    /** A long option exercised: shares bought (call) or sold (put) at the strike. */
    EXERCISE,
    /** Fees, interest or other cash the broker booked, shared over the sleeves by target. */
    ADJUSTMENT,
    COMMISSION,
    /** Capital moved between the sleeves of one account by a re-split: sums to zero over the account. */
    SLEEVE_TRANSFER,
    /** A Gen-Acc surplus that founded a forked account (negative): money moved between accounts, not performance. */
    FORK_OUT,
    /** A forked account's money leaving it when it merges into its parent (negative). */
    MERGE_OUT,
    /** A merged account's money arriving in the parent's Com-Acc (positive). */
    MERGE_IN,
    /**
     * One tax lot of a position leaving a merging account as it is (TRANSFER_AT_MARKET, docs/decisions/0026):
     * quantity is the signed lot that left, amount its market value at the transfer (as if sold at market; the
     * sleeve's MERGE_OUT takes that value out with the cash), no gain realized.
     */
    POSITION_TRANSFER_OUT,
    /**
     * One tax lot arriving in the parent's sleeve of the same kind, with its original opening day and cost
     * ({@link LotOrigin}); amount minus its market value (as if bought at market; the MERGE_IN brings that value in).
     */
    POSITION_TRANSFER_IN
}
