package io.alluse.ui.export;

import io.alluse.analytics.Exports;
import io.alluse.analytics.export.ExportFile;
import io.alluse.domain.Account;
import io.alluse.domain.FieldError;
import io.alluse.domain.Money;
import io.alluse.ui.common.FieldMessages;
import io.alluse.ui.common.UiExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The export dialog's state: which export, of what, into which file. Fields are checked as the
 * user types (the same file checks as the {@code export} command); the export itself runs in the
 * background and writes through {@link ExportFile#writeAtomically}, so a failure leaves no file.
 */
public final class ExportViewModel {

    public enum Kind {
        TRANSACTIONS("Transactions CSV"), GAINS("Realized gains for a tax year");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What was written.
     *
     * @param lines     data lines (transactions or gain lines), without the header
     * @param shortTerm empty for a transactions export
     */
    public record Result(Kind kind, Path file, long lines, Optional<Money> shortTerm, Optional<Money> longTerm, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** How the file is written: the real atomic write, or a failing one in tests. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path target, String text) throws IOException;
    }

    public static final String YEAR = "year";
    public static final String FILE = "file";

    private final Exports exports;
    private final Optional<Account> account;
    private final Path folder;
    private final LocalDate today;
    private final UiExecutor executor;
    private final FileWriter writer;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.TRANSACTIONS);
    private final StringProperty year;
    /** True: the chosen account only; false: all accounts. */
    private final BooleanProperty thisAccount;
    private final StringProperty file = new SimpleStringProperty("");
    private final FieldMessages messages = new FieldMessages();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private String suggested = "";

    /**
     * @param account the account the dialog was opened for; empty: all accounts only
     * @param folder  where the suggested file goes (the user's Documents folder)
     * @param today   the paper clock's date: the default tax year is the one before it
     */
    public ExportViewModel(Exports exports, Optional<Account> account, Path folder, LocalDate today, UiExecutor executor, FileWriter writer) {
        this.exports = exports;
        this.account = account;
        this.folder = folder;
        this.today = today;
        this.executor = executor;
        this.writer = writer;
        this.year = new SimpleStringProperty(String.valueOf(today.getYear() - 1));
        this.thisAccount = new SimpleBooleanProperty(account.isPresent());
        kind.addListener((obs, old, now) -> changed());
        year.addListener((obs, old, now) -> changed());
        thisAccount.addListener((obs, old, now) -> changed());
        file.addListener((obs, old, now) -> validate());
        changed();
    }

    /** The user's Documents folder when there is one, else the home folder. */
    public static Path documentsFolder() {
        Path home = Path.of(System.getProperty("user.home"));
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

    private void changed() {
        // follow the choices with the suggested name until the user types a name of their own
        String next = folder.resolve(suggestedName()).toString();
        if (file.get().isEmpty() || file.get().equals(suggested)) {
            suggested = next;
            file.set(next);
        } else {
            suggested = next;
        }
        result.set(null);
        validate();
    }

    String suggestedName() {
        String scope = scopeAccount().map(a -> a.id().value()).orElse("all-accounts");
        return switch (kind.get()) {
            case TRANSACTIONS -> "alluse-transactions-" + scope + "-" + today + ".csv";
            case GAINS -> "alluse-gains-" + (parseYear().map(String::valueOf).orElse("year")) + "-" + scope + ".csv";
        };
    }

    private Optional<Account> scopeAccount() {
        return thisAccount.get() ? account : Optional.empty();
    }

    private Optional<Integer> parseYear() {
        String y = year.get() == null ? "" : year.get().strip();
        if (!y.matches("\\d{4}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(y);
        return value >= Exports.FIRST_YEAR && value <= Exports.LAST_YEAR ? Optional.of(value) : Optional.empty();
    }

    /** Shows a message under each wrong field; true when the export can run. */
    boolean validate() {
        List<FieldError> errors = new ArrayList<>();
        if (kind.get() == Kind.GAINS && parseYear().isEmpty()) {
            String y = year.get() == null ? "" : year.get().strip();
            errors.add(new FieldError(YEAR, y.matches("\\d{4}")
                    ? "Tax year: " + y + " is outside " + Exports.FIRST_YEAR + ".." + Exports.LAST_YEAR + "; give a year such as " + (today.getYear() - 1) + "."
                    : "Tax year: '" + y + "' is not a year; give four digits, e.g. " + (today.getYear() - 1) + "."));
        }
        targetProblem().ifPresent(p -> errors.add(new FieldError(FILE, "Output file: " + p)));
        messages.show(errors);
        valid.set(errors.isEmpty());
        return errors.isEmpty();
    }

    private Optional<String> targetProblem() {
        String text = file.get() == null ? "" : file.get().strip();
        if (text.isEmpty()) {
            return Optional.of("give the file to write, e.g. " + folder.resolve(suggestedName()));
        }
        Path target;
        try {
            target = Path.of(text);
        } catch (InvalidPathException e) {
            return Optional.of("'" + text + "' is not a valid path (" + e.getReason() + ").");
        }
        if (!target.isAbsolute()) {
            return Optional.of("give the full path, e.g. " + folder.resolve(target));
        }
        return ExportFile.problem(target);
    }

    /** Runs the export in the background; the outcome lands in {@link #resultProperty()} or {@link #failureProperty()}. */
    public void export() {
        if (working.get() || !validate()) {
            return;
        }
        Kind k = kind.get();
        Optional<Integer> taxYear = parseYear();
        Optional<Account> scope = scopeAccount();
        Path target = Path.of(file.get().strip());
        working.set(true);
        failure.set("");
        result.set(null);
        executor.submit("Exporting " + k.label().toLowerCase(java.util.Locale.ROOT), () -> {
            Optional<io.alluse.domain.AccountId> id = scope.map(Account::id);
            Result r;
            if (k == Kind.TRANSACTIONS) {
                String csv = exports.transactionsCsv(id);
                write(target, csv);
                r = new Result(k, target, Math.max(0, csv.lines().count() - 1), Optional.empty(), Optional.empty(), List.of());
            } else {
                Exports.GainsReport report = exports.gains(taxYear.orElseThrow(), id);
                write(target, report.csv());
                r = new Result(k, target, report.lines(), Optional.of(report.shortTerm()), Optional.of(report.longTerm()), report.warnings());
            }
            return r;
        }, r -> {
            working.set(false);
            result.set(r);
        }, e -> {
            working.set(false);
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            if (cause instanceof WriteFailed) {
                // the write named the file: say so next to the file field
                messages.show(List.of(new FieldError(FILE, "Output file: could not write " + target + ": " + why + ". Nothing was written.")));
                failure.set("Export failed: the output file could not be written; nothing was written.");
            } else {
                failure.set("Export failed: " + why + ". Nothing was written.");
            }
        });
    }

    private void write(Path target, String text) throws WriteFailed {
        try {
            writer.write(target, text);
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
    }

    /** An IOException of the write itself, as opposed to reading the ledgers. */
    private static final class WriteFailed extends Exception {
        WriteFailed(IOException cause) {
            super(describe(cause), cause);
        }

        /** The reason alone: the path is already named in the message around it. */
        private static String describe(IOException e) {
            return switch (e) {
                case java.nio.file.AccessDeniedException a -> "permission denied";
                case java.nio.file.NoSuchFileException n -> "the folder no longer exists";
                case java.nio.file.FileSystemException f when f.getReason() != null -> f.getReason().toLowerCase(java.util.Locale.ROOT);
                default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            };
        }
    }

    public Optional<Account> account() {
        return account;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty yearProperty() {
        return year;
    }

    public BooleanProperty thisAccountProperty() {
        return thisAccount;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public FieldMessages messages() {
        return messages;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
