-- ALL-USE Workstation schema, version 1: the account hierarchy and the per-account ledger.
-- Released migrations are never edited; later changes go into V2, V3, ...
-- Money is exact: BIGINT cents. Percentages are INT basis points.

CREATE TABLE account (
    id                     VARCHAR(24)  NOT NULL PRIMARY KEY,
    name                   VARCHAR(40)  NOT NULL,
    initial_capital_cents  BIGINT       NOT NULL CHECK (initial_capital_cents > 0),
    status                 VARCHAR(16)  NOT NULL,
    cash_buffer_bp         INT          NOT NULL CHECK (cash_buffer_bp BETWEEN 0 AND 5000),
    window_start           TIME         NOT NULL,
    window_end             TIME         NOT NULL,
    broker_kind            VARCHAR(24)  NOT NULL,
    broker_account         VARCHAR(128) NOT NULL,
    created_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    display_order          INT          NOT NULL,
    version                BIGINT       NOT NULL
);

CREATE TABLE sleeve (
    account_id       VARCHAR(24)  NOT NULL REFERENCES account (id),
    kind             VARCHAR(8)   NOT NULL,
    target_bp        INT          NOT NULL CHECK (target_bp BETWEEN 0 AND 10000),
    capital_cents    BIGINT       NOT NULL,
    symbols          VARCHAR(512) NOT NULL,
    delta_min        DOUBLE PRECISION NOT NULL,
    delta_max        DOUBLE PRECISION NOT NULL,
    dte_min          INT          NOT NULL,
    dte_max          INT          NOT NULL,
    entry_days       VARCHAR(64)  NOT NULL,
    premium_floor_bp INT          NOT NULL,
    profit_take_bp   INT          NOT NULL,
    per_symbol_cap_bp INT         NOT NULL,
    PRIMARY KEY (account_id, kind)
);

-- Ledger tables: every row belongs to exactly one account (account_id is Hibernate's tenant id).

CREATE SEQUENCE ledger_entry_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE ledger_entry (
    id           BIGINT       NOT NULL PRIMARY KEY,
    account_id   VARCHAR(24)  NOT NULL REFERENCES account (id),
    occurred_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sleeve       VARCHAR(8)   NOT NULL,
    kind         VARCHAR(24)  NOT NULL,
    instrument   VARCHAR(32)  NOT NULL,
    quantity     BIGINT       NOT NULL,
    price_cents  BIGINT       NOT NULL,
    amount_cents BIGINT       NOT NULL,
    reference    VARCHAR(128) NOT NULL,
    memo         VARCHAR(512) NOT NULL
);
CREATE INDEX ledger_entry_account ON ledger_entry (account_id, occurred_at);

CREATE SEQUENCE position_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE position (
    id          BIGINT       NOT NULL PRIMARY KEY,
    account_id  VARCHAR(24)  NOT NULL REFERENCES account (id),
    sleeve      VARCHAR(8)   NOT NULL,
    instrument  VARCHAR(32)  NOT NULL,
    quantity    BIGINT       NOT NULL,
    cost_cents  BIGINT       NOT NULL,
    opened_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT position_unique UNIQUE (account_id, sleeve, instrument)
);

CREATE SEQUENCE order_record_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE order_record (
    id                   BIGINT       NOT NULL PRIMARY KEY,
    account_id           VARCHAR(24)  NOT NULL REFERENCES account (id),
    client_order_id      VARCHAR(64)  NOT NULL,
    sleeve               VARCHAR(8)   NOT NULL,
    cycle                VARCHAR(32)  NOT NULL,
    instrument           VARCHAR(32)  NOT NULL,
    side                 VARCHAR(8)   NOT NULL,
    effect               VARCHAR(8)   NOT NULL,
    quantity             BIGINT       NOT NULL CHECK (quantity > 0),
    limit_price_cents    BIGINT       NOT NULL,
    status               VARCHAR(24)  NOT NULL,
    broker_order_id      VARCHAR(64)  NOT NULL,
    filled_quantity      BIGINT       NOT NULL,
    avg_fill_price_cents BIGINT       NOT NULL,
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    message              VARCHAR(512) NOT NULL,
    version              BIGINT       NOT NULL,
    CONSTRAINT order_client_id_unique UNIQUE (client_order_id)
);
CREATE INDEX order_record_account ON order_record (account_id, status);

CREATE SEQUENCE cash_flow_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE cash_flow (
    id                    BIGINT       NOT NULL PRIMARY KEY,
    account_id            VARCHAR(24)  NOT NULL REFERENCES account (id),
    occurred_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    kind                  VARCHAR(16)  NOT NULL,
    amount_cents          BIGINT       NOT NULL CHECK (amount_cents > 0),
    reference             VARCHAR(128) NOT NULL,
    capital_before_cents  BIGINT       NOT NULL,
    capital_after_cents   BIGINT       NOT NULL,
    -- the same broker activity is never booked twice
    CONSTRAINT cash_flow_reference_unique UNIQUE (account_id, reference)
);

CREATE SEQUENCE audit_event_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE audit_event (
    id          BIGINT        NOT NULL PRIMARY KEY,
    account_id  VARCHAR(24)   NOT NULL REFERENCES account (id),
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    kind        VARCHAR(24)   NOT NULL,
    summary     VARCHAR(512)  NOT NULL,
    detail      VARCHAR(8000) NOT NULL
);
CREATE INDEX audit_event_account ON audit_event (account_id, id);

-- The audit log is append-only: the database itself refuses to change or remove a line.
CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event
    FOR EACH ROW CALL 'io.alluse.store.AppendOnlyTrigger';
