package io.alluse.domain.fork;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import java.time.Instant;

/**
 * One fork or merge. {@code (parent, kind, epoch)} is unique: epoch n of a parent is its n-th
 * fork, so a fork resumed after a crash is the same record and can never happen twice.
 */
public record ForkRecord(long id, Kind kind, AccountId parent, int epoch, AccountId child, Money amount, State state, Instant startedAt) {

    public enum Kind { FORK, MERGE }

    public enum State {
        /** Recorded before any money moved; resumed after a crash. */
        STARTED,
        /** Child created but waiting for its brokerage; the amount stays reserved in the parent. */
        WAITING,
        /** Waiting, and the user moved the amount out of the parent's brokerage (booked as FORK_OUT): the child still has to be linked. */
        TRANSFERRED,
        /** The child was linked to its brokerage; the amount stays reserved in the parent until its transfer out shows up. */
        LINKED,
        DONE,
        /**
         * LINKED, and the user funded the child from elsewhere: released by hand (docs/decisions/0032). The
         * surplus stays in the parent, deployable again and counted as its Gen-Acc's capital by the fork
         * rule, so that it does not fork a second time; nothing was sent to any broker.
         */
        RELEASED,
        /** Given up (the money could not be moved); nothing was booked. */
        ABANDONED
    }
}
