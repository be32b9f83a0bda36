package io.alluse.ui.drilldown;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.domain.fork.LineageBook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lineage section of the account view (docs/decisions/0020): where the account came from,
 * the accounts it forked, where it merged, and, while it waits for its brokerage account, what
 * the user has to do.
 *
 * @param reserved surplus held back, un-traded, in this account for its forks whose money has not left yet
 */
public record LineageDetail(Optional<Link> forkedFrom, List<Link> forks, Optional<Link> mergedInto, boolean waiting, String instructions,
                            Money toTransfer, Money reserved) {

    public static final LineageDetail NONE = new LineageDetail(Optional.empty(), List.of(), Optional.empty(), false, "", Money.ZERO, Money.ZERO);

    /** Another account in the lineage, with the date and amount of the fork or merge that joins them. */
    public record Link(AccountId id, String name, Instant at, Money amount, String note) {
    }

    /** Whether there is anything to show: an account founded by hand that never forked has no lineage section. */
    public boolean isEmpty() {
        return forkedFrom.isEmpty() && forks.isEmpty() && mergedInto.isEmpty() && !waiting && reserved.isZero();
    }

    static LineageDetail of(Account account, LineageBook book, Map<AccountId, String> names) {
        AccountId id = account.id();
        Optional<Link> from = book.founding(id).map(r -> new Link(r.parent(), name(names, r.parent()), r.startedAt(), r.amount(), ""));
        List<Link> forks = book.forks(id).stream().map(r -> new Link(r.child(), name(names, r.child()), r.startedAt(), r.amount(), note(book, r)))
                .toList();
        Optional<Link> merged = book.merge(id).map(r -> new Link(r.parent(), name(names, r.parent()), book.of(id).mergedAt().orElse(r.startedAt()),
                r.amount(), ""));
        boolean waiting = book.waiting(id);
        Money toTransfer = waiting ? book.founding(id).map(ForkRecord::amount).orElse(Money.ZERO) : Money.ZERO;
        return new LineageDetail(from, forks, merged, waiting, waiting ? book.of(id).instructions() : "", toTransfer, book.reserved(id));
    }

    private static String note(LineageBook book, ForkRecord r) {
        if (book.merge(r.child()).isPresent()) {
            return "merged back";
        }
        return switch (r.state()) {
            case WAITING -> "waiting for its brokerage";
            case TRANSFERRED -> "money sent, waiting for its link";
            case LINKED -> "linked, transfer out not seen yet";
            case RELEASED -> "funded elsewhere, released";
            default -> "";
        };
    }

    private static String name(Map<AccountId, String> names, AccountId id) {
        return names.getOrDefault(id, id.value());
    }
}
