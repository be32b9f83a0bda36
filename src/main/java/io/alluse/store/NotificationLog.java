package io.alluse.store;

import io.alluse.domain.AccountId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The notifications the user was shown, kept across restarts and bounded to the newest {@link #KEEP}
 * (migration V8). Plain JDBC: the rows are flat, written one at a time and read in one query, and
 * no entity needs them. Thread-safe (each call uses its own connection).
 */
public final class NotificationLog {

    /** How many notifications are kept; older ones are deleted as new ones arrive. */
    public static final int KEEP = 500;
    private static final int TITLE = 300;
    private static final int MESSAGE = 4000;

    /**
     * One stored notification.
     *
     * @param kind       the UI's severity name (INFO, SUCCESS, WARNING, ERROR)
     * @param marketTime when it happened in market time, for engine events
     * @param seen       whether the user has opened the notifications panel since it arrived
     */
    public record Entry(long id, Instant postedAt, String kind, String title, String message, Optional<AccountId> account,
                        Optional<Instant> marketTime, boolean seen) {
    }

    private final Database db;
    private final int keep;

    public NotificationLog(Database db) {
        this(db, KEEP);
    }

    /** With another bound: for tests of the trimming. */
    public NotificationLog(Database db, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        this.db = db;
        this.keep = keep;
    }

    /** Stores a new, unseen notification and drops the oldest beyond the bound; returns its id. */
    public long append(Instant postedAt, String kind, String title, String message, Optional<AccountId> account,
                       Optional<Instant> marketTime) {
        return jdbc(c -> {
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO notification_log (posted_at, kind, title, message, account_id,"
                    + " market_time, seen) VALUES (?, ?, ?, ?, ?, ?, FALSE)", Statement.RETURN_GENERATED_KEYS)) {
                s.setTimestamp(1, Timestamp.from(postedAt));
                s.setString(2, kind);
                s.setString(3, cut(title, TITLE));
                s.setString(4, cut(message, MESSAGE));
                if (account.isPresent()) {
                    s.setString(5, account.get().value());
                } else {
                    s.setNull(5, Types.VARCHAR);
                }
                if (marketTime.isPresent()) {
                    s.setTimestamp(6, Timestamp.from(marketTime.get()));
                } else {
                    s.setNull(6, Types.TIMESTAMP_WITH_TIMEZONE);
                }
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            // by rank, not by id arithmetic: identity values may have gaps after a restart
            try (PreparedStatement trim = c.prepareStatement("DELETE FROM notification_log WHERE id < (SELECT MIN(id) FROM"
                    + " (SELECT id FROM notification_log ORDER BY id DESC FETCH FIRST ? ROWS ONLY) AS newest)")) {
                trim.setInt(1, keep);
                trim.executeUpdate();
            }
            return id;
        });
    }

    /** The newest {@code limit} notifications, newest first. */
    public List<Entry> recent(int limit) {
        return jdbc(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, posted_at, kind, title, message, account_id, market_time, seen"
                    + " FROM notification_log ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                s.setInt(1, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Timestamp market = r.getTimestamp(7);
                        String account = r.getString(6);
                        out.add(new Entry(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4), r.getString(5),
                                Optional.ofNullable(account).map(AccountId::new), Optional.ofNullable(market).map(Timestamp::toInstant),
                                r.getBoolean(8)));
                    }
                }
            }
            return out;
        });
    }

    /** The user opened the panel: everything stored so far has been seen. */
    public void markAllSeen() {
        jdbc(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE notification_log SET seen = TRUE WHERE seen = FALSE");
            }
        });
    }

    /** The user cleared the panel. */
    public void clear() {
        jdbc(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM notification_log");
            }
        });
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T jdbc(Work<T> work) {
        // the pool hands out connections with auto-commit off: each call is one transaction
        try (Connection c = db.dataSource().getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("notification log: " + e.getMessage(), e);
        }
    }
}
