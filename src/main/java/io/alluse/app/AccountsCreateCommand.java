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
@Command(name = "create", description = {"Create a main account on the built-in paper broker (default) or at Alpaca.",
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
    @Option(names = "--broker", paramLabel = "KIND", description = "paper (default), alpaca-paper or alpaca-live.")
    String broker;
    @Option(names = "--alpaca-key-id", paramLabel = "KEY", description = "Alpaca API key id; the secret key is read from the "
            + "environment variable ALPACA_SECRET_KEY and the vault passphrase from ALLUSE_VAULT_PASSPHRASE (never from the command line).")
    String alpacaKeyId;
    @Option(names = "--confirm-live-real-money", description = "Required with --broker alpaca-live: live trading uses real money.")
    boolean confirmLive;

    static final String SECRET_ENV = "ALPACA_SECRET_KEY";
    static final String PASSPHRASE_ENV = "ALLUSE_VAULT_PASSPHRASE";

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

    /** The Alpaca choice, or empty for the paper broker; refusals print their fix and give null. */
    private java.util.Optional<io.alluse.engine.BrokerSetup.Alpaca> alpacaSetup(java.util.function.Function<String, String> env) {
        String kind = broker == null ? "paper" : broker.strip().toLowerCase(Locale.ROOT);
        if (kind.equals("paper")) {
            return java.util.Optional.empty();
        }
        if (!kind.equals("alpaca-paper") && !kind.equals("alpaca-live")) {
            throw new IllegalArgumentException("--broker: '" + broker + "' is not a broker: use paper, alpaca-paper or alpaca-live.");
        }
        boolean live = kind.equals("alpaca-live");
        if (live && !confirmLive) {
            throw new IllegalArgumentException("--broker alpaca-live: " + io.alluse.engine.AlpacaBrokerages.LIVE_CONFIRMATION
                    + " Add --confirm-live-real-money to create a live account, or use --broker alpaca-paper.");
        }
        if (alpacaKeyId == null || alpacaKeyId.isBlank()) {
            throw new IllegalArgumentException("--alpaca-key-id: enter the account's Alpaca API key id.");
        }
        String secret = env.apply(SECRET_ENV);
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(SECRET_ENV + ": set this environment variable to the Alpaca secret key (kept out of the "
                    + "command line and the shell history).");
        }
        return java.util.Optional.of(new io.alluse.engine.BrokerSetup.Alpaca(live ? io.alluse.broker.alpaca.AlpacaMode.LIVE
                : io.alluse.broker.alpaca.AlpacaMode.PAPER, io.alluse.secrets.Secret.of(alpacaKeyId.strip()),
                io.alluse.secrets.Secret.of(secret.strip()), live && confirmLive));
    }

    @Override
    public Integer call() {
        java.util.Optional<io.alluse.engine.BrokerSetup.Alpaca> alpaca;
        try {
            alpaca = alpacaSetup(System::getenv);
        } catch (IllegalArgumentException e) {
            err().println("Account not created; nothing was changed:");
            err().println("  " + e.getMessage());
            err().flush();
            return 2;
        }
        try (AppContext context = openContext()) {
            AccountDraft draft = draft(context.accounts().newAccountDraft());
            try {
                if (alpaca.isPresent()) {
                    String passphrase = System.getenv(PASSPHRASE_ENV);
                    var vault = context.accounts().vault().orElseThrow();
                    if (!vault.isUnlocked()) {
                        if (passphrase == null || passphrase.isEmpty()) {
                            err().println("Account not created; nothing was changed:");
                            err().println("  " + PASSPHRASE_ENV + ": set this environment variable to the credential vault's passphrase.");
                            err().flush();
                            return 2;
                        }
                        vault.unlock(passphrase.toCharArray());
                    }
                    var check = context.accounts().checkBroker(alpaca.get(), new io.alluse.domain.AccountId("account-check"));
                    if (!check.ok()) {
                        err().println("Account not created; nothing was changed: " + check.summary());
                        check.details().forEach(d -> err().println("  " + d));
                        err().flush();
                        return 2;
                    }
                }
                Account created = alpaca.isPresent() ? context.accounts().create(draft, alpaca.get()) : context.accounts().create(draft);
                out().println("Created " + created.name() + " (" + created.id() + ") with " + created.totalCapital().format() + " on the "
                        + created.broker().kind().label().toLowerCase(Locale.ROOT) + ", window " + created.config().window() + " New York.");
                for (SleeveKind kind : SleeveKind.values()) {
                    out().println("  " + kind.label() + "  " + created.config().target(kind) + "  " + created.capital().of(kind).format()
                            + "  deployable " + created.deployable(kind).format());
                }
                out().flush();
                return 0;
            } catch (io.alluse.broker.BrokerException | io.alluse.secrets.VaultException e) {
                err().println("Account not created; nothing was changed:");
                err().println("  " + e.getMessage());
                err().flush();
                return 2;
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
