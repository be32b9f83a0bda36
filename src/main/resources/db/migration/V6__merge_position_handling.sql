-- Merging an account that holds positions (docs/decisions/0019). The per-account setting lives in
-- fork_rule.merge_mode since V5; its second value is now named for what it does at the market.
UPDATE fork_rule SET merge_mode = 'TRANSFER_AT_MARKET' WHERE merge_mode = 'TRANSFER';
ALTER TABLE fork_rule ADD CONSTRAINT fork_rule_merge_mode CHECK (merge_mode IN ('CLOSE_AT_MARKET', 'TRANSFER_AT_MARKET'));
