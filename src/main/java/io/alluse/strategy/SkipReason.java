package io.alluse.strategy;

/** Why a trade the sleeve could have made was not made. */
public enum SkipReason {
    /** The exchange is closed all day: nothing is decided. */
    NOT_A_TRADING_DAY,
    /** New cash is committed only on the sleeve's entry days (profit-takes and covered calls run any day). */
    NOT_AN_ENTRY_DAY,
    NO_EXPIRY_IN_DTE_RANGE,
    /** No strike's |delta| lies inside the sleeve's delta range; the detail names the nearest seen. */
    NO_STRIKE_IN_DELTA_RANGE,
    /** Covered calls: strikes inside the delta range exist, but all below the shares' cost per share. */
    NO_STRIKE_ABOVE_COST_BASIS,
    PREMIUM_BELOW_FLOOR,
    /** Not even one contract (or round lot) fits in what the sleeve or the symbol may still commit. */
    NO_CASH,
    /** This cycle already opened (or is opening) this leg: one entry per symbol and leg per week. */
    ALREADY_OPEN,
    /** Com-Acc: no shares held that are not already covered by a short call. */
    NO_SHARES_TO_COVER,
    /** The market could not quote what was needed (unknown symbol, no bid, a position it cannot value). */
    NO_QUOTE
}
