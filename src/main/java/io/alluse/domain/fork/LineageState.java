package io.alluse.domain.fork;

/** Where an account stands in the fork/merge life cycle. */
public enum LineageState {
    /** Trading (every account that was never forked is ACTIVE too). */
    ACTIVE,
    /** Forked at a broker that cannot open accounts: waits for the user to open one and link it. */
    WAITING_FOR_BROKERAGE,
    /** Merged into its parent's Com-Acc. */
    MERGED,
    /** Closed by the user. */
    CLOSED
}
