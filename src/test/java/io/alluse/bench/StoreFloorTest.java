package io.alluse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor the engine bench reports rests on this: it must write, and count, the rows it says it does. */
class StoreFloorTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryRoundsRowsSpreadOverTheAccountsAskedAndCommitsThemAll() throws Exception {
        try (Database db = Database.open(dir)) {
            long before = StoreFloor.rowsIn(db);
            // 37 accounts over 2 threads and 3 per transaction: neither divides evenly, so a lost last transaction shows
            StoreFloor.PerRow r = StoreFloor.measureIn(db, 37, 37, 4, 2, 3, 1, 2);

            assertThat(r.rows()).isEqualTo(37 * 4 * 2);
            // (not the CPU figure: the process's CPU clock can stand still over so few rows)
            assertThat(r.wallMicros()).isPositive();
            // warm-up and measured rounds alike: 37 account rows and 37 x 4 audit rows per round, every one committed
            assertThat(StoreFloor.rowsIn(db) - before).isEqualTo(37 + 37 * 4 * 3);
            assertThat(scalar(db, "SELECT COUNT(DISTINCT account_id) FROM audit_event")).isEqualTo(37);
            assertThat(scalar(db, "SELECT MIN(c) FROM (SELECT COUNT(*) c FROM audit_event GROUP BY account_id)")).isEqualTo(4 * 3);
        }
    }

    @Test
    void theContrastPutsEveryRowInOneAccount() throws Exception {
        try (Database db = Database.open(dir)) {
            StoreFloor.measureIn(db, 20, 1, 5, 2, 1, 0, 1);

            assertThat(scalar(db, "SELECT COUNT(DISTINCT account_id) FROM audit_event")).isEqualTo(1);
            assertThat(scalar(db, "SELECT COUNT(*) FROM audit_event")).isEqualTo(20 * 5);
        }
    }

    private static long scalar(Database db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long value = rs.getLong(1);
            c.rollback();
            return value;
        }
    }
}
