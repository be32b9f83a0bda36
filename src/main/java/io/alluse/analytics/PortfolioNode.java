package io.alluse.analytics;

import io.alluse.domain.AccountId;
import io.alluse.domain.SleeveKind;

import java.util.Objects;

/**
 * A node of the portfolio that {@link PortfolioAnalytics} can measure: everything, one account, one
 * sleeve of one account, or every sleeve of one kind across accounts (all Gen-Accs).
 */
public sealed interface PortfolioNode {

    /** Short text for titles and messages, e.g. {@code account-1 Gen-Acc} or {@code all Gen-Accs}. */
    String label();

    /** Does this node include the given sleeve of the given account? */
    boolean contains(AccountId account, SleeveKind sleeve);

    static PortfolioNode whole() {
        return Whole.INSTANCE;
    }

    static PortfolioNode account(AccountId account) {
        return new OfAccount(account);
    }

    static PortfolioNode sleeve(AccountId account, SleeveKind sleeve) {
        return new OfSleeve(account, sleeve);
    }

    static PortfolioNode sleeveKind(SleeveKind sleeve) {
        return new OfSleeveKind(sleeve);
    }

    /** All sleeves of all accounts. */
    record Whole() implements PortfolioNode {
        static final Whole INSTANCE = new Whole();

        @Override
        public String label() {
            return "all accounts";
        }

        @Override
        public boolean contains(AccountId account, SleeveKind sleeve) {
            return true;
        }
    }

    record OfAccount(AccountId account) implements PortfolioNode {
        public OfAccount {
            Objects.requireNonNull(account, "account");
        }

        @Override
        public String label() {
            return account.value();
        }

        @Override
        public boolean contains(AccountId account, SleeveKind sleeve) {
            return this.account.equals(account);
        }
    }

    record OfSleeve(AccountId account, SleeveKind sleeve) implements PortfolioNode {
        public OfSleeve {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(sleeve, "sleeve");
        }

        @Override
        public String label() {
            return account.value() + " " + sleeve.label();
        }

        @Override
        public boolean contains(AccountId account, SleeveKind sleeve) {
            return this.account.equals(account) && this.sleeve == sleeve;
        }
    }

    record OfSleeveKind(SleeveKind sleeve) implements PortfolioNode {
        public OfSleeveKind {
            Objects.requireNonNull(sleeve, "sleeve");
        }

        @Override
        public String label() {
            return "all " + sleeve.label() + "s";
        }

        @Override
        public boolean contains(AccountId account, SleeveKind sleeve) {
            return this.sleeve == sleeve;
        }
    }
}
