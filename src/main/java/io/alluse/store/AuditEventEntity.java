package io.alluse.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

@Entity(name = "AuditEvent")
@Table(name = "audit_event")
@Immutable
class AuditEventEntity {
    @Id
    @GeneratedValue(generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    long id;
    @TenantId
    @Column(name = "account_id")
    String accountId;
    @Column(name = "occurred_at")
    Instant occurredAt;
    String kind;
    String summary;
    String detail;
}
