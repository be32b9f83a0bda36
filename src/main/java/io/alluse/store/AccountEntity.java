package io.alluse.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;

@Entity(name = "Account")
@Table(name = "account")
class AccountEntity {
    @Id
    String id;
    String name;
    @Column(name = "initial_capital_cents")
    long initialCapitalCents;
    String status;
    @Column(name = "cash_buffer_bp")
    int cashBufferBp;
    @Column(name = "window_start")
    LocalTime windowStart;
    @Column(name = "window_end")
    LocalTime windowEnd;
    @Column(name = "broker_kind")
    String brokerKind;
    @Column(name = "broker_account")
    String brokerAccount;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "display_order")
    int displayOrder;
    @Version
    long version;
}
