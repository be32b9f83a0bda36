package io.alluse.engine;

import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.run.AccountHealth;
import java.time.Instant;
import java.util.Optional;

/**
 * How the engine's work on one account stands, for the status bar, the tree and the command line.
 *
 * @param nextRun when something is next due for it (window start, sync, retry), if anything
 */
public record AccountRuntime(AccountId account, AccountStatus status, AccountHealth health, String lastError, boolean busy,
                             Optional<Instant> nextRun) {
}
