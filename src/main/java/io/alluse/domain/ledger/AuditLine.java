package io.alluse.domain.ledger;

import java.time.Instant;

/** An audit line to be appended with the rest of a batch. */
public record AuditLine(Instant at, AuditKind kind, String summary, String detail) {
}
