package io.alluse.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The intent of a merge's position transfer (V9, docs/decisions/0026). */
@Entity(name = "MergeTransfer")
@Table(name = "merge_transfer")
class MergeTransferEntity {
    @Id
    @Column(name = "merge_id")
    long mergeId;
    @Column(name = "transfer_id")
    String transferId;
    @Column(name = "child_id")
    String childId;
    @Column(name = "parent_id")
    String parentId;
    String state;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    @Version
    long version;
}
