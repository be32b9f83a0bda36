package io.alluse.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;

@Entity(name = "CycleRun")
@Table(name = "cycle_run")
class CycleRunEntity {
    @Id
    @GeneratedValue(generator = "cycle_run_seq")
    @SequenceGenerator(name = "cycle_run_seq", sequenceName = "cycle_run_seq", allocationSize = 50)
    long id;
    @TenantId
    @Column(name = "account_id")
    String accountId;
    @Column(name = "trading_day")
    LocalDate tradingDay;
    String status;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    String summary;
    @Version
    long version;
}
