package io.alluse.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

@Entity(name = "Position")
@Table(name = "position")
class PositionEntity {
    @Id
    @GeneratedValue(generator = "position_seq")
    @SequenceGenerator(name = "position_seq", sequenceName = "position_seq", allocationSize = 50)
    long id;
    @TenantId
    @Column(name = "account_id")
    String accountId;
    String sleeve;
    String instrument;
    long quantity;
    @Column(name = "cost_cents")
    long costCents;
    @Column(name = "opened_at")
    Instant openedAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Version
    long version;
}
