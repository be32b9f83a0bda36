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

@Entity(name = "OrderRecord")
@Table(name = "order_record")
class OrderEntity {
    @Id
    @GeneratedValue(generator = "order_record_seq")
    @SequenceGenerator(name = "order_record_seq", sequenceName = "order_record_seq", allocationSize = 50)
    long id;
    @TenantId
    @Column(name = "account_id")
    String accountId;
    @Column(name = "client_order_id")
    String clientOrderId;
    String sleeve;
    String cycle;
    String instrument;
    String side;
    String effect;
    long quantity;
    @Column(name = "limit_price_cents")
    long limitPriceCents;
    String status;
    @Column(name = "broker_order_id")
    String brokerOrderId;
    @Column(name = "filled_quantity")
    long filledQuantity;
    @Column(name = "avg_fill_price_cents")
    long avgFillPriceCents;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    String message;
    @Version
    long version;
}
