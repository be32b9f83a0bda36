package io.alluse.engine;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Tools for comparing the engine's persistence before and after a change (docs/decisions/0035), run by
 * hand from the test class path, never by the build:
 * <ul>
 * <li>{@code dump <file> [accounts] [days] [seed]}: runs a seeded multi-account engine (default 4 accounts,
 * 15 days, seed 42) and writes every row of every ledger and paper-broker table, ordered by key, to a file:
 * two builds with the same results write byte-identical files.</li>
 * <li>{@code time <n> <n> ...}: one simulated week of n accounts each, in this JVM, printing the process CPU
 * time of each (the last run of a size is the warm figure).</li>
 * </ul>
 */
public final class EngineLedgerDump {

    private static final List<String> TABLES = List.of("account", "sleeve", "ledger_entry", "position", "order_record", "cash_flow",
            "audit_event", "cycle_run", "broker_sync", "equity_snapshot", "paper_account", "paper_order", "paper_position", "paper_activity");

    private EngineLedgerDump() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("dump")) {
            int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 4;
            int days = args.length > 3 ? Integer.parseInt(args[3]) : 15;
            long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
            dump(Path.of(args[1]), accounts, days, seed);
        } else if (args[0].equals("h2cost")) {
            h2cost(Integer.parseInt(args[1]));
        } else {
            for (int i = 1; i < args.length; i++) {
                time(Integer.parseInt(args[i]));
            }
        }
        System.exit(0);
    }

    private static void dump(Path out, int accounts, int days, long seed) throws Exception {
        Path dir = Files.createTempDirectory("alluse-dump");
        try (EngineFixture f = new EngineFixture(dir, seed)) {
            f.createAccounts(accounts);
            f.engine.load();
            f.engine.runUntil(EngineFixture.MONDAY_0800.plus(Duration.ofDays(days)));
            try (Connection c = f.database.dataSource().getConnection(); PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
                for (String table : TABLES) {
                    // ids of one account's rows come from ranges shared by all accounts, taken in whatever order the lanes ran:
                    // the dump keeps each account's id order (the audit log's order) and prints its rank instead of the id
                    boolean perAccount = !table.startsWith("paper_") && !table.equals("account") && !table.equals("broker_sync")
                            && !table.equals("sleeve");
                    String order = perAccount ? "account_id, id" : "1, 2";
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
                        ResultSetMetaData md = rs.getMetaData();
                        String account = "";
                        int rank = 0;
                        while (rs.next()) {
                            if (perAccount) {
                                rank = rs.getString("account_id").equals(account) ? rank + 1 : 1;
                                account = rs.getString("account_id");
                            }
                            StringBuilder line = new StringBuilder(table);
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                String column = md.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                                line.append(i == 1 ? ": " : " | ").append(column).append('=')
                                        .append(perAccount && column.equals("id") ? "#" + rank : rs.getString(i));
                            }
                            w.println(line);
                        }
                    }
                }
            }
        }
    }

    private static void time(int accounts) throws Exception {
        Path dir = Files.createTempDirectory("alluse-time");
        EngineSettings settings = EngineSettings.DEFAULT.withBrokerTimeout(Duration.ofMillis(200)).withStepGrace(Duration.ofMinutes(10));
        try (EngineFixture f = new EngineFixture(dir, 42, EngineFixture.MONDAY_0800, settings)) {
            for (int i = 0; i < accounts; i++) {
                var draft = f.accounts.newAccountDraft();
                f.accounts.create(draft.withConfig(draft.config().withAllowOverlap(true)));
            }
            f.engine.load();
            System.gc();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            java.util.Map<String, Long> threadsBefore = threadCpu();
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            f.engine.runUntil(EngineFixture.MONDAY_0800.plus(Duration.ofDays(7)));
            double cpuS = (os.getProcessCpuTime() - cpu) / 1e9;
            java.util.Map<String, Long> threadsAfter = threadCpu();
            java.util.Map<String, Double> byGroup = new java.util.TreeMap<>();
            double inThreads = 0;
            for (var e : threadsAfter.entrySet()) {
                double s = (e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L)) / 1e9;
                byGroup.merge(e.getKey().replaceAll("[-#]?[0-9]+$", "").replaceAll("-worker$", ""), s, Double::sum);
                inThreads += s;
            }
            StringBuilder groups = new StringBuilder();
            byGroup.entrySet().stream().filter(e -> e.getValue() > 0.05).sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
                    .forEach(e -> groups.append(String.format(" %s=%.2f", e.getKey(), e.getValue())));
            System.out.printf("THREADS %d accounts: in Java threads %.2f s,%s; JIT/GC/VM (the rest of the process) %.2f s%n", accounts, inThreads, groups,
                    cpuS - inThreads);
            double wallS = (System.nanoTime() - wall) / 1e9;
            long cycles = f.events.stream().filter(e -> e instanceof EngineEvent.CycleFinished).count();
            System.out.printf("TIME %d accounts one week: CPU %.2f s (%.1f ms per account-week), wall %.2f s, cycles %d, load %.1f%n", accounts, cpuS,
                    cpuS * 1000 / accounts, wallS, cycles, os.getSystemLoadAverage());
        }
    }

    /**
     * What one small committed transaction costs in this H2 file, alone, followed by CHECKPOINT, and followed by
     * CHECKPOINT SYNC (thread CPU and wall per transaction, n of each, after n to warm up).
     */
    private static void h2cost(int n) throws Exception {
        Path dir = Files.createTempDirectory("alluse-h2cost");
        try (io.alluse.store.Database db = io.alluse.store.Database.open(dir)) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS cost_probe (id BIGINT PRIMARY KEY, v VARCHAR(200))");
                c.commit();
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long id = 0;
                for (String mode : List.of("warm", "commit", "commit+CHECKPOINT", "commit+CHECKPOINT SYNC", "commit", "commit+CHECKPOINT")) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    try (java.sql.PreparedStatement st = c.prepareStatement("INSERT INTO cost_probe VALUES (?, ?)")) {
                        for (int i = 0; i < n; i++) {
                            st.setLong(1, ++id);
                            st.setString(2, "an audit line of about this length, written by one account lane " + id);
                            st.executeUpdate();
                            c.commit();
                            if (mode.endsWith("CHECKPOINT")) {
                                s.execute("CHECKPOINT");
                            } else if (mode.endsWith("SYNC")) {
                                s.execute("CHECKPOINT SYNC");
                            }
                        }
                    }
                    System.out.printf("H2 %-24s %8.1f us CPU %8.1f us wall per transaction%n", mode,
                            (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / n, (System.nanoTime() - wall) / 1e3 / n);
                }
            }
        }
    }

    /** CPU time of every live platform thread (virtual threads' work counts on their carriers), by "name#id". */
    private static java.util.Map<String, Long> threadCpu() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> result = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null) {
                long t = mx.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    result.put(info.getThreadName() + "#" + info.getThreadId(), t);
                }
            }
        }
        return result;
    }
}
