package io.alluse.domain.ledger;

/** What an audit event records (SPEC section 3: every decision, order, fill, assignment, cash flow and change). */
public enum AuditKind {
    ACCOUNT_CREATED,
    CONFIG_CHANGED,
    STATUS_CHANGED,
    CASH_FLOW,
    SYNC,
    DECISION,
    SKIPPED,
    ORDER,
    FILL,
    ASSIGNMENT,
    EXPIRATION,
    SCHEDULE,
    ERROR,
    /** A fork: a new account founded from a Gen-Acc surplus (in the parent's log and the child's). */
    FORK,
    /** A merge of a forked account into its parent (in both logs). */
    MERGE
}
