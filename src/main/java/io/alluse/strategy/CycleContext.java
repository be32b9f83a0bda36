package io.alluse.strategy;

import java.time.Instant;
import java.time.LocalDate;

// TEMPORARY on the engine branch: the agreed API; the strategy branch's files replace these at merge.
public record CycleContext(LocalDate tradingDay, Instant now) {
}
