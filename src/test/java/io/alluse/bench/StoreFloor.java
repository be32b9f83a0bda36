package io.alluse.bench;

import io.alluse.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What H2 alone needs to write rows that belong to many accounts: the floor under any engine week that keeps its
 * rows. Rows go into the real {@code audit_event} table (the migrations' schema: its key, the index on account and
 * id, the foreign key to the account), a cycle's worth of lines per account in one transaction, with the accounts
 * spread over the writing threads, nothing else running. Every other table the engine writes per account has at least
 * the same constraints, so its rows cost at least as much: the figure is a lower bound.
 */
final class StoreFloor {

    /** Process CPU and wall time per row written, over the measured rounds. */
    record PerRow(double cpuMicros, double wallMicros, long rows) {
    }

    private static final String SUMMARY = "Rev-Acc: AAPL skipped (no expiry in dte range): AAPL: no expiry 5-9 days out from 2031-03-03;"
            + " the nearest is 2031-03-14";

    private StoreFloor() {
    }

    /**
     * @param accounts     how many accounts the rows belong to
     * @param keyedAccounts over how many of them the rows are spread: {@code accounts} as the engine does, 1 for the
     *                     contrast where every row goes to the same place in the index
     * @param burst        rows per account (a cycle's audit lines: about 10)
     * @param accountsPerTransaction how many accounts' bursts one transaction writes: 1 as the engine does, more for
     *                     a single writer batching many accounts (decision 0037's lever)
     */
    static PerRow measure(int accounts, int keyedAccounts, int burst, int threads, int accountsPerTransaction, int warmupRounds, int rounds)
            throws Exception {
        Path dir = Files.createTempDirectory("alluse-store-floor");
        try (Database db = Database.open(dir)) {
            return measureIn(db, accounts, keyedAccounts, burst, threads, accountsPerTransaction, warmupRounds, rounds);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** As {@link #measure}, in a database with its schema and no accounts yet. */
    static PerRow measureIn(Database db, int accounts, int keyedAccounts, int burst, int threads, int accountsPerTransaction, int warmupRounds,
                            int rounds) throws Exception {
        insertAccounts(db, accounts);
        long[] nextId = {1};
        for (int i = 0; i < warmupRounds; i++) {
            round(db, accounts, keyedAccounts, burst, threads, accountsPerTransaction, nextId);
        }
        long cpuStart = BacktestBench.processCpuNanos();
        long start = System.nanoTime();
        long rows = 0;
        for (int i = 0; i < rounds; i++) {
            rows += round(db, accounts, keyedAccounts, burst, threads, accountsPerTransaction, nextId);
        }
        double cpu = (BacktestBench.processCpuNanos() - cpuStart) / 1e3;
        double wall = (System.nanoTime() - start) / 1e3;
        return new PerRow(cpu / rows, wall / rows, rows);
    }

    /** Plain rows for the foreign key to point at; the accounts' other tables play no part in the audit insert. */
    private static void insertAccounts(Database db, int accounts) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO account (id, name, initial_capital_cents, status, cash_buffer_bp, window_start,"
                     + " window_end, broker_kind, broker_account, created_at, display_order, version) VALUES (?, ?, 50000000, 'ACTIVE', 500,"
                     + " TIME '09:45:00', TIME '10:15:00', 'PAPER', ?, CURRENT_TIMESTAMP, ?, 0)")) {
            for (int i = 0; i < accounts; i++) {
                st.setString(1, accountId(i));
                st.setString(2, "Account-" + i);
                st.setString(3, "PAPER-" + i);
                st.setInt(4, i);
                st.addBatch();
                if (i % 1_000 == 999) {
                    st.executeBatch();
                }
            }
            st.executeBatch();
            c.commit();
        }
    }

    private static String accountId(int i) {
        return "account-" + (i + 1);
    }

    /** Every account's burst once, the accounts dealt to the threads in turn; returns the rows written. */
    private static long round(Database db, int accounts, int keyedAccounts, int burst, int threads, int accountsPerTransaction, long[] nextId)
            throws Exception {
        long firstId = nextId[0];
        nextId[0] += (long) accounts * burst;
        OffsetDateTime at = OffsetDateTime.of(2031, 3, 3, 14, 45, 0, 0, ZoneOffset.UTC);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    long written = 0;
                    try (Connection c = db.dataSource().getConnection();
                         PreparedStatement st = c.prepareStatement(
                                 "INSERT INTO audit_event (id, account_id, occurred_at, kind, summary, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                        int inTransaction = 0;
                        for (int a = thread; a < accounts; a += threads) {
                            String account = accountId(a % keyedAccounts);
                            for (int k = 0; k < burst; k++) {
                                st.setLong(1, firstId + (long) a * burst + k);
                                st.setString(2, account);
                                st.setObject(3, at);
                                st.setString(4, "SKIPPED");
                                st.setString(5, SUMMARY);
                                st.setString(6, "");
                                st.executeUpdate();
                                written++;
                            }
                            if (++inTransaction == accountsPerTransaction) {
                                c.commit();
                                inTransaction = 0;
                            }
                        }
                        c.commit();
                    }
                    return written;
                }));
            }
            long rows = 0;
            for (Future<Long> part : parts) {
                rows += part.get();
            }
            return rows;
        } finally {
            pool.shutdown();
        }
    }

    /** Rows in every table of the database: the week's rows added are the difference before and after it. */
    static long rowsIn(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                    + " AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            long rows = 0;
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
            c.rollback();
            return rows;
        }
    }
}
