package io.alluse.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.Money;
import io.alluse.domain.NewAccount;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.store.AccountRepository;
import io.alluse.store.Database;
import io.alluse.store.ForkStore;
import io.alluse.store.LedgerStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forks release}: ends a linked fork's reservation in its parent, after saying what happens (docs/decisions/0032). */
class ForksCliTest {

    private static final AccountId PARENT = new AccountId("account-1");
    private static final AccountId LINKED = new AccountId("account-1-f1");
    private static final AccountId WAITING = new AccountId("account-1-f2");
    private static final Money AMOUNT = Money.ofDollars(52_000);

    @TempDir
    Path dir;
    CliRunner cli;

    /** Account-1 at Alpaca with two forks: one linked to a brokerage account the user funded from a bank, one still waiting. */
    @BeforeEach
    void forks() {
        cli = new CliRunner(dir);
        assertThat(cli.run("accounts", "create", "--id", "account-1", "--name", "Account-1").exitCode()).isZero();
        Instant at = Instant.parse("2031-03-07T15:00:00Z");
        try (Database db = Database.open(dir)) {
            ForkStore forks = new ForkStore(db);
            Account parent = new AccountRepository(db).findAll().getFirst();
            for (int i = 1; i <= 2; i++) {
                ForkRecord r = forks.begin(ForkRecord.Kind.FORK, parent.id(), epoch -> new AccountId("account-1-f" + epoch), AMOUNT, at);
                forks.completeWaiting(r, new NewAccount(r.child(), "Account-1 fork " + i, r.amount(), parent.config()),
                        new BrokerConnection(BrokerKind.ALPACA_PAPER, "UNLINKED-" + r.child().value().toUpperCase(java.util.Locale.ROOT)),
                        "Open a brokerage account, transfer " + AMOUNT + " into it, then link it.", at);
                if (i == 1) {
                    forks.link(forks.founding(r.child()).orElseThrow(), new BrokerConnection(BrokerKind.ALPACA_PAPER, "PA3FUNDEDBYBANK"), "opening-1",
                            Optional.empty(), at.plusSeconds(3600));
                }
            }
            assertThat(forks.founding(LINKED).orElseThrow().state()).isEqualTo(ForkRecord.State.LINKED);
            assertThat(forks.reserved(PARENT)).isEqualTo(AMOUNT.times(2));
        }
    }

    private ForkRecord.State state(AccountId child) {
        try (Database db = Database.open(dir)) {
            return new ForkStore(db).founding(child).orElseThrow().state();
        }
    }

    private Money reserved() {
        try (Database db = Database.open(dir)) {
            return new ForkStore(db).reserved(PARENT);
        }
    }

    @Test
    void releaseSaysWhatHappensAsksForYesThenReleasesOnce() {
        CliRunner.Result asked = cli.run("forks", "release", "account-1-f1");
        assertThat(asked.exitCode()).isEqualTo(2);
        assertThat(asked.err()).contains("$52,000.00 reserved in account-1's Gen-Acc for account-1-f1 deployable again")
                .contains("Nothing is sent to any broker").contains("Add --yes to confirm");
        assertThat(state(LINKED)).isEqualTo(ForkRecord.State.LINKED);

        CliRunner.Result released = cli.run("forks", "release", "account-1-f1", "--yes");
        assertThat(released.exitCode()).as(released.err()).isZero();
        assertThat(released.out()).contains("Released: the $52,000.00 reserved in account-1 for account-1-f1 is deployable again")
                .contains("Nothing was sent to any broker");
        assertThat(state(LINKED)).isEqualTo(ForkRecord.State.RELEASED);
        assertThat(reserved()).as("only the waiting fork's").isEqualTo(AMOUNT);
        try (Database db = Database.open(dir)) {
            assertThat(new LedgerStore(db).forAccount(PARENT).audit()).anySatisfy(e -> assertThat(e.summary()).contains("released by hand"));
        }
        assertThat(cli.run("accounts", "show", "account-1").out()).contains("funded elsewhere, reservation released");

        CliRunner.Result again = cli.run("forks", "release", "account-1-f1", "--yes");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("released already").contains("Nothing was changed");
    }

    @Test
    void aForkWithoutAReservationToReleaseIsRefusedAndNothingChanges() {
        CliRunner.Result waiting = cli.run("forks", "release", "account-1-f2", "--yes");
        assertThat(waiting.exitCode()).isEqualTo(1);
        assertThat(waiting.err()).contains("account-1-f2 still waits for its brokerage account: link it first").contains("Nothing was changed");
        CliRunner.Result root = cli.run("forks", "release", "account-1", "--yes");
        assertThat(root.exitCode()).isEqualTo(1);
        assertThat(root.err()).contains("account-1 was not founded by a fork");
        CliRunner.Result unknown = cli.run("forks", "release", "account-9", "--yes");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no account with id 'account-9'");
        CliRunner.Result malformed = cli.run("forks", "release", "Not An Id");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("is not an account id");
        assertThat(state(WAITING)).isEqualTo(ForkRecord.State.WAITING);
        assertThat(state(LINKED)).isEqualTo(ForkRecord.State.LINKED);
        assertThat(reserved()).isEqualTo(AMOUNT.times(2));
    }
}
