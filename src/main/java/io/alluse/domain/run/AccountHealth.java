package io.alluse.domain.run;

/** How the engine's work for one account is going; shown in the tree, the status bar and on the command line. */
public enum AccountHealth {
    OK,
    /** A call failed and is being retried with back-off. */
    RETRYING,
    /** Repeated failures: needs attention (credentials, broker outage); still retried, slowly. */
    ERROR
}
