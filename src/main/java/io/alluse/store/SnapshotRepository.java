package io.alluse.store;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.EquitySnapshot;
import java.time.LocalDate;
import java.util.List;

/**
 * Read-only access to every account's end-of-day snapshots at once, for portfolio-wide views
 * (aggregates, comparisons). Writing stays with each account's own ledger.
 */
public final class SnapshotRepository {

    private final Database db;

    public SnapshotRepository(Database db) {
        this.db = db;
    }

    /** All snapshots from {@code from} on (inclusive), ordered by account, day and sleeve. */
    public List<EquitySnapshot> since(LocalDate from) {
        return db.portfolioTransaction(s -> s.createSelectionQuery(
                        "from EquitySnapshot where tradingDay >= :from order by accountId, tradingDay, sleeve", EquitySnapshotEntity.class)
                .setParameter("from", from).getResultList().stream().map(SnapshotRepository::toSnapshot).toList());
    }

    /** All snapshots of the given accounts, ordered by account, day and sleeve. */
    public List<EquitySnapshot> of(List<AccountId> accounts) {
        List<String> ids = accounts.stream().map(AccountId::value).toList();
        return db.portfolioTransaction(s -> s.createSelectionQuery(
                        "from EquitySnapshot where accountId in :ids order by accountId, tradingDay, sleeve", EquitySnapshotEntity.class)
                .setParameter("ids", ids).getResultList().stream().map(SnapshotRepository::toSnapshot).toList());
    }

    private static EquitySnapshot toSnapshot(EquitySnapshotEntity e) {
        return new EquitySnapshot(new AccountId(e.accountId), SleeveKind.valueOf(e.sleeve), e.tradingDay, Money.ofCents(e.cashCents),
                Money.ofCents(e.positionsCents), Money.ofCents(e.equityCents), Money.ofCents(e.flowCents));
    }
}
