package io.alluse.domain.fork;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every account's lineage and every fork and merge, read at once: what the tree, the account view,
 * the compare view and {@code accounts show} ask ("forked from", "its forks", "merged into", "the
 * family of a parent") without a query per account. Accounts without a lineage row were founded by hand.
 */
public record LineageBook(Map<AccountId, Lineage> lineages, List<ForkRecord> records) {

    public static final LineageBook EMPTY = new LineageBook(Map.of(), List.of());

    public LineageBook {
        lineages = Map.copyOf(lineages);
        records = List.copyOf(records);
    }

    public Lineage of(AccountId id) {
        return lineages.getOrDefault(id, Lineage.root(id));
    }

    /** Whether the account was forked at a broker that cannot open accounts and still waits for the user to link one. */
    public boolean waiting(AccountId id) {
        return of(id).state() == LineageState.WAITING_FOR_BROKERAGE;
    }

    /** The fork that founded {@code child} (its date and amount), if it was forked. */
    public Optional<ForkRecord> founding(AccountId child) {
        return records.stream().filter(r -> r.kind() == ForkRecord.Kind.FORK && r.child().equals(child) && founded(r)).findFirst();
    }

    /** The accounts {@code parent} founded by forking, oldest first (forks under way or given up are not accounts). */
    public List<ForkRecord> forks(AccountId parent) {
        return records.stream().filter(r -> r.kind() == ForkRecord.Kind.FORK && r.parent().equals(parent) && founded(r))
                .sorted(Comparator.comparingInt(ForkRecord::epoch)).toList();
    }

    /** The merge that closed {@code child} into its parent's Com-Acc, if it merged. */
    public Optional<ForkRecord> merge(AccountId child) {
        return records.stream().filter(r -> r.kind() == ForkRecord.Kind.MERGE && r.child().equals(child) && r.state() == ForkRecord.State.DONE)
                .findFirst();
    }

    /** Surplus held back, un-traded, in {@code parent} for its forks whose money has not left its brokerage account yet. */
    public Money reserved(AccountId parent) {
        return records.stream().filter(r -> r.kind() == ForkRecord.Kind.FORK && r.parent().equals(parent)
                        && (r.state() == ForkRecord.State.WAITING || r.state() == ForkRecord.State.LINKED))
                .map(ForkRecord::amount).reduce(Money.ZERO, Money::plus);
    }

    /**
     * The fork that founded {@code child}, if its reservation in the parent can be released by hand: it
     * is LINKED (the child trades with money the user put in) and no transfer out of the parent was seen.
     */
    public Optional<ForkRecord> releasable(AccountId child) {
        return founding(child).filter(r -> r.state() == ForkRecord.State.LINKED);
    }

    /** {@code parent} followed by the accounts it forked: what "compare with forks" puts side by side. */
    public List<AccountId> family(AccountId parent) {
        List<AccountId> ids = new ArrayList<>();
        ids.add(parent);
        forks(parent).forEach(r -> ids.add(r.child()));
        return List.copyOf(ids);
    }

    private static boolean founded(ForkRecord r) {
        return r.state() != ForkRecord.State.STARTED && r.state() != ForkRecord.State.ABANDONED;
    }
}
