package io.alluse.ui.portfolio;

/** The status icon of an account in the tree: what the user asked of it and how the engine's work on it goes. */
public enum RunState {
    RUNNING("Running"),
    PAUSED("Paused"),
    /** The broker or the strategy keeps failing; the engine retries with back-off. */
    ERROR("Error"),
    /** A cycle's window passed while the app was not running (or could not trade). */
    MISSED("Missed window"),
    CLOSED("Closed"),
    /** Forked at a broker that cannot open accounts: waits for the user to open one and link it (docs/decisions/0020). */
    WAITING("Waiting for its brokerage account"),
    /** Not (yet) managed by the engine: while the app starts, or with no engine attached. */
    IDLE("Not running");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
