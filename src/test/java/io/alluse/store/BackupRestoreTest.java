package io.alluse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.CashFlow;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.FundChange;
import io.alluse.domain.Money;
import io.alluse.domain.NewAccount;
import io.alluse.domain.ledger.AuditEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    @TempDir
    Path dir;

    /** Everything a user would see of the data: accounts and each account's audit log. */
    private record State(List<Account> accounts, List<List<AuditEvent>> audits) {
        static State of(Database db) {
            List<Account> accounts = new AccountRepository(db).findAll();
            LedgerStore ledgers = new LedgerStore(db);
            return new State(accounts, accounts.stream().map(a -> ledgers.forAccount(a.id()).audit()).toList());
        }
    }

    @Test
    void restoreBringsBackExactlyTheStateOfTheBackup() {
        Backups backups = new Backups(dir, 5);
        State atBackup;
        Backups.Backup backup;
        try (Database db = Database.open(dir)) {
            AccountRepository accounts = new AccountRepository(db);
            NewAccount first = StoreFixtures.newAccount("account-1", "Account-1", "500000", ExecutionWindow.of("09:45", "10:15"));
            Account a = accounts.create(first, BrokerConnection.paperFor(first.id()), T0, "opening-" + first.id());
            accounts.bookCashFlow(a.id(), FundChange.book(a.capital(), CashFlow.deposit(Money.ofDollars(5_000), T0, "d-1"), a.config()), T0);
            atBackup = State.of(db);
            backup = backups.take(db, "manual", T0);

            // more is written after the backup
            NewAccount second = StoreFixtures.newAccount("account-2", "Account-2", "250000", ExecutionWindow.of("10:15", "10:45"));
            accounts.create(second, BrokerConnection.paperFor(second.id()), T0, "opening-" + second.id());
            accounts.setStatus(a.id(), AccountStatus.PAUSED, T0, "test");
            assertThat(State.of(db)).isNotEqualTo(atBackup);
        }

        Backups.Backup safety = backups.restore(backup.file());

        try (Database db = Database.open(dir)) {
            assertThat(State.of(db)).isEqualTo(atBackup);
        }
        assertThat(safety.reason()).isEqualTo("pre-restore");
        // the pre-restore copy holds the state that was replaced, so the restore can be undone
        backups.restore(safety.file());
        try (Database db = Database.open(dir)) {
            assertThat(new AccountRepository(db).ids()).extracting(AccountId::value).containsExactly("account-1", "account-2");
        }
    }

    @Test
    void onlyTheNewestBackupsAreKept() {
        Backups backups = new Backups(dir, 3);
        try (Database db = Database.open(dir)) {
            for (int i = 0; i < 5; i++) {
                backups.take(db, "startup", T0.plusSeconds(i));
            }
        }
        assertThat(backups.list()).hasSize(3).extracting(Backups.Backup::takenAt)
                .containsExactly(T0.plusSeconds(4), T0.plusSeconds(3), T0.plusSeconds(2));
    }

    @Test
    void aFileThatIsNotABackupIsRefusedAndTheDatabaseIsUntouched() throws Exception {
        try (Database db = Database.open(dir)) {
            NewAccount first = StoreFixtures.newAccount("account-1", "Account-1", "500000", ExecutionWindow.of("09:45", "10:15"));
            new AccountRepository(db).create(first, BrokerConnection.paperFor(first.id()), T0, "opening-" + first.id());
        }
        Path bogus = Files.writeString(dir.resolve("notes.zip"), "not a zip");
        assertThatThrownBy(() -> new Backups(dir, 3).restore(bogus)).hasMessageContaining("not a readable backup");
        try (Database db = Database.open(dir)) {
            assertThat(new AccountRepository(db).ids()).extracting(AccountId::value).containsExactly("account-1");
        }
    }
}
