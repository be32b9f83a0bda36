package io.alluse.ui.drilldown;

import io.alluse.domain.AccountId;

/** What the account view's lineage section can ask of the main window: go to an account, compare a family, link a waiting fork. */
public interface LineageActions {

    LineageActions NONE = new LineageActions() {
        @Override
        public void show(AccountId id) {
        }

        @Override
        public void compareWithForks(AccountId parent) {
        }

        @Override
        public void linkBrokerage(AccountId waiting) {
        }
    };

    /** Selects {@code id} in the tree (and so shows it here). */
    void show(AccountId id);

    /** Opens the compare view with {@code parent} and all its forks checked. */
    void compareWithForks(AccountId parent);

    /** Opens the brokerage step to link a fork that waits for its brokerage account. */
    void linkBrokerage(AccountId waiting);
}
