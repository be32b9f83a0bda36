package io.alluse.store;

import io.alluse.domain.AccountId;
import io.alluse.domain.CashFlow;
import io.alluse.domain.FundChange;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.AuditKind;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import org.hibernate.Session;

/** Books one deposit or withdrawal inside the caller's account transaction. */
final class CashFlowWrites {

    private CashFlowWrites() {
    }

    /**
     * The cash-flow row (unique per broker reference), the sleeves' new capital, the ledger entries
     * and the audit line. Returns false, writing nothing, if this reference was booked before.
     */
    static boolean book(Session s, AccountId id, FundChange change, Instant now) {
        Long seen = s.createSelectionQuery("select count(*) from CashFlow where reference = :r and accountId = :a", Long.class)
                .setParameter("r", change.flow().reference()).setParameter("a", id.value()).getSingleResult();
        if (seen > 0) {
            return false;
        }
        CashFlowEntity c = new CashFlowEntity();
        // set explicitly so that a root-tenant transaction (a fork founding an account) writes it too
        c.accountId = id.value();
        c.occurredAt = change.flow().at();
        c.kind = change.flow().kind().name();
        c.amountCents = change.flow().amount().cents();
        c.reference = change.flow().reference();
        c.capitalBeforeCents = change.before().total().cents();
        c.capitalAfterCents = change.after().total().cents();
        s.persist(c);
        EnumMap<SleeveKind, Percent> targets = new EnumMap<>(SleeveKind.class);
        for (SleeveEntity sleeve : sleeves(s, id)) {
            SleeveKind kind = SleeveKind.valueOf(sleeve.key.kind());
            sleeve.capitalCents = change.after().of(kind).cents();
            targets.put(kind, Percent.ofBasisPoints(sleeve.targetBp));
        }
        LedgerWrites.cashFlowEntries(s, id, change, targets);
        String verb = change.flow().kind() == CashFlow.Kind.DEPOSIT ? "Deposit" : "Withdrawal";
        AuditLog.append(s, id, now, AuditKind.CASH_FLOW,
                verb + " of " + change.flow().amount() + " booked as an external cash flow; capital " + change.before().total()
                        + " -> " + change.after().total(),
                "reference " + change.flow().reference() + "\nbefore:\n" + AuditDetails.capitals(change.before()) + "\nafter:\n"
                        + AuditDetails.capitals(change.after()));
        return true;
    }

    static List<SleeveEntity> sleeves(Session s, AccountId id) {
        return s.createSelectionQuery("from Sleeve where key.accountId = :id", SleeveEntity.class).setParameter("id", id.value()).getResultList();
    }
}
