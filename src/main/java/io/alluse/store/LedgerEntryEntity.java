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

@Entity(name = "LedgerEntry")
@Table(name = "ledger_entry")
@Immutable
class LedgerEntryEntity {
    @Id
    @GeneratedValue(generator = "ledger_entry_seq")
    @SequenceGenerator(name = "ledger_entry_seq", sequenceName = "ledger_entry_seq", allocationSize = 50)
    long id;
    @TenantId
    @Column(name = "account_id")
    String accountId;
    @Column(name = "occurred_at")
    Instant occurredAt;
    String sleeve;
    String kind;
    String instrument;
    long quantity;
    @Column(name = "price_cents")
    long priceCents;
    @Column(name = "amount_cents")
    long amountCents;
    String reference;
    String memo;
    /** Only on position transfers (V9): the lot's original opening day and basis. */
    @Column(name = "lot_opened_on")
    java.time.LocalDate lotOpenedOn;
    @Column(name = "lot_basis_cents")
    Long lotBasisCents;
}
