package io.alluse.domain.ledger;

import io.alluse.domain.AccountId;
import java.time.Instant;

/**
 * One line of an account's append-only audit log.
 *
 * @param id      increasing in the order the events were written
 * @param summary one human sentence
 * @param detail  the facts behind it (values before and after, order fields), may be empty
 */
public record AuditEvent(long id, AccountId account, Instant at, AuditKind kind, String summary, String detail) {
}
