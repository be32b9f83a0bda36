package io.alluse.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Account-level like {@code account}: not tenant-partitioned, changed only by {@link ForkStore}. */
@Entity(name = "AccountLineage")
@Table(name = "account_lineage")
class AccountLineageEntity {
    @Id
    @Column(name = "account_id")
    String accountId;
    @Column(name = "parent_id")
    String parentId;
    @Column(name = "forked_at")
    Instant forkedAt;
    @Column(name = "merged_into")
    String mergedInto;
    @Column(name = "merged_at")
    Instant mergedAt;
    String state;
    String instructions;
    @Version
    long version;
}
