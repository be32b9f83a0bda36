package io.alluse.domain;

/** What the user has asked of an account. Runtime health (errors, missed windows) is the engine's. */
public enum AccountStatus {
    /** Managed: its cycles run on schedule. */
    ACTIVE,
    /** Kept, synced and shown, but no new trades are opened until resumed. */
    PAUSED,
    /** Retired: kept for history, never traded again. */
    CLOSED
}
