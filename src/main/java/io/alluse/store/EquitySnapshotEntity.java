package io.alluse.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

@Entity(name = "EquitySnapshot")
@Table(name = "equity_snapshot")
@Immutable
class EquitySnapshotEntity {
    @Id
    @GeneratedValue(generator = "equity_snapshot_seq")
    @SequenceGenerator(name = "equity_snapshot_seq", sequenceName = "equity_snapshot_seq", allocationSize = 50)
    long id;
    @TenantId
    @Column(name = "account_id")
    String accountId;
    String sleeve;
    @Column(name = "trading_day")
    LocalDate tradingDay;
    @Column(name = "cash_cents")
    long cashCents;
    @Column(name = "positions_cents")
    long positionsCents;
    @Column(name = "equity_cents")
    long equityCents;
    @Column(name = "flow_cents")
    long flowCents;
}
