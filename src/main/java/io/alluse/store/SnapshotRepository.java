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

    /** Receives snapshot histories in bulk: see {@link #scan}. */
    @FunctionalInterface
    public interface SleeveVisitor {
        /**
         * One sleeve's whole history, oldest first. The arrays are the caller's to keep.
         *
         * @param epochDays trading days as {@link LocalDate#toEpochDay()}, strictly increasing
         */
        void sleeve(AccountId account, SleeveKind sleeve, int[] epochDays, long[] equityCents, long[] flowCents);
    }

    /**
     * Every snapshot of the given accounts, one call per account and sleeve, as primitive arrays: no
     * entities and no per-row objects are built. Reads with plain JDBC on the session's connection,
     * which took the first dashboard of 100 accounts x 5 years from 13-19 s (a Hibernate projection) to
     * well under 2 s (docs/performance.md).
     */
    public void scan(List<AccountId> accounts, SleeveVisitor visitor) {
        if (accounts.isEmpty()) {
            return;
        }
        db.portfolioTransaction(s -> s.doReturningWork(c -> {
            // one account at a time: the (account, sleeve, day) key hands its rows over in order, where an IN list
            // over many accounts makes H2 sort them all first
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT account_id, sleeve, trading_day, equity_cents, flow_cents"
                    + " FROM equity_snapshot WHERE account_id = ? ORDER BY sleeve, trading_day")) {
                ps.setFetchSize(FETCH);
                for (AccountId account : accounts) {
                    ps.setString(1, account.value());
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        read(rs, visitor);
                    }
                }
            }
            return null;
        }));
    }

    private static final int FETCH = 4_096;

    /** Groups the ordered rows into one column set per account and sleeve. */
    private static void read(java.sql.ResultSet rs, SleeveVisitor visitor) throws java.sql.SQLException {
        Columns open = null;
        while (rs.next()) {
            String id = rs.getString(1);
            String sleeve = rs.getString(2);
            if (open == null || !open.is(id, sleeve)) {
                if (open != null) {
                    open.emit(visitor);
                }
                open = new Columns(id, sleeve);
            }
            // H2 hands DATE out as LocalDate without a time zone; epoch days are what the arrays keep
            open.add(Math.toIntExact(rs.getObject(3, LocalDate.class).toEpochDay()), rs.getLong(4), rs.getLong(5));
        }
        if (open != null) {
            open.emit(visitor);
        }
    }

    /** One sleeve's rows while they are read. */
    private static final class Columns {
        final String id;
        final String sleeve;
        int[] days = new int[512];
        long[] equity = new long[512];
        long[] flow = new long[512];
        int size;

        Columns(String id, String sleeve) {
            this.id = id;
            this.sleeve = sleeve;
        }

        boolean is(String otherId, String otherSleeve) {
            return id.equals(otherId) && sleeve.equals(otherSleeve);
        }

        void add(int day, long equityCents, long flowCents) {
            if (size == days.length) {
                days = java.util.Arrays.copyOf(days, size * 2);
                equity = java.util.Arrays.copyOf(equity, size * 2);
                flow = java.util.Arrays.copyOf(flow, size * 2);
            }
            days[size] = day;
            equity[size] = equityCents;
            flow[size] = flowCents;
            size++;
        }

        void emit(SleeveVisitor visitor) {
            visitor.sleeve(new AccountId(id), SleeveKind.valueOf(sleeve), java.util.Arrays.copyOf(days, size), java.util.Arrays.copyOf(equity, size),
                    java.util.Arrays.copyOf(flow, size));
        }
    }

    /**
     * A writer of many snapshots at once with plain JDBC batches, for histories made outside the
     * engine (a saved backtest). The accounts must exist. Safe to call from several threads; rows are
     * committed in batches and the rest on {@link BulkWriter#close()}.
     */
    public BulkWriter bulkWriter() {
        try {
            return new BulkWriter(db.dataSource().getConnection());
        } catch (java.sql.SQLException e) {
            throw new StoreException("Cannot open the database to write snapshots: " + e.getMessage(), e);
        }
    }

    /** See {@link #bulkWriter()}. */
    public static final class BulkWriter implements AutoCloseable {
        private static final int BATCH = 5_000;
        private final java.sql.Connection connection;
        private final java.sql.PreparedStatement insert;
        private int pending;
        private long written;

        private BulkWriter(java.sql.Connection connection) throws java.sql.SQLException {
            this.connection = connection;
            try {
                connection.setAutoCommit(false);
                // each row takes its own value of the sequence Hibernate allocates from, so later engine writes never collide
                this.insert = connection.prepareStatement("INSERT INTO equity_snapshot (id, account_id, sleeve, trading_day, cash_cents, positions_cents,"
                        + " equity_cents, flow_cents) VALUES (NEXT VALUE FOR equity_snapshot_seq, ?, ?, ?, ?, ?, ?, ?)");
            } catch (java.sql.SQLException e) {
                connection.close();
                throw e;
            }
        }

        /** One sleeve's end of day; its equity is cash + positions. */
        public synchronized void add(AccountId account, SleeveKind sleeve, LocalDate day, long cashCents, long positionsCents, long flowCents) {
            try {
                insert.setString(1, account.value());
                insert.setString(2, sleeve.name());
                insert.setObject(3, day);
                insert.setLong(4, cashCents);
                insert.setLong(5, positionsCents);
                insert.setLong(6, Math.addExact(cashCents, positionsCents));
                insert.setLong(7, flowCents);
                insert.addBatch();
                if (++pending == BATCH) {
                    flush();
                }
            } catch (java.sql.SQLException e) {
                throw new StoreException("Cannot write the snapshot of " + account + " " + sleeve.label() + " on " + day + ": " + e.getMessage(), e);
            }
        }

        /** Rows written and committed so far. */
        public synchronized long written() {
            return written;
        }

        private void flush() throws java.sql.SQLException {
            insert.executeBatch();
            connection.commit();
            written += pending;
            pending = 0;
        }

        @Override
        public synchronized void close() {
            try (connection; insert) {
                flush();
            } catch (java.sql.SQLException e) {
                throw new StoreException("Cannot write the last snapshots: " + e.getMessage(), e);
            }
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
