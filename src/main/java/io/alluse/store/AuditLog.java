package io.alluse.store;

import io.alluse.domain.AccountId;
import io.alluse.domain.ledger.AuditKind;
import java.time.Instant;
import org.hibernate.Session;

/** Appends audit lines inside the caller's transaction, so a change and its record commit together. */
final class AuditLog {

    private AuditLog() {
    }

    static void append(Session s, AccountId account, Instant at, AuditKind kind, String summary, String detail) {
        AuditEventEntity e = new AuditEventEntity();
        e.accountId = account.value();
        e.occurredAt = at;
        e.kind = kind.name();
        e.summary = clip(summary, 512);
        e.detail = clip(detail, 8000);
        s.persist(e);
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
