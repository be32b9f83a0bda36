package io.alluse.app;

import io.alluse.analytics.Exports;
import io.alluse.analytics.export.ExportFile;
import io.alluse.domain.AccountId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", description = "Write spreadsheet files (CSV) of the ledgers: transactions, realized gains per tax year.",
        subcommands = {ExportCommand.TransactionsCommand.class, ExportCommand.GainsCommand.class},
        mixinStandardHelpOptions = true)
final class ExportCommand extends CommandSupport implements Callable<Integer> {

    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }

    /** Options and checks both exports share. */
    abstract static class ExportSupport extends CommandSupport {
        @Option(names = "--account", paramLabel = "ID", description = "Only this account (default: all accounts in one file).")
        String account;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write (replaced if it exists).")
        Path outFile;

        /** Checks what can be checked before the database is opened; a message, or empty when fine. */
        Optional<String> checkArguments() {
            if (account != null && !AccountId.isValid(account)) {
                return Optional.of("--account: '" + account + "' is not an account id. Run `accounts list` to see the ids.");
            }
            return ExportFile.problem(outFile).map(p -> "--out: " + p);
        }

        Optional<AccountId> accountId() {
            return Optional.ofNullable(account).map(AccountId::new);
        }

        /** Writes beside the target first and moves it into place, so a failure leaves no half file. */
        void write(String csv) throws IOException {
            ExportFile.writeAtomically(outFile, csv);
        }

        Integer run(ExportWork work) {
            Optional<String> problem = checkArguments();
            if (problem.isPresent()) {
                err().println("Error: " + problem.get());
                return 2;
            }
            try (AppContext context = openContext()) {
                Exports exports = context.exports();
                String summary;
                try {
                    summary = work.export(exports);
                } catch (IllegalArgumentException e) {
                    err().println("Error: " + e.getMessage());
                    return 2;
                }
                out().println(summary);
                out().flush();
                return 0;
            } catch (IOException e) {
                err().println("Error: could not write " + outFile + ": " + e.getMessage() + ". Nothing was written.");
                return 1;
            }
        }

        interface ExportWork {
            String export(Exports exports) throws IOException;
        }
    }

    @Command(name = "transactions", description = "Every ledger transaction as CSV (account, date, sleeve, kind, instrument, quantity, price, amount, ...).",
            mixinStandardHelpOptions = true)
    static final class TransactionsCommand extends ExportSupport implements Callable<Integer> {
        @Override
        public Integer call() {
            return run(exports -> {
                String csv = exports.transactionsCsv(accountId());
                write(csv);
                long rows = csv.lines().count() - 1;
                return "Wrote " + rows + " transaction(s) of " + (account == null ? "all accounts" : account) + " to " + outFile.toAbsolutePath();
            });
        }
    }

    @Command(name = "gains", description = {"Realized gains of one tax year as CSV: lots matched first in, first out;",
            "expired short options are short-term gains at expiry, an assigned put's premium lowers the shares' basis,",
            "a called-away call's premium adds to the sale's proceeds."},
            mixinStandardHelpOptions = true)
    static final class GainsCommand extends ExportSupport implements Callable<Integer> {
        @Option(names = "--year", paramLabel = "YYYY", required = true, description = "The tax year, e.g. 2025.")
        String year;

        @Override
        Optional<String> checkArguments() {
            if (year == null || !year.matches("\\d{4}")) {
                return Optional.of("--year: '" + year + "' is not a year; give four digits, e.g. --year 2025.");
            }
            int y = Integer.parseInt(year);
            if (y < Exports.FIRST_YEAR || y > Exports.LAST_YEAR) {
                return Optional.of("--year: " + year + " is outside " + Exports.FIRST_YEAR + ".." + Exports.LAST_YEAR + "; give a tax year such as 2025.");
            }
            return super.checkArguments();
        }

        @Override
        public Integer call() {
            return run(exports -> {
                Exports.GainsReport report = exports.gains(Integer.parseInt(year), accountId());
                write(report.csv());
                report.warnings().forEach(w -> err().println("Warning: " + w));
                return "Wrote " + report.lines() + " realized gain line(s) for " + year + " of " + (account == null ? "all accounts" : account) + " to "
                        + outFile.toAbsolutePath() + ": short-term " + report.shortTerm() + ", long-term " + report.longTerm();
            });
        }
    }
}
