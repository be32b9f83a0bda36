-- Merging with TRANSFER_AT_MARKET at the paper brokerage (docs/decisions/0026): positions move from the
-- merging account to its parent as they are, and the parent's tax lots keep their origin.

-- A transferred tax lot's original opening day and basis (long: cost with commissions; short: net premium).
-- Set only on POSITION_TRANSFER_OUT / POSITION_TRANSFER_IN entries.
ALTER TABLE ledger_entry ADD COLUMN lot_opened_on DATE;
ALTER TABLE ledger_entry ADD COLUMN lot_basis_cents BIGINT;

-- The intent of a merge's position transfer, on disk before the paper brokerage is asked to move anything
-- (as an order intent before its order is sent): a restart finds it and asks the brokerage again under the
-- same transfer id, which the brokerage answers once.
CREATE TABLE merge_transfer (
    merge_id     BIGINT       NOT NULL PRIMARY KEY REFERENCES fork_event (id),
    transfer_id  VARCHAR(64)  NOT NULL,
    child_id     VARCHAR(24)  NOT NULL REFERENCES account (id),
    parent_id    VARCHAR(24)  NOT NULL REFERENCES account (id),
    state        VARCHAR(16)  NOT NULL CHECK (state IN ('INTENT', 'DONE')),
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP(6) WITH TIME ZONE,
    version      BIGINT       NOT NULL,
    CONSTRAINT merge_transfer_id_unique UNIQUE (transfer_id)
);
