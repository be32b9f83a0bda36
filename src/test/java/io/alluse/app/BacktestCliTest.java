package io.alluse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCliTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedPrintsTheSameBytesAndJsonForMachines() {
        CliRunner cli = new CliRunner(dir);
        CliRunner.Result first = cli.run("backtest", "--accounts", "2", "--years", "1", "--seed", "5", "--threads", "1");
        CliRunner.Result second = cli.run("backtest", "--accounts", "2", "--years", "1", "--seed", "5", "--threads", "2");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(first.out()).contains("ALL-USE backtest: 2 account(s), 2026-01-02 to 2026-12-31 (251 trading days), seed 5")
                .contains("account-1").contains("account-2").contains("TOTAL");
        CliRunner.Result json = cli.run("backtest", "--accounts", "2", "--years", "1", "--seed", "5", "--json");
        assertThat(json.out()).contains("\"tradingDays\": 251").contains("\"account\": \"account-2\"").contains("\"premiumCollected\": \"");
        assertThat(cli.run("backtest", "--accounts", "2", "--years", "1", "--seed", "6").out()).isNotEqualTo(first.out());
    }

    @Test
    void withForkingItReportsHowManyAccountsWereCreatedAndMerged() {
        CliRunner cli = new CliRunner(dir);
        CliRunner.Result r = cli.run("backtest", "--accounts", "1", "--years", "1", "--seed", "5", "--forking");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // the default $50,000 threshold is not reached by one account in a year on this market: zero, but reported
        assertThat(r.out()).contains("Forking on: 0 account(s) created by forks, 0 merged into their parents.");
        assertThat(cli.run("backtest", "--accounts", "1", "--years", "1", "--seed", "5").out()).doesNotContain("Forking on");
        assertThat(cli.run("backtest", "--accounts", "1", "--years", "1", "--seed", "5", "--forking", "--json").out())
                .contains("\"forked\": 0").contains("\"merged\": 0");
    }

    @Test
    void theMergeModeIsTakenWithForkingAndRefusedWithoutIt() {
        CliRunner cli = new CliRunner(dir);
        CliRunner.Result transfer = cli.run("backtest", "--accounts", "1", "--years", "1", "--seed", "5", "--forking", "--merge-mode", "TRANSFER_AT_MARKET");
        assertThat(transfer.exitCode()).as(transfer.err()).isZero();
        assertThat(transfer.out()).contains("Forking on:");
        CliRunner.Result alone = cli.run("backtest", "--accounts", "1", "--years", "1", "--merge-mode", "TRANSFER_AT_MARKET");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--merge-mode applies only with --forking");
        assertThat(alone.out()).isEmpty();
    }

    @Test
    void savedSnapshotsAreADataFolderOfClosedAccountsAndTheReportStaysTheSame() {
        Path saved = dir.resolve("history");
        CliRunner.Result plain = new CliRunner(dir).run("backtest", "--accounts", "2", "--years", "1", "--seed", "5");
        CliRunner.Result saving = new CliRunner(dir).run("backtest", "--accounts", "2", "--years", "1", "--seed", "5", "--save-snapshots", saved.toString());
        assertThat(saving.exitCode()).as(saving.err()).isZero();
        assertThat(saving.out()).isEqualTo(plain.out());
        assertThat(saving.err()).contains("Saved 1,506 snapshot rows of 2 account(s)").contains("--data-dir " + saved);
        CliRunner.Result list = new CliRunner(saved).run("accounts", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("account-1").contains("account-2").containsIgnoringCase("closed");
        CliRunner.Result again = new CliRunner(dir).run("backtest", "--accounts", "1", "--years", "1", "--save-snapshots", saved.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a database").contains("choose another");
        assertThat(again.out()).isEmpty();
    }

    @Test
    void aMalformedPriceFileIsRefusedWithItsLineAndNothingRuns() throws Exception {
        Path prices = Files.createDirectories(dir.resolve("prices"));
        Files.writeString(prices.resolve("AAPL.csv"), """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700
                2024-01-03,184.22,185.88,183.43,oops,183.57,58414500
                """);
        CliRunner.Result result = new CliRunner(dir).run("backtest", "--prices", prices.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("line 3").contains("AAPL.csv");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void badSizesAreRefusedWithTheOption() {
        CliRunner.Result result = new CliRunner(dir).run("backtest", "--accounts", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--accounts must be between 1 and 100,000");
    }
}
