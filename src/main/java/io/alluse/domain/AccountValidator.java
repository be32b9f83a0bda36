package io.alluse.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks account input field by field and reports every problem at once, each naming the
 * field and the fix. Nothing is created or changed unless the whole input is valid.
 */
public final class AccountValidator {

    public static final int MAX_NAME_LENGTH = 40;
    static final Percent MAX_PREMIUM_FLOOR = Percent.of(20);

    private final SymbolCatalog catalog;

    public AccountValidator(SymbolCatalog catalog) {
        this.catalog = catalog;
    }

    /** What the validator must know about the accounts that exist already. */
    public record Existing(Set<AccountId> ids, Map<AccountId, ExecutionWindow> windows) {
        public static final Existing NONE = new Existing(Set.of(), Map.of());
    }

    public Validated<NewAccount> validateNew(AccountDraft draft, Existing existing) {
        InputParsers in = new InputParsers();
        Optional<AccountId> id = accountId(in, draft.id(), existing.ids());
        Optional<String> name = name(in, draft.name());
        Optional<Money> capital = in.capital("capital", "Initial capital", draft.capital());
        Optional<AccountConfig> config = config(in, draft.config(), existing.windows());
        if (in.hasErrors()) {
            return new Validated.Invalid<>(in.errors());
        }
        return new Validated.Valid<>(new NewAccount(id.orElseThrow(), name.orElseThrow(), capital.orElseThrow(), config.orElseThrow()));
    }

    /** A changed configuration for an existing account; {@code otherWindows} excludes the account itself. */
    public Validated<AccountConfig> validateConfig(ConfigDraft draft, Map<AccountId, ExecutionWindow> otherWindows) {
        InputParsers in = new InputParsers();
        Optional<AccountConfig> config = config(in, draft, otherWindows);
        return in.hasErrors() ? new Validated.Invalid<>(in.errors()) : new Validated.Valid<>(config.orElseThrow());
    }

