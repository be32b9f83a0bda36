package io.alluse.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerBatch;
import io.alluse.domain.ledger.NewEntry;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportCliTest {

    @TempDir
    static Path dir;
    static CliRunner cli;

    @BeforeAll
    static void twoAccountsWithTrades() {
        cli = new CliRunner(dir);
        for (String id : List.of("account-2", "account-1")) {
            CliRunner.Result created = cli.run("accounts", "create", "--id", id, "--name", id.replace('a', 'A'));
            assertThat(created.exitCode()).as(created.err()).isZero();
        }
        try (Database db = Database.open(dir)) {
            LedgerStore ledgers = new LedgerStore(db);
            book(ledgers, "account-1", List.of(
                    entry("2025-03-03T15:00:00Z", EntryKind.SELL_TO_OPEN, "AAPL  250307P00150000", -1, "2.00", "200", "f1", "Sold 1 AAPL put, \"weekly\""),
                    entry("2025-03-07T21:00:00Z", EntryKind.ASSIGNMENT, "AAPL", 100, "150", "-15000", "a1", "Assigned"),
                    entry("2025-06-02T15:00:00Z", EntryKind.SELL_STOCK, "AAPL", -100, "160", "16000", "f2", "Sold 100 AAPL")));
            book(ledgers, "account-2", List.of(
                    entry("2024-12-02T15:00:00Z", EntryKind.SELL_TO_OPEN, "TSLA  250103P00200000", -1, "3.00", "300", "f1", "Sold 1 TSLA put"),
                    entry("2025-01-03T21:30:00Z", EntryKind.EXPIRATION, "TSLA  250103P00200000", 1, "0", "0", "x1", "Expired")));
        }
    }

    private static NewEntry entry(String at, EntryKind kind, String instrument, long qty, String price, String amount, String ref, String memo) {
        return new NewEntry(Instant.parse(at), SleeveKind.GEN, kind, instrument, qty, Money.of(new BigDecimal(price)), Money.of(new BigDecimal(amount)),
                ref, memo);
    }

    private static void book(LedgerStore ledgers, String account, List<NewEntry> entries) {
        ledgers.forAccount(new AccountId(account)).apply(new LedgerBatch(entries, List.of(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void transactionsOfOneAccountAreQuotedAsRfc4180AndInLedgerOrder() throws Exception {
        Path out = dir.resolve("tx1.csv");
        CliRunner.Result r = cli.run("export", "transactions", "--account", "account-1", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote 6 transaction(s) of account-1");
        List<String> lines = List.of(Files.readString(out).split("\r\n", -1));
        assertThat(lines.getFirst()).isEqualTo("account,date,time_utc,sleeve,kind,instrument,quantity,price,amount,reference,memo");
        // in time order: the trades (dated 2025) come before the opening deposit of today, split over the three sleeves
        assertThat(lines.subList(4, 7)).allSatisfy(l -> assertThat(l).startsWith("account-1,").contains(",DEPOSIT,"));
        assertThat(lines.get(1)).isEqualTo(
                "account-1,2025-03-03,2025-03-03T15:00:00Z,Gen-Acc,SELL_TO_OPEN,AAPL  250307P00150000,-1,2.00,200.00,f1,\"Sold 1 AAPL put, \"\"weekly\"\"\"");
        assertThat(lines.get(3)).isEqualTo("account-1,2025-06-02,2025-06-02T15:00:00Z,Gen-Acc,SELL_STOCK,AAPL,-100,160.00,16000.00,f2,Sold 100 AAPL");
        assertThat(lines.getLast()).isEmpty();
        assertThat(lines).hasSize(8);
    }

    @Test
    void allAccountsGoIntoOneFileInIdOrderAndTheSameLedgerGivesTheSameBytes() throws Exception {
        Path out = dir.resolve("all.csv");
        assertThat(cli.run("export", "transactions", "--out", out.toString()).exitCode()).isZero();
        String first = Files.readString(out);
        List<String> accounts = first.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(accounts).isSorted().containsOnly("account-1", "account-2").hasSize(6 + 5);
        assertThat(cli.run("export", "transactions", "--out", out.toString()).exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo(first);
    }

    @Test
    void gainsOfAYearUseTheAssignedPutsPremiumAsPartOfTheBasis() throws Exception {
        Path out = dir.resolve("gains.csv");
        CliRunner.Result r = cli.run("export", "gains", "--year", "2025", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // account-1: 16,000 - (15,000 - 200) = 1,200 short-term; account-2: the 300 premium at expiry in 2025
        assertThat(r.out()).contains("Wrote 2 realized gain line(s) for 2025 of all accounts").contains("short-term $1,500.00, long-term $0.00");
        assertThat(Files.readString(out)).isEqualTo(
                "account,sleeve,description,instrument,quantity,opened,closed,proceeds,cost_basis,gain,term,how\r\n"
                        + "account-1,Gen-Acc,100 AAPL,AAPL,100,2025-03-07,2025-06-02,16000.00,14800.00,1200.00,short,sold\r\n"
                        + "account-2,Gen-Acc,short 1 TSLA 2025-01-03 200.00 P,TSLA  250103P00200000,1,2024-12-02,2025-01-03,300.00,0.00,300.00,short,expired\r\n");
        CliRunner.Result y2024 = cli.run("export", "gains", "--year", "2024", "--account", "account-2", "--out", dir.resolve("g2024.csv").toString());
        assertThat(y2024.out()).contains("Wrote 0 realized gain line(s) for 2024 of account-2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown account | transactions --account account-9            | no account with id 'account-9'",
            "malformed id    | transactions --account 'bad id!'            | --account: 'bad id!' is not an account id",
            "letters as year | gains --year 20x5                           | --year: '20x5' is not a year; give four digits",
            "ancient year    | gains --year 1066                           | --year: 1066 is outside 1970..2199",
            "gains, unknown  | gains --year 2025 --account account-9       | no account with id 'account-9'",
    })
    void badInputIsNamedAndTheExistingFileIsLeftAsItWas(String name, String args, String message) throws Exception {
        Path out = dir.resolve("keep.csv");
        Files.writeString(out, "precious");
        List<String> all = new java.util.ArrayList<>(List.of("export"));
        for (String a : args.trim().split(" (?=(?:[^']*'[^']*')*[^']*$)")) {
            all.add(a.replace("'", ""));
        }
        all.addAll(List.of("--out", out.toString()));
        CliRunner.Result r = cli.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(Files.readString(out)).isEqualTo("precious");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aPathThatCannotBeWrittenIsRefusedAndNothingIsCreated() {
        Path missing = dir.resolve("no-such-folder").resolve("x.csv");
        CliRunner.Result r = cli.run("export", "transactions", "--out", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--out: the folder").contains("does not exist");
        assertThat(missing.getParent()).doesNotExist();
        CliRunner.Result folder = cli.run("export", "transactions", "--out", dir.toString());
        assertThat(folder.err()).contains("is a folder; give a file name");
    }
}
