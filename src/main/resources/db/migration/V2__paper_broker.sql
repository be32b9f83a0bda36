-- ALL-USE Workstation schema, version 2: the built-in paper brokerage (SPEC section 4).
-- The paper broker plays the brokerage, so it keeps its own books here, apart from our ledger:
-- nothing refers to the ledger tables, and only io.alluse.broker.paper writes these (plain JDBC).
-- Money is exact: BIGINT cents. Times keep the nanoseconds of the (simulated) clock.

CREATE TABLE paper_account (
    account_id                VARCHAR(64)  NOT NULL PRIMARY KEY,
    slippage_cents            BIGINT       NOT NULL CHECK (slippage_cents >= 0),
    commission_contract_cents BIGINT       NOT NULL CHECK (commission_contract_cents >= 0),
    commission_share_cents    BIGINT       NOT NULL CHECK (commission_share_cents >= 0),
    cash_cents                BIGINT       NOT NULL,
    last_change_at            TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    next_activity_seq         BIGINT       NOT NULL CHECK (next_activity_seq >= 1),
    next_order_seq            BIGINT       NOT NULL CHECK (next_order_seq >= 1),
    created_at                TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

CREATE TABLE paper_position (
    account_id  VARCHAR(64) NOT NULL REFERENCES paper_account (account_id),
    instrument  VARCHAR(32) NOT NULL,
    quantity    BIGINT      NOT NULL CHECK (quantity <> 0),
    cost_cents  BIGINT      NOT NULL,
    PRIMARY KEY (account_id, instrument)
);

CREATE TABLE paper_order (
    account_id       VARCHAR(64)  NOT NULL REFERENCES paper_account (account_id),
    seq              BIGINT       NOT NULL,
    client_order_id  VARCHAR(64)  NOT NULL,
    broker_order_id  VARCHAR(32)  NOT NULL,
    instrument       VARCHAR(32)  NOT NULL,
    side             VARCHAR(8)   NOT NULL,
    effect           VARCHAR(8)   NOT NULL,
    quantity         BIGINT       NOT NULL CHECK (quantity > 0),
    limit_cents      BIGINT       NOT NULL CHECK (limit_cents > 0),
    status           VARCHAR(24)  NOT NULL,
    filled_quantity  BIGINT       NOT NULL,
    avg_fill_cents   BIGINT       NOT NULL,
    submitted_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    reason           VARCHAR(512) NOT NULL,
    PRIMARY KEY (account_id, seq),
    -- place() is idempotent by client order id: one order per id and account
    CONSTRAINT paper_order_client_id_unique UNIQUE (account_id, client_order_id)
);

-- The activity feed. Columns a kind does not use are NULL:
--   FILL        client_order_id, instrument, side, quantity, price_cents, commission_cents
--   DEPOSIT, WITHDRAWAL                     amount_cents
--   ASSIGNMENT, EXERCISE                    instrument (the option), quantity (contracts)
--   EXPIRATION                              instrument, quantity (the signed position that expired)
--   ADJUSTMENT                              amount_cents (signed), description
CREATE TABLE paper_activity (
    account_id        VARCHAR(64)  NOT NULL REFERENCES paper_account (account_id),
    seq               BIGINT       NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    occurred_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    client_order_id   VARCHAR(64),
    instrument        VARCHAR(32),
    side              VARCHAR(8),
    quantity          BIGINT,
    price_cents       BIGINT,
    amount_cents      BIGINT,
    commission_cents  BIGINT,
    description       VARCHAR(512),
    PRIMARY KEY (account_id, seq)
);

-- What the brokerage reported once stays reported: the feed is append-only, like the audit log.
CREATE TRIGGER paper_activity_append_only BEFORE UPDATE, DELETE ON paper_activity
    FOR EACH ROW CALL 'io.alluse.store.AppendOnlyTrigger';
