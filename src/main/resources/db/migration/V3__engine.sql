-- Engine state: which daily cycles ran (so none runs twice), where each account's broker sync
-- stands, each account's health, daily equity snapshots, and app-wide settings.
-- (V2 is the paper broker's own tables.)

CREATE SEQUENCE cycle_run_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE cycle_run (
    id           BIGINT       NOT NULL PRIMARY KEY,
    account_id   VARCHAR(24)  NOT NULL REFERENCES account (id),
    trading_day  DATE         NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    started_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP(6) WITH TIME ZONE,
    summary      VARCHAR(1000) NOT NULL,
    version      BIGINT       NOT NULL,
    -- a cycle never runs twice: one row per account and trading day
    CONSTRAINT cycle_run_once UNIQUE (account_id, trading_day)
);

CREATE TABLE broker_sync (
    account_id        VARCHAR(24)  NOT NULL PRIMARY KEY REFERENCES account (id),
    activity_cursor   VARCHAR(64)  NOT NULL,
    last_sync_at      TIMESTAMP(6) WITH TIME ZONE,
    broker_cash_cents BIGINT       NOT NULL,
    health            VARCHAR(16)  NOT NULL,
    failures          INT          NOT NULL,
    last_error        VARCHAR(1000) NOT NULL,
    last_error_at     TIMESTAMP(6) WITH TIME ZONE,
    version           BIGINT       NOT NULL
);

CREATE SEQUENCE equity_snapshot_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE equity_snapshot (
    id               BIGINT      NOT NULL PRIMARY KEY,
    account_id       VARCHAR(24) NOT NULL REFERENCES account (id),
    sleeve           VARCHAR(8)  NOT NULL,
    trading_day      DATE        NOT NULL,
    cash_cents       BIGINT      NOT NULL,
    positions_cents  BIGINT      NOT NULL,
    equity_cents     BIGINT      NOT NULL,
    flow_cents       BIGINT      NOT NULL,
    CONSTRAINT equity_snapshot_once UNIQUE (account_id, sleeve, trading_day)
);

CREATE TABLE app_setting (
    name   VARCHAR(64)   NOT NULL PRIMARY KEY,
    val    VARCHAR(1000) NOT NULL
);
