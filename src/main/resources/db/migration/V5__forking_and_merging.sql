-- Forking and merging (SPEC section 7, docs/decisions/0017): each account's rules, its lineage,
-- and one row per fork or merge. Depends only on V1 (account); nothing here refers to V4.

-- Per-account rules; an account without a row uses the defaults (ForkRules.defaults()).
CREATE TABLE fork_rule (
    account_id        VARCHAR(24) NOT NULL PRIMARY KEY REFERENCES account (id),
    enabled           BOOLEAN     NOT NULL,
    threshold_cents   BIGINT      NOT NULL CHECK (threshold_cents > 0),
    gen_bp            INT         NOT NULL CHECK (gen_bp BETWEEN 0 AND 10000),
    rev_bp            INT         NOT NULL CHECK (rev_bp BETWEEN 0 AND 10000),
    com_bp            INT         NOT NULL CHECK (com_bp BETWEEN 0 AND 10000),
    merge_at_cents    BIGINT      NOT NULL CHECK (merge_at_cents > 0),
    cadence           VARCHAR(16) NOT NULL,
    merge_mode        VARCHAR(24) NOT NULL,
    CONSTRAINT fork_rule_shares CHECK (gen_bp + rev_bp + com_bp = 10000)
);

-- Lineage of forked accounts; an account without a row was founded by hand and is ACTIVE.
CREATE TABLE account_lineage (
    account_id     VARCHAR(24)   NOT NULL PRIMARY KEY REFERENCES account (id),
    parent_id      VARCHAR(24)   REFERENCES account (id),
    forked_at      TIMESTAMP(6) WITH TIME ZONE,
    merged_into    VARCHAR(24)   REFERENCES account (id),
    merged_at      TIMESTAMP(6) WITH TIME ZONE,
    state          VARCHAR(24)   NOT NULL,
    instructions   VARCHAR(2000) NOT NULL,
    version        BIGINT        NOT NULL
);
CREATE INDEX account_lineage_parent ON account_lineage (parent_id);

-- One row per fork or merge, written before any money moves. (parent, kind, epoch) is unique:
-- the n-th fork of a parent is one row whatever restarts or crashes happen in the middle of it.
CREATE SEQUENCE fork_event_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE fork_event (
    id           BIGINT       NOT NULL PRIMARY KEY,
    kind         VARCHAR(8)   NOT NULL,
    parent_id    VARCHAR(24)  NOT NULL REFERENCES account (id),
    epoch        INT          NOT NULL CHECK (epoch > 0),
    child_id     VARCHAR(24)  NOT NULL,
    amount_cents BIGINT       NOT NULL CHECK (amount_cents > 0),
    state        VARCHAR(16)  NOT NULL,
    started_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP(6) WITH TIME ZONE,
    version      BIGINT       NOT NULL,
    CONSTRAINT fork_event_once UNIQUE (parent_id, kind, epoch)
);
