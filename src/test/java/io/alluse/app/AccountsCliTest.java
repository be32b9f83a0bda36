package io.alluse.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.run.AccountHealth;
import io.alluse.domain.ledger.AuditEvent;
import io.alluse.store.AccountRepository;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountsCliTest {

    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void oneAccount() {
        cli = new CliRunner(dir);
        CliRunner.Result created = cli.run("accounts", "create", "--id", "account-1", "--name", "Account-1");
        assertThat(created.exitCode()).as(created.err()).isZero();
    }

    /** The refused-input cases share one folder: none of them may change it, so its state is read once. */
    @TempDir
    static Path sharedDir;
    static State sharedInitial;

    /** Everything a user could see of the data; compared before and after a refused command. */
    private record State(List<Account> accounts, List<List<AuditEvent>> audit) {
    }

    private State state() {
        return state(dir);
    }

    private static State state(Path dir) {
        try (Database db = Database.open(dir)) {
            List<Account> accounts = new AccountRepository(db).findAll();
            LedgerStore ledgers = new LedgerStore(db);
            return new State(accounts, accounts.stream().map(a -> ledgers.forAccount(a.id()).audit()).toList());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--capital          | 0          | --capital: Initial capital must be more than $0",
            "--capital          | -100       | --capital: Initial capital must be more than $0",
            "--capital          | lots       | --capital: Initial capital 'lots' is not a number",
            "--capital          | 9000000000 | check for extra zeros",
            "--gen-target       | 50         | add up to 110%",
            "--rev-target       | -5         | --rev-target: Rev-Acc allocation must not be negative",
            "--cash-buffer      | 60         | --cash-buffer: Cash buffer 60% is outside 0% to 50%",
            "--gen-delta-min    | 1.2        | --gen-delta-min: Gen-Acc minimum delta 1.2 is outside (0, 1)",
            "--rev-delta-max    | 0.1        | --rev-delta-min: Rev-Acc minimum delta 0.30 is above the maximum 0.1",
            "--com-dte-min      | 60         | --com-dte-min: Com-Acc minimum days to expiry 60 is above the maximum 45",
            "--gen-symbols      | ''         | --gen-symbols: Gen-Acc symbols needs at least one ticker",
            "--rev-symbols      | AAPL,AP$L  | 'AP$L' is not a ticker symbol",
            "--id               | account-1  | --id: Account id 'account-1' is already used",
            "--id               | Bad Id     | --id: Account id 'Bad Id' is not allowed",
            "--gen-entry-days   | ''         | --gen-entry-days: Gen-Acc entry days needs at least one trading day",
            "--gen-entry-days   | Sat        | the market is closed on weekends",
            "--window-start     | 08:00      | --window-start: Window start 08:00 is outside regular trading hours",
            "--window-end       | 17:00      | --window-end: Window end 17:00 is outside regular trading hours",
            "--window-start     | 09:50      | --window-start/--window-end: Window 09:50-10:45 overlaps account-1's window 09:45-10:15"})
    void eachBadValueIsRefusedWithItsMessageAndChangesNothing(String option, String value, String expected) {
        CliRunner cli = new CliRunner(sharedDir);
        if (sharedInitial == null) {
            assertThat(cli.run("accounts", "create", "--id", "account-1", "--name", "Account-1").exitCode()).isZero();
            sharedInitial = state(sharedDir);
        }
        String[] args = option.equals("--id")
                ? new String[] {"accounts", "create", option, value}
                : new String[] {"accounts", "create", "--id", "account-2", option, value};
        if (option.equals("--window-start")) {
            args = value.equals("09:50")
                    ? new String[] {"accounts", "create", "--id", "account-2", "--window-start", "09:50", "--window-end", "10:45"}
                    : new String[] {"accounts", "create", "--id", "account-2", "--window-start", value};
        }
        CliRunner.Result result = cli.run(args);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Account not created; nothing was changed").contains(expected);
        assertThat(state(sharedDir)).isEqualTo(sharedInitial);
    }

    @Test
    void createdAccountTakesTheNextFreeWindowAndShowsItsSplit() {
        CliRunner.Result result = cli.run("accounts", "create", "--id", "account-2", "--capital", "$1,000,000", "--gen-symbols", "nvda, tsla");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Created account-2").contains("$1,000,000.00").contains("window 10:15-10:45")
                .contains("Gen-Acc  40%  $400,000.00  deployable $380,000.00");
        CliRunner.Result shown = cli.run("accounts", "show", "account-2");
        assertThat(shown.out()).contains("symbols NVDA, TSLA").contains("ACCOUNT_CREATED");
    }

    @Test
    void showPrintsTheLineageOfAParentAndOfItsForkThatWaitsForItsBrokerage() {
        Instant at = Instant.parse("2031-03-07T15:00:00Z");
        try (Database db = Database.open(dir)) {
            io.alluse.store.ForkStore forks = new io.alluse.store.ForkStore(db);
            Account parent = new AccountRepository(db).findAll().getFirst();
            var record = forks.begin(io.alluse.domain.fork.ForkRecord.Kind.FORK, parent.id(), epoch -> new AccountId("account-1-f" + epoch),
                    io.alluse.domain.Money.ofDollars(52_000), at);
            forks.completeWaiting(record, new io.alluse.domain.NewAccount(record.child(), "Account-1 fork 1", record.amount(), parent.config()),
                    new io.alluse.domain.BrokerConnection(io.alluse.domain.BrokerKind.ALPACA_PAPER, "UNLINKED-ACCOUNT-1-F1"),
                    "Open a brokerage account for Account-1 fork 1, transfer $52,000.00 into it, then link it.", at);
        }
        CliRunner.Result parent = cli.run("accounts", "show", "account-1");
        assertThat(parent.exitCode()).as(parent.err()).isZero();
        assertThat(parent.out()).contains("  fork 1           account-1-f1 on 2031-03-07T15:00:00Z with $52,000.00, waiting for its brokerage account")
                .contains("  reserved         $52,000.00 of Gen-Acc, un-traded");
        CliRunner.Result child = cli.run("accounts", "show", "account-1-f1");
        assertThat(child.out()).contains("  forked from      account-1 on 2031-03-07T15:00:00Z with $52,000.00 (its fork 1)")
                .contains("WAITING FOR ITS BROKERAGE ACCOUNT: Open a brokerage account for Account-1 fork 1");
        CliRunner.Result json = cli.run("accounts", "show", "account-1-f1", "--json");
        assertThat(json.out()).contains("\"lineage\"").contains("\"state\": \"WAITING_FOR_BROKERAGE\"").contains("\"amount\": \"52000.00\"");
        CliRunner.Result plain = cli.run("accounts", "show", "account-1", "--json");
        assertThat(plain.out()).contains("\"forkedFrom\": null");
    }

    @Test
    void listPrintsATableAndJson() {
        CliRunner.Result table = cli.run("accounts", "list");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("account-1").contains("$500,000.00").contains("$200,000 (40%)").contains("09:45-10:15");
        CliRunner.Result json = cli.run("accounts", "list", "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out().strip()).startsWith("[").endsWith("]")
                .contains("\"id\": \"account-1\"")
                .contains("\"capital\": \"500000.00\"")
                .contains("\"targetPercent\": 40,").contains("\"premiumFloorPercent\": 1.5,")
                .contains("\"symbols\": [\n          \"TSLA\",\n          \"NVDA\"\n        ]")
                .contains("\"zone\": \"America/New_York\"");
    }

    @Test
    void pauseResumeAndCloseChangeTheStatusPersistAndAudit() {
        CliRunner.Result paused = cli.run("accounts", "pause", "account-1");
        assertThat(paused.exitCode()).as(paused.err()).isZero();
        assertThat(paused.out()).contains("account-1 is now PAUSED");
        assertThat(status("account-1")).isEqualTo(AccountStatus.PAUSED);

        State before = state();
        CliRunner.Result again = cli.run("accounts", "pause", "account-1");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("account-1 is paused, not active");
        assertThat(state()).isEqualTo(before);

        CliRunner.Result resumed = cli.run("accounts", "resume", "account-1");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(status("account-1")).isEqualTo(AccountStatus.ACTIVE);

        State active = state();
        CliRunner.Result unconfirmed = cli.run("accounts", "close", "account-1");
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("Add --yes to confirm");
        assertThat(state()).isEqualTo(active);

        CliRunner.Result closed = cli.run("accounts", "close", "account-1", "--yes");
        assertThat(closed.exitCode()).as(closed.err()).isZero();
        assertThat(status("account-1")).isEqualTo(AccountStatus.CLOSED);
        assertThat(cli.run("accounts", "show", "account-1").out())
                .contains("paused by the user").contains("resumed by the user").contains("closed by the user");
        assertThat(cli.run("accounts", "resume", "account-1").err()).contains("account-1 is closed, not paused");
    }

    @Test
    void listAndShowTellTheEnginesHealthOfEachAccount() {
        assertThat(cli.run("accounts", "list").out()).contains("HEALTH").containsPattern("account-1 +Account-1 +ACTIVE +OK ");
        Instant at = Instant.parse("2031-03-04T15:00:00Z");
        try (Database db = Database.open(dir)) {
            new LedgerStore(db).forAccount(new AccountId("account-1")).recordHealth(AccountHealth.ERROR, 5, "broker timed out after 30 s", at);
        }
        CliRunner.Result shown = cli.run("accounts", "show", "account-1");
        assertThat(shown.out()).contains("health           ERROR after 5 failures, last at 2031-03-04T15:00:00Z: broker timed out after 30 s");
        assertThat(cli.run("accounts", "list").out()).containsPattern("account-1 +Account-1 +ACTIVE +ERROR ");
        assertThat(cli.run("accounts", "list", "--json").out()).contains("\"state\": \"ERROR\"").contains("\"failures\": 5");
    }

    private AccountStatus status(String id) {
        try (Database db = Database.open(dir)) {
            return new AccountRepository(db).find(new AccountId(id)).orElseThrow().status();
        }
    }

    @Test
    void unknownAccountIsAClearError() {
        CliRunner.Result result = cli.run("accounts", "show", "nope");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no account with id 'nope'");
    }

    @Test
    void backupThenRestoreUndoesLaterChanges() {
        CliRunner.Result backup = cli.run("backup");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backup written");
        State atBackup = state();
        assertThat(cli.run("accounts", "create", "--id", "account-2").exitCode()).isZero();
        assertThat(state()).isNotEqualTo(atBackup);

        CliRunner.Result restored = cli.run("restore", "--latest");
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("pre-restore");
        assertThat(state()).isEqualTo(atBackup);
        assertThat(cli.run("restore", "--list").out()).contains("manual").contains("pre-restore");
    }

    @Test
    void liveAlpacaAccountsNeedTheRealMoneyConfirmationAndChangeNothingWithout() {
        CliRunner.Result live = cli.run("accounts", "create", "--id", "account-2", "--broker", "alpaca-live", "--alpaca-key-id", "AKLIVE0001");
        assertThat(live.exitCode()).isEqualTo(2);
        assertThat(live.err()).contains("Account not created; nothing was changed").contains("Live trading uses real money")
                .contains("--confirm-live-real-money");
        CliRunner.Result noKey = cli.run("accounts", "create", "--id", "account-2", "--broker", "alpaca-live", "--confirm-live-real-money");
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("--alpaca-key-id").doesNotContain("real money");
        CliRunner.Result unknown = cli.run("accounts", "create", "--id", "account-2", "--broker", "ibkr");
        assertThat(unknown.err()).contains("'ibkr' is not a broker");
        try (Database db = Database.open(dir)) {
            assertThat(new AccountRepository(db).findAll()).extracting(a -> a.id().value()).containsExactly("account-1");
        }
    }
}
