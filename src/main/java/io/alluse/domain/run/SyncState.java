package io.alluse.domain.run;

import io.alluse.domain.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one account's broker sync stands.
 *
 * @param activityCursor id of the last broker activity booked (empty before the first)
 * @param brokerCash     the broker's cash at the last sync, to notice unexplained balance changes
 */
public record SyncState(String activityCursor, Optional<Instant> lastSyncAt, Money brokerCash, AccountHealth health, int failures,
                        String lastError, Optional<Instant> lastErrorAt) {

    public static SyncState initial() {
        return new SyncState("", Optional.empty(), Money.ZERO, AccountHealth.OK, 0, "", Optional.empty());
    }
}
