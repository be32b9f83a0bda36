package io.alluse.ui.notify;

import io.alluse.domain.AccountId;
import io.alluse.engine.EngineEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * One thing the user is told about: a toast first, then a line in the notifications log.
 *
 * @param marketTime when it happened in market time (simulated in paper mode), if from the engine
 */
public record Notification(Kind kind, String title, String message, Optional<AccountId> account, Optional<Instant> marketTime) {

    public enum Kind {
        INFO, SUCCESS, WARNING, ERROR
    }

    /** The notification for an engine event, or empty for events that are not worth interrupting the user for. */
    public static Optional<Notification> of(EngineEvent event, String accountName) {
        if (!event.isNotification()) {
            return Optional.empty();
        }
        Kind kind;
        String what;
        switch (event) {
            case EngineEvent.CashFlowDetected c -> {
                kind = Kind.SUCCESS;
                what = c.message().toLowerCase(java.util.Locale.ROOT).contains("withdraw") ? "Withdrawal detected" : "Deposit detected";
            }
            case EngineEvent.OrderFilled f -> {
                kind = Kind.INFO;
                what = "Order filled";
            }
            case EngineEvent.Assigned a -> {
                kind = Kind.WARNING;
                what = "Assignment";
            }
            case EngineEvent.CycleMissed m -> {
                kind = Kind.WARNING;
                what = "Missed window";
            }
            case EngineEvent.AccountFailing f -> {
                kind = Kind.ERROR;
                what = "Error";
            }
            case EngineEvent.AccountRecovered r -> {
                kind = Kind.SUCCESS;
                what = "Recovered";
            }
            default -> {
                kind = Kind.INFO;
                what = "Engine";
            }
        }
        return Optional.of(new Notification(kind, accountName + " \u00b7 " + what, event.message(), Optional.of(event.account()),
                Optional.of(event.at())));
    }

    /** A message from the workstation itself (an action's outcome). */
    public static Notification ofApp(Kind kind, String title, String message) {
        return new Notification(kind, title, message, Optional.empty(), Optional.empty());
    }
}
