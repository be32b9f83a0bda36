package io.alluse.store;

import io.alluse.domain.AccountId;

/** Hands out per-account ledgers; the only way to reach ledger rows. */
public final class LedgerStore {

    private final Database db;

    public LedgerStore(Database db) {
        this.db = db;
    }

    public AccountLedger forAccount(AccountId account) {
        return new AccountLedger(db, account);
    }
}
