package io.alluse.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account's fork and merge rules, where they differ from the defaults. */
@Entity(name = "ForkRule")
@Table(name = "fork_rule")
class ForkRuleEntity {
    @Id
    @Column(name = "account_id")
    String accountId;
    boolean enabled;
    @Column(name = "threshold_cents")
    long thresholdCents;
    @Column(name = "gen_bp")
    int genBp;
    @Column(name = "rev_bp")
    int revBp;
    @Column(name = "com_bp")
    int comBp;
    @Column(name = "merge_at_cents")
    long mergeAtCents;
    String cadence;
    @Column(name = "merge_mode")
    String mergeMode;
}
