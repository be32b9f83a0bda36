package io.alluse.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Keyed by account; only ever loaded by id from one account's ledger. */
@Entity(name = "BrokerSync")
@Table(name = "broker_sync")
class BrokerSyncEntity {
    @Id
    @Column(name = "account_id")
    String accountId;
    @Column(name = "activity_cursor")
    String activityCursor;
    @Column(name = "last_sync_at")
    Instant lastSyncAt;
    @Column(name = "broker_cash_cents")
    long brokerCashCents;
    String health;
    int failures;
    @Column(name = "last_error")
    String lastError;
    @Column(name = "last_error_at")
    Instant lastErrorAt;
    @Version
    long version;
}
