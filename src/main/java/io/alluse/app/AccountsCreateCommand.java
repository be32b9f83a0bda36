package io.alluse.app;

import io.alluse.domain.Account;
import io.alluse.domain.AccountDraft;
import io.alluse.domain.ConfigDraft;
import io.alluse.domain.Defaults;
import io.alluse.domain.FieldError;
import io.alluse.domain.SleeveDraft;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ValidationException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code accounts create}: every field of the wizard as an option, through the same validation.
 * The sleeve options ({@code --gen-target}, {@code --rev-symbols}, ...) are generated per sleeve in
 * {@link #addSleeveOptions} so that their names follow the validator's field keys exactly.
 */
@Command(name = "create", description = {"Create a main account on the built-in paper broker.",
        "Unset options take the ALL-USE defaults; the id, name and window default to the next free ones."},
        mixinStandardHelpOptions = true, sortOptions = false)
final class AccountsCreateCommand extends CommandSupport implements Callable<Integer> {

    @Option(names = "--id", paramLabel = "ID", description = "Unique id: lower-case letters, digits, dashes (default: next account-N).")
    String id;
    @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: Account-N).")
    String name;
    @Option(names = "--capital", paramLabel = "USD", description = "Initial capital in dollars (default: 500000).")
    String capital;
    @Option(names = "--cash-buffer", paramLabel = "PCT", description = "Cash every sleeve keeps back, 0-50% (default: 5).")
    String cashBuffer;
    @Option(names = "--window-start", paramLabel = "HH:MM", description = "Execution window start, New York time (default: next free window).")
    String windowStart;
    @Option(names = "--window-end", paramLabel = "HH:MM", description = "Execution window end, New York time.")
    String windowEnd;
    @Option(names = "--allow-overlap", description = "Allow the window to overlap other accounts' windows.")
    boolean allowOverlap;

    /** The parts of a sleeve draft, in option order, with how to set each. */
    private enum SleeveField {
        TARGET("target", "PCT", "allocation of the account, %", (d, v) -> d.withTarget(v)),
        SYMBOLS("symbols", "LIST", "tickers, comma separated", (d, v) -> d.withSymbols(v)),
        DELTA_MIN("delta-min", "D", "minimum |delta|, 0-1", (d, v) -> d.withDelta(v, d.deltaMax())),
        DELTA_MAX("delta-max", "D", "maximum |delta|, 0-1", (d, v) -> d.withDelta(d.deltaMin(), v)),
        DTE_MIN("dte-min", "DAYS", "minimum days to expiry", (d, v) -> d.withDte(v, d.dteMax())),
        DTE_MAX("dte-max", "DAYS", "maximum days to expiry", (d, v) -> d.withDte(d.dteMin(), v)),
        ENTRY_DAYS("entry-days", "DAYS", "entry days, e.g. Mon-Wed or Thu", (d, v) -> d.withEntryDays(v)),
        PREMIUM_FLOOR("premium-floor", "PCT", "minimum premium, % of strike per week", (d, v) -> d.withPremiumFloor(v)),
        PROFIT_TAKE("profit-take", "PCT", "buy back at this % of premium captured, 0 = off", (d, v) -> d.withProfitTake(v)),
        PER_SYMBOL_CAP("per-symbol-cap", "PCT", "largest share of deployable cash per symbol", (d, v) -> d.withPerSymbolCap(v));

        final String suffix;
        final String label;
        final String description;
        final BiFunction<SleeveDraft, String, SleeveDraft> apply;

        SleeveField(String suffix, String label, String description, BiFunction<SleeveDraft, String, SleeveDraft> apply) {
            this.suffix = suffix;
            this.label = label;
            this.description = description;
            this.apply = apply;
        }

        String option(SleeveKind kind) {
            return "--" + kind.key() + "-" + suffix;
        }
    }

    static void addSleeveOptions(CommandSpec spec) {
        for (SleeveKind kind : SleeveKind.values()) {
            SleeveDraft defaults = SleeveDraft.of(Defaults.sleeve(kind));
            for (SleeveField field : SleeveField.values()) {
                String defaultText = current(defaults, field);
                spec.addOption(OptionSpec.builder(field.option(kind)).paramLabel(field.label).type(String.class)
                        .description(kind.label() + " " + field.description + " (default: " + defaultText + ").").build());
            }
        }
    }

    private static String current(SleeveDraft d, SleeveField field) {
        return switch (field) {
            case TARGET -> d.target();
            case SYMBOLS -> d.symbols();
            case DELTA_MIN -> d.deltaMin();
            case DELTA_MAX -> d.deltaMax();
            case DTE_MIN -> d.dteMin();
            case DTE_MAX -> d.dteMax();
            case ENTRY_DAYS -> d.entryDays();
            case PREMIUM_FLOOR -> d.premiumFloor();
            case PROFIT_TAKE -> d.profitTake();
            case PER_SYMBOL_CAP -> d.perSymbolCap();
        };
    }

    @Override
    public Integer call() {
        try (AppContext context = openContext()) {
            AccountDraft draft = draft(context.accounts().newAccountDraft());
            try {
                Account created = context.accounts().create(draft);
                out().println("Created " + created.name() + " (" + created.id() + ") with " + created.totalCapital().format() + " on the "
                        + created.broker().kind().label().toLowerCase(Locale.ROOT) + ", window " + created.config().window() + " New York.");
                for (SleeveKind kind : SleeveKind.values()) {
                    out().println("  " + kind.label() + "  " + created.config().target(kind) + "  " + created.capital().of(kind).format()
                            + "  deployable " + created.deployable(kind).format());
                }
                out().flush();
                return 0;
            } catch (ValidationException e) {
                err().println("Account not created; nothing was changed:");
                for (FieldError error : e.errors()) {
                    err().println("  " + optionFor(error.field()) + ": " + error.message());
                }
                err().flush();
                return 2;
            }
        }
    }

    private AccountDraft draft(AccountDraft suggested) {
        ConfigDraft config = suggested.config();
        for (SleeveKind kind : SleeveKind.values()) {
            SleeveDraft sleeve = config.sleeve(kind);
            for (SleeveField field : SleeveField.values()) {
                String value = spec.findOption(field.option(kind)).getValue();
                if (value != null) {
                    sleeve = field.apply.apply(sleeve, value);
                }
            }
            config = config.withSleeve(kind, sleeve);
        }
        if (cashBuffer != null) {
            config = config.withCashBuffer(cashBuffer);
        }
        if (windowStart != null || windowEnd != null) {
            config = config.withWindow(windowStart != null ? windowStart : config.windowStart(), windowEnd != null ? windowEnd : config.windowEnd());
        }
        config = config.withAllowOverlap(allowOverlap);
        AccountDraft draft = suggested.withConfig(config);
        if (id != null) {
            draft = draft.withId(id);
        }
        if (name != null) {
            draft = draft.withName(name);
        } else if (id != null) {
            draft = draft.withName(id);
        }
        return capital != null ? draft.withCapital(capital) : draft;
    }

    /** The option a validation field came from: {@code gen.deltaMin} -> {@code --gen-delta-min}. */
    static String optionFor(String field) {
        return switch (field) {
            case "allocation" -> "--gen-target/--rev-target/--com-target";
            case "window" -> "--window-start/--window-end";
            default -> "--" + field.replace('.', '-').replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        };
    }
}
