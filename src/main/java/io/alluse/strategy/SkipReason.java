package io.alluse.strategy;

// TEMPORARY on the engine branch: the agreed API; the strategy branch's files replace these at merge.
public enum SkipReason { NOT_AN_ENTRY_DAY, NO_EXPIRY_IN_DTE_RANGE, NO_STRIKE_IN_DELTA_RANGE, PREMIUM_BELOW_FLOOR, NO_CASH, ALREADY_OPEN, NO_SHARES_TO_COVER, NO_QUOTE }
