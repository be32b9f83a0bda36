package io.alluse.domain.run;

/** What became of one account's daily cycle. */
public enum CycleStatus {
    /** Started; if the app died meanwhile, the restart reconciles and finishes it. */
    RUNNING,
    DONE,
    /** The app was not running while the window was open. */
    MISSED,
    /** The account was paused that day. */
    PAUSED,
    /** The cycle could not complete (broker failing); see the audit log. */
    FAILED
}
