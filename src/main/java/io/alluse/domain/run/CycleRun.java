package io.alluse.domain.run;

import io.alluse.domain.AccountId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One account's cycle on one trading day: at most one per day, so a cycle never runs twice. */
public record CycleRun(AccountId account, LocalDate tradingDay, CycleStatus status, Instant startedAt, Optional<Instant> finishedAt,
                       String summary) {
}
