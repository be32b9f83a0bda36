package io.alluse.store;

import io.alluse.domain.CashFlow;
import io.alluse.domain.FundChange;
import io.alluse.domain.Money;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.NewEntry;
import io.alluse.domain.ledger.PositionChange;
import java.util.Map;
import io.alluse.domain.ledger.EntryKind;
import org.hibernate.Session;

/** Ledger rows written as part of larger changes, in the caller's account transaction. */
final class LedgerWrites {

    private LedgerWrites() {
    }

    /**
     * A cash flow lands in each sleeve as its target share of the flow; where the re-split also moved
     * capital between sleeves (they had drifted from their targets), the rest is a transfer line.
     * Transfers sum to zero over the account, so only the flow itself changes the account's total.
     */
    static void cashFlowEntries(Session s, io.alluse.domain.AccountId account, FundChange change, Map<SleeveKind, Percent> targets) {
        LedgerCache.touch(account.value());
        CashFlow flow = change.flow();
        EntryKind kind = flow.kind() == CashFlow.Kind.DEPOSIT ? EntryKind.DEPOSIT : EntryKind.WITHDRAWAL;
        SleeveCapitals shares = SleeveCapitals.split(flow.amount(), targets);
        String verb = kind == EntryKind.DEPOSIT ? "Deposit" : "Withdrawal";
        for (SleeveKind sleeve : SleeveKind.values()) {
            Money share = kind == EntryKind.DEPOSIT ? shares.of(sleeve) : shares.of(sleeve).negate();
            Money transfer = change.change(sleeve).minus(share);
            if (!share.isZero()) {
                s.persist(entry(account, change, sleeve, kind, share, flow.reference(),
                        verb + " of " + flow.amount() + ": " + sleeve.label() + " share at its " + targets.get(sleeve) + " target"));
            }
            if (!transfer.isZero()) {
                s.persist(entry(account, change, sleeve, EntryKind.SLEEVE_TRANSFER, transfer, flow.reference(),
                        "Re-split to targets after the " + verb.toLowerCase(java.util.Locale.ROOT)));
            }
        }
    }

    /** A row for {@code account}, for root-tenant transactions that write two accounts' ledgers (forks, merges). */
    static LedgerEntryEntity entry(io.alluse.domain.AccountId account, NewEntry n) {
        LedgerCache.touch(account.value());
        LedgerEntryEntity e = entry(n);
        e.accountId = account.value();
        return e;
    }

    static LedgerEntryEntity entry(NewEntry n) {
        LedgerEntryEntity e = new LedgerEntryEntity();
        e.occurredAt = n.at();
        e.sleeve = n.sleeve().name();
        e.kind = n.kind().name();
        e.instrument = n.instrument();
        e.quantity = n.quantity();
        e.priceCents = n.price().cents();
        e.amountCents = n.amount().cents();
        e.reference = n.reference();
        e.memo = n.memo().length() > 512 ? n.memo().substring(0, 511) : n.memo();
        n.lot().ifPresent(lot -> {
            e.lotOpenedOn = lot.opened();
            e.lotBasisCents = lot.basis().cents();
        });
        return e;
    }

    /**
     * Adds a change to the sleeve's position in that instrument. A flat position keeps its row at zero
     * (Hibernate flushes inserts before deletes, so removing and re-opening in one batch would clash).
     */
    static void applyPosition(Session s, PositionChange change) {
        PositionEntity p = s.createSelectionQuery("from Position where sleeve = :k and instrument = :i", PositionEntity.class)
                .setParameter("k", change.sleeve().name()).setParameter("i", change.instrument().code()).uniqueResultOptional().orElse(null);
        boolean isNew = p == null;
        if (isNew) {
            p = new PositionEntity();
            p.sleeve = change.sleeve().name();
            p.instrument = change.instrument().code();
        }
        if (p.quantity == 0) {
            p.openedAt = change.at();
            p.costCents = 0;
        }
        p.quantity += change.quantityDelta();
        p.costCents += change.costDelta().cents();
        p.updatedAt = change.at();
        if (p.quantity == 0) {
            p.costCents = 0;
        }
        // Hibernate takes the INSERT's values at persist(): the row must be complete by then
        if (isNew) {
            s.persist(p);
        }
    }

    private static LedgerEntryEntity entry(io.alluse.domain.AccountId account, FundChange change, SleeveKind sleeve, EntryKind kind, Money amount, String reference, String memo) {
        LedgerEntryEntity e = new LedgerEntryEntity();
        e.accountId = account.value();
        e.occurredAt = change.flow().at();
        e.sleeve = sleeve.name();
        e.kind = kind.name();
        e.instrument = "";
        e.quantity = 0;
        e.priceCents = 0;
        e.amountCents = amount.cents();
        e.reference = reference;
        e.memo = memo;
        return e;
    }
}
