package io.alluse.domain.fork;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * Where an account came from and went: what the tree and the account view show as "forked from",
 * "merged into". {@code instructions} tell the user what to do for an account waiting for its
 * brokerage; {@code reserved} is the surplus held back, un-traded, in the parent until then.
 */
public record Lineage(AccountId account, Optional<AccountId> parent, Optional<Instant> forkedAt, Optional<AccountId> mergedInto,
                      Optional<Instant> mergedAt, LineageState state, Money reserved, String instructions) {

    public static Lineage root(AccountId account) {
        return new Lineage(account, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), LineageState.ACTIVE, Money.ZERO, "");
    }

    public Lineage withReserved(Money amount) {
        return new Lineage(account, parent, forkedAt, mergedInto, mergedAt, state, amount, instructions);
    }

    public boolean isFork() {
        return parent.isPresent();
    }
}
