package io.alluse.ui.portfolio;

import io.alluse.domain.Account;
import io.alluse.domain.Money;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveKind;

/** One row of the portfolio tree: the portfolio, a main account, or one of its sleeves. */
public sealed interface PortfolioNode {

    String label();

    Money capital();

    record Portfolio(int accounts, Money capital) implements PortfolioNode {
        @Override
        public String label() {
            return "Portfolio";
        }
    }

    record AccountNode(Account account) implements PortfolioNode {
        @Override
        public String label() {
            return account.name();
        }

        @Override
        public Money capital() {
            return account.totalCapital();
        }
    }

    record SleeveNode(Account account, SleeveKind kind) implements PortfolioNode {
        @Override
        public String label() {
            return kind.label();
        }

        @Override
        public Money capital() {
            return account.capital().of(kind);
        }

        public Percent target() {
            return account.config().target(kind);
        }
    }
}
