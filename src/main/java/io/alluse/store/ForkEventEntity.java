package io.alluse.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity(name = "ForkEvent")
@Table(name = "fork_event")
class ForkEventEntity {
    @Id
    @GeneratedValue(generator = "fork_event_seq")
    @SequenceGenerator(name = "fork_event_seq", sequenceName = "fork_event_seq", allocationSize = 50)
    long id;
    String kind;
    @Column(name = "parent_id")
    String parentId;
    int epoch;
    @Column(name = "child_id")
    String childId;
    @Column(name = "amount_cents")
    long amountCents;
    String state;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    @Version
    long version;
}