    private static Optional<AccountId> accountId(InputParsers in, String text, Set<AccountId> existing) {
        if (text == null || text.isBlank()) {
            in.reject("id", "Account id is required: enter a short unique id such as account-2.");
            return Optional.empty();
        }
        String t = text.trim();
        if (!AccountId.isValid(t)) {
            in.reject("id", "Account id '" + t + "' is not allowed: use lower-case letters, digits and dashes, up to "
                    + AccountId.MAX_LENGTH + " characters, starting with a letter or digit (e.g. account-2).");
            return Optional.empty();
        }
        AccountId id = new AccountId(t);
        if (existing.contains(id)) {
            in.reject("id", "Account id '" + t + "' is already used by another account: choose another, e.g. "
                    + suggestId(existing) + ".");
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** The first free id of the form account-N. */
    public static String suggestId(Set<AccountId> existing) {
        for (int n = 1; ; n++) {
            AccountId candidate = new AccountId("account-" + n);
            if (!existing.contains(candidate)) {
                return candidate.value();
            }
        }
    }

    private static Optional<String> name(InputParsers in, String text) {
        if (text == null || text.isBlank()) {
            in.reject("name", "Account name is required: enter a name such as Account-2.");
            return Optional.empty();
        }
        String t = text.strip();
        if (t.length() > MAX_NAME_LENGTH) {
            in.reject("name", "Account name is " + t.length() + " characters long: keep it to " + MAX_NAME_LENGTH + ".");
            return Optional.empty();
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            in.reject("name", "Account name contains control characters: use letters, digits, spaces and punctuation.");
            return Optional.empty();
        }
        return Optional.of(t);
    }

    private Optional<AccountConfig> config(InputParsers in, ConfigDraft draft, Map<AccountId, ExecutionWindow> otherWindows) {
        EnumMap<SleeveKind, SleeveConfig> sleeves = new EnumMap<>(SleeveKind.class);
        EnumMap<SleeveKind, Percent> targets = new EnumMap<>(SleeveKind.class);
        for (SleeveKind kind : SleeveKind.values()) {
            SleeveDraft sleeve = draft.sleeve(kind);
            if (sleeve == null) {
                in.reject(kind.key(), kind.label() + " settings are missing.");
                continue;
            }
            Optional<Percent> target = in.percent(kind.key() + ".target", kind.label() + " allocation", sleeve.target(), Percent.ZERO, Percent.HUNDRED);
            target.ifPresent(t -> targets.put(kind, t));
            Optional<StrategyParameters> parameters = parameters(in, kind, sleeve);
            if (target.isPresent() && parameters.isPresent()) {
                sleeves.put(kind, new SleeveConfig(kind, target.get(), parameters.get()));
            }
        }
        if (targets.size() == SleeveKind.values().length) {
            int sum = targets.values().stream().mapToInt(Percent::basisPoints).sum();
            if (sum != 10_000) {
                in.reject("allocation", "Allocations add up to " + Percent.ofBasisPoints(sum)
                        + "; they must add up to exactly 100%: adjust Gen-Acc, Rev-Acc or Com-Acc.");
            }
        }
        Optional<Percent> buffer = in.percent("cashBuffer", "Cash buffer", draft.cashBuffer(), Percent.ZERO, AccountConfig.MAX_CASH_BUFFER);
        Optional<ExecutionWindow> window = window(in, draft, otherWindows);
        if (in.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new AccountConfig(sleeves, buffer.orElseThrow(), window.orElseThrow()));
    }

    private Optional<StrategyParameters> parameters(InputParsers in, SleeveKind kind, SleeveDraft d) {
        String k = kind.key();
        String l = kind.label();
        Optional<List<Symbol>> symbols = in.symbols(k + ".symbols", l + " symbols", d.symbols(), catalog);
        Optional<Double> deltaMin = in.delta(k + ".deltaMin", l + " minimum delta", d.deltaMin());
        Optional<Double> deltaMax = in.delta(k + ".deltaMax", l + " maximum delta", d.deltaMax());
        if (deltaMin.isPresent() && deltaMax.isPresent() && deltaMin.get() > deltaMax.get()) {
            in.reject(k + ".deltaMin", l + " minimum delta " + d.deltaMin().trim() + " is above the maximum "
                    + d.deltaMax().trim() + ": swap them or lower the minimum.");
        }
        Optional<Integer> dteMin = in.days(k + ".dteMin", l + " minimum days to expiry", d.dteMin());
        Optional<Integer> dteMax = in.days(k + ".dteMax", l + " maximum days to expiry", d.dteMax());
        if (dteMin.isPresent() && dteMax.isPresent() && dteMin.get() > dteMax.get()) {
            in.reject(k + ".dteMin", l + " minimum days to expiry " + dteMin.get() + " is above the maximum "
                    + dteMax.get() + ": swap them or lower the minimum.");
        }
        Optional<Set<DayOfWeek>> days = in.entryDays(k + ".entryDays", l + " entry days", d.entryDays());
        Optional<Percent> floor = in.percent(k + ".premiumFloor", l + " premium floor", d.premiumFloor(), Percent.ZERO, MAX_PREMIUM_FLOOR);
        Optional<Percent> take = in.percent(k + ".profitTake", l + " profit-take", d.profitTake(), Percent.ZERO, Percent.HUNDRED);
        Optional<Percent> cap = in.percent(k + ".perSymbolCap", l + " per-symbol cap", d.perSymbolCap(), Percent.ofBasisPoints(1), Percent.HUNDRED);
        if (in.hasErrorFor(k)) {
            return Optional.empty();
        }
        return Optional.of(new StrategyParameters(symbols.orElseThrow(), new DeltaRange(deltaMin.orElseThrow(), deltaMax.orElseThrow()),
                new DteRange(dteMin.orElseThrow(), dteMax.orElseThrow()), days.orElseThrow(), floor.orElseThrow(),
                take.orElseThrow(), cap.orElseThrow()));
    }

    private static Optional<ExecutionWindow> window(InputParsers in, ConfigDraft draft, Map<AccountId, ExecutionWindow> others) {
        Optional<LocalTime> start = in.time("window.start", "Window start", draft.windowStart());
        Optional<LocalTime> end = in.time("window.end", "Window end", draft.windowEnd());
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        LocalTime s = start.get();
        LocalTime e = end.get();
        boolean ok = true;
        if (s.isBefore(ExecutionWindow.MARKET_OPEN) || !s.isBefore(ExecutionWindow.MARKET_CLOSE)) {
            in.reject("window.start", "Window start " + s + " is outside regular trading hours: pick a time from 09:30 to 15:55 New York time.");
            ok = false;
        }
        if (e.isAfter(ExecutionWindow.MARKET_CLOSE) || !e.isAfter(ExecutionWindow.MARKET_OPEN)) {
            in.reject("window.end", "Window end " + e + " is outside regular trading hours: pick a time from 09:35 to 16:00 New York time.");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        if (Duration.between(s, e).compareTo(ExecutionWindow.MIN_LENGTH) < 0) {
            in.reject("window.end", "Window end " + e + " must be at least 5 minutes after the start " + s + ": move the end later.");
            return Optional.empty();
        }
        ExecutionWindow window = new ExecutionWindow(s, e);
        if (!draft.allowOverlap()) {
            for (Map.Entry<AccountId, ExecutionWindow> other : new java.util.TreeMap<>(others).entrySet()) {
                if (window.overlaps(other.getValue())) {
                    in.reject("window", "Window " + window + " overlaps " + other.getKey() + "'s window " + other.getValue()
                            + ": pick a free one such as " + ExecutionWindow.suggest(others.values()) + ", or allow overlapping windows.");
                    return Optional.empty();
                }
            }
        }
        return Optional.of(window);
    }
}
