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

    /**
     * A one-year run ends on the year's last trading day, 363 calendar days after its first: its return is
     * the period's total return, and CAGR is n/a in the text and null in the JSON (decision 0032). Two
     * years have a CAGR, and it agrees with the total return over the days the run spans.
     */
    @Test
    void cagrIsNotAvailableUnderAYearAndTheTotalReturnIsAlwaysThere() {
        CliRunner cli = new CliRunner(dir);
        CliRunner.Result text = cli.run("backtest", "--accounts", "1", "--years", "1", "--seed", "5");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("RETURN").contains("CAGR")
                .contains("CAGR n/a: it needs at least 1 year of history (has 363 days); total return shown.");
        String total = text.out().lines().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow();
        assertThat(total.split("\\s+")[4]).isEqualTo("n/a");
        assertThat(total.split("\\s+")[3]).matches("-?\\d+\\.\\d\\d%");

        String json = cli.run("backtest", "--accounts", "1", "--years", "1", "--seed", "5", "--json").out();
        assertThat(json).contains("\"cagr\": null").doesNotContain("\"cagr\": 0").containsPattern("\"totalReturn\": -?\\d+\\.\\d{6}");

        CliRunner.Result two = cli.run("backtest", "--accounts", "1", "--years", "2", "--seed", "5", "--json");
        assertThat(two.exitCode()).as(two.err()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"total\": \\{[^}]*\"totalReturn\": (-?[\\d.]+),\\s*\"cagr\": (-?[\\d.]+)")
                .matcher(two.out());
        assertThat(m.find()).as(two.out()).isTrue();
        java.util.regex.Matcher span = java.util.regex.Pattern.compile("\"from\": \"([\\d-]+)\",\\s*\"to\": \"([\\d-]+)\"").matcher(two.out());
        assertThat(span.find()).isTrue();
        long days = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(span.group(1)), java.time.LocalDate.parse(span.group(2)));
        double expected = Math.pow(1 + Double.parseDouble(m.group(1)), 365.0 / days) - 1;
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(expected, org.assertj.core.data.Offset.offset(2e-6));
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
