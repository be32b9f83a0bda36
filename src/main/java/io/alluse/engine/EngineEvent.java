package io.alluse.engine;

import io.alluse.domain.AccountId;
import java.time.Instant;

/**
 * What the engine tells the user about: shown as notifications in the UI and printed by the
 * headless run. {@code at} is market time (simulated in paper demos).
 */
public sealed interface EngineEvent {

    AccountId account();

    Instant at();

    /** One line for a person. */
    String message();

    /** Notifications the user should see even when not looking at the account. */
    default boolean isNotification() {
        return true;
    }

    record CashFlowDetected(AccountId account, Instant at, String message) implements EngineEvent {
    }

    record OrderPlaced(AccountId account, Instant at, String message) implements EngineEvent {
        @Override
        public boolean isNotification() {
            return false;
        }
    }

    record OrderFilled(AccountId account, Instant at, String message) implements EngineEvent {
    }

    record Assigned(AccountId account, Instant at, String message) implements EngineEvent {
    }

    record Expired(AccountId account, Instant at, String message) implements EngineEvent {
        @Override
        public boolean isNotification() {
            return false;
        }
    }

    record CycleFinished(AccountId account, Instant at, String message) implements EngineEvent {
        @Override
        public boolean isNotification() {
            return false;
        }
    }

    record CycleMissed(AccountId account, Instant at, String message) implements EngineEvent {
    }

    record AccountFailing(AccountId account, Instant at, String message) implements EngineEvent {
    }

    record AccountRecovered(AccountId account, Instant at, String message) implements EngineEvent {
    }

    record StatusChanged(AccountId account, Instant at, String message) implements EngineEvent {
        @Override
        public boolean isNotification() {
            return false;
        }
    }

    /** A fork founded a new account from a Gen-Acc surplus, or a forked account merged into its parent. */
    record Lineage(AccountId account, Instant at, String message) implements EngineEvent {
    }
}
