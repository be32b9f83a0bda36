package io.alluse.engine.backtest;

import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.Defaults;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.Money;
import io.alluse.domain.NewAccount;
import io.alluse.domain.SleeveKind;
import io.alluse.store.AccountRepository;
import io.alluse.store.Database;
import io.alluse.store.SnapshotRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Saves a backtest's snapshots into a new data folder, as the engine's own: every simulated account
 * becomes a closed account (history only, never traded) with its sleeves' daily snapshots, so the
 * app's readers ({@link SnapshotRepository}, the analytics service, the dashboard, comparisons) open
 * a backtest's history exactly as they open paper or live trading's, e.g. with {@code --data-dir DIR}.
 * Rows stream to the database in batches while the backtest runs, so memory stays flat.
 */
public final class SavedSnapshots implements BacktestSnapshots, AutoCloseable {

    private static final SleeveKind[] SLEEVES = SleeveKind.values();

    private final Database db;
    private final AccountRepository accounts;
    private final SnapshotRepository.BulkWriter writer;
    private final Instant createdAt;
    private final String label;
    private int opened;

    private SavedSnapshots(Database db, Instant createdAt, String label) {
        this.db = db;
        this.accounts = new AccountRepository(db);
        this.writer = new SnapshotRepository(db).bulkWriter();
        this.createdAt = createdAt;
        this.label = label;
    }

    /**
     * A new database in {@code dir} (created if missing).
     *
     * @param label what the accounts' names say they are, e.g. "backtest seed 42"
     * @throws IllegalArgumentException when {@code dir} already holds a database: a backtest never writes into a folder in use
     */
    public static SavedSnapshots create(Path dir, Instant createdAt, String label) {
        if (Files.exists(dir.resolve(Database.FILE_NAME))) {
            throw new IllegalArgumentException("--save-snapshots " + dir + " already holds a database (" + Database.FILE_NAME
                    + "): a backtest saves only into a new or empty folder; choose another");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--save-snapshots " + dir + " is a file: give a folder");
        }
        return new SavedSnapshots(Database.open(dir), createdAt, label);
    }

    @Override
    public synchronized Recorder open(AccountId account, Money initialCapital) {
        opened++;
        NewAccount spec = new NewAccount(account, account.value() + " (" + label + ")", initialCapital, Defaults.config(ExecutionWindow.suggest(List.of())));
        accounts.create(spec, BrokerConnection.paperFor(account), createdAt, "backtest-" + account.value());
        accounts.setStatus(account, AccountStatus.CLOSED, createdAt, "a backtest's history: never traded");
        return (LocalDate day, long[] cash, long[] positions, long[] flow) -> {
            for (SleeveKind kind : SLEEVES) {
                int k = kind.ordinal();
                writer.add(account, kind, day, cash[k], positions[k], flow[k]);
            }
        };
    }

    /** Accounts saved so far. */
    public synchronized int accounts() {
        return opened;
    }

    /** Snapshot rows committed so far (all of them after {@link #close()}). */
    public long rows() {
        return writer.written();
    }

    @Override
    public void close() {
        try (db) {
            writer.close();
        }
    }
}
