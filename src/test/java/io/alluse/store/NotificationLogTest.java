package io.alluse.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.AccountId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationLogTest {

    @TempDir
    Path dir;

    static final Instant T0 = Instant.parse("2031-03-03T15:00:00Z");

    @Test
    void keepsTheNewestWithTheirSeenStateAcrossAReopen() {
        try (Database db = Database.open(dir)) {
            NotificationLog log = new NotificationLog(db, 3);
            for (int i = 1; i <= 2; i++) {
                log.append(T0.plusSeconds(i), "INFO", "Account-1 \u00b7 Order filled", "fill " + i, Optional.of(new AccountId("account-1")),
                        Optional.of(T0.minusSeconds(60 + i)));
            }
            log.markAllSeen();
            for (int i = 3; i <= 5; i++) {
                log.append(T0.plusSeconds(i), "WARNING", "Backup", "note " + i, Optional.empty(), Optional.empty());
            }
        }
        try (Database db = Database.open(dir)) {
            NotificationLog log = new NotificationLog(db, 3);
            assertThat(log.recent(10)).extracting(NotificationLog.Entry::message).containsExactly("note 5", "note 4", "note 3");
            assertThat(log.recent(10)).allSatisfy(e -> assertThat(e.seen()).isFalse());
            log.append(T0.plusSeconds(6), "ERROR", "Account-2 \u00b7 Error", "broken", Optional.of(new AccountId("account-2")),
                    Optional.of(T0));
            NotificationLog.Entry newest = log.recent(1).getFirst();
            assertThat(newest.account()).contains(new AccountId("account-2"));
            assertThat(newest.marketTime()).contains(T0);
            assertThat(newest.postedAt()).isEqualTo(T0.plusSeconds(6));
            assertThat(log.recent(10)).extracting(NotificationLog.Entry::message).containsExactly("broken", "note 5", "note 4");
            log.markAllSeen();
            assertThat(log.recent(10)).allSatisfy(e -> assertThat(e.seen()).isTrue());
            log.clear();
            assertThat(log.recent(10)).isEmpty();
        }
    }

    @Test
    void overlongTextIsCutNotRejected() {
        try (Database db = Database.open(dir)) {
            NotificationLog log = new NotificationLog(db);
            log.append(T0, "INFO", "t".repeat(1000), "m".repeat(10_000), Optional.empty(), Optional.empty());
            NotificationLog.Entry e = log.recent(1).getFirst();
            assertThat(e.title()).hasSize(300).endsWith("\u2026");
            assertThat(e.message()).hasSize(4000);
        }
    }
}
