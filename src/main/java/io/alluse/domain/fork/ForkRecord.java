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
        DONE,
        /** Given up (the money could not be moved); nothing was booked. */
        ABANDONED
    }
}
