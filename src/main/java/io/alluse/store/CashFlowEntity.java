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

@Entity(name = "CashFlow")
@Table(name = "cash_flow")
@Immutable
class CashFlowEntity {
    @Id
    @GeneratedValue(generator = "cash_flow_seq")
    @SequenceGenerator(name = "cash_flow_seq", sequenceName = "cash_flow_seq", allocationSize = 50)
    long id;
    @TenantId
    @Column(name = "account_id")
    String accountId;
    @Column(name = "occurred_at")
    Instant occurredAt;
    String kind;
    @Column(name = "amount_cents")
    long amountCents;
    String reference;
    @Column(name = "capital_before_cents")
    long capitalBeforeCents;
    @Column(name = "capital_after_cents")
    long capitalAfterCents;
}
