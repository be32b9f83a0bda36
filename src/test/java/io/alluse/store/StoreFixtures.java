package io.alluse.store;

import io.alluse.domain.AccountDraft;
import io.alluse.domain.AccountValidator;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.NewAccount;
import io.alluse.domain.SymbolCatalog;

/** Valid new accounts for store tests, built through the same validation as the app. */
final class StoreFixtures {

    private StoreFixtures() {
    }

    static NewAccount newAccount(String id, String name, String capital, ExecutionWindow window) {
        AccountDraft draft = AccountDraft.defaults(id, name, window).withCapital(capital);
        return new AccountValidator(SymbolCatalog.ANY).validateNew(draft, AccountValidator.Existing.NONE).orThrow();
    }
}
