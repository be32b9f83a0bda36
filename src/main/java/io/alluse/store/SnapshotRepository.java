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

    /** Receives snapshot rows in bulk: see {@link #scan}. */
    @FunctionalInterface
    public interface RowVisitor {
        void row(AccountId account, SleeveKind sleeve, LocalDate day, long equityCents, long flowCents);
    }

    /**
     * Every snapshot of the given accounts, ordered by account, sleeve and day, as plain values: no
     * entities are built, which makes reading hundreds of thousands of rows several times faster than
     * {@link #of(List)}.
     */
    public void scan(List<AccountId> accounts, RowVisitor visitor) {
        if (accounts.size() <= FEW) {
            // one look-up per account by the (account, sleeve, day) key: re-reading one account this way took 0.9 s
            // where the IN list took 2.2 s in the bench (docs/performance.md)
            for (AccountId account : accounts) {
                visit(db.portfolioTransaction(s -> s.createSelectionQuery(
                                "select accountId, sleeve, tradingDay, equityCents, flowCents from EquitySnapshot where accountId = :id"
                                        + " order by sleeve, tradingDay", Object[].class)
                        .setParameter("id", account.value()).setReadOnly(true).getResultList()), visitor);
            }
            return;
        }
        List<String> ids = accounts.stream().map(AccountId::value).toList();
        visit(db.portfolioTransaction(s -> s.createSelectionQuery(
                        "select accountId, sleeve, tradingDay, equityCents, flowCents from EquitySnapshot where accountId in :ids"
                                + " order by accountId, sleeve, tradingDay", Object[].class)
                .setParameter("ids", ids).setReadOnly(true).getResultList()), visitor);
    }

    /** Up to this many accounts are read one by one. */
    private static final int FEW = 8;

    private static void visit(List<Object[]> rows, RowVisitor visitor) {
        String lastId = null;
        AccountId account = null;
        for (Object[] r : rows) {
            if (!r[0].equals(lastId)) {
                lastId = (String) r[0];
                account = new AccountId(lastId);
            }
            visitor.row(account, SleeveKind.valueOf((String) r[1]), (LocalDate) r[2], ((Number) r[3]).longValue(), ((Number) r[4]).longValue());
        }
    }

    /**
     * For each account with snapshots: how many it has and its latest day. Snapshots are never changed
     * once written, so a reader that cached an account's history needs to re-read it only when this
     * pair has changed: a cheap way to keep a cache fresh without listening to the engine.
     */
    public java.util.Map<AccountId, Stamp> stamps() {
        return db.portfolioTransaction(s -> {
            java.util.Map<AccountId, Stamp> out = new java.util.HashMap<>();
            for (Object[] row : s.createSelectionQuery("select accountId, count(*), max(tradingDay) from EquitySnapshot group by accountId",
                    Object[].class).getResultList()) {
                out.put(new AccountId((String) row[0]), new Stamp(((Number) row[1]).longValue(), (LocalDate) row[2]));
            }
            return out;
        });
    }

    /** How many snapshot rows an account has and its latest day (see {@link #stamps()}). */
    public record Stamp(long rows, LocalDate lastDay) {
    }

    private static EquitySnapshot toSnapshot(EquitySnapshotEntity e) {
        return new EquitySnapshot(new AccountId(e.accountId), SleeveKind.valueOf(e.sleeve), e.tradingDay, Money.ofCents(e.cashCents),
                Money.ofCents(e.positionsCents), Money.ofCents(e.equityCents), Money.ofCents(e.flowCents));
    }
}
