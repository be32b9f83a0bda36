package io.alluse.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a person types into values, collecting a clear message per field instead of
 * throwing. Shared by the command line and the UI so both accept and refuse the same input.
 */
public final class InputParsers {

    /** No single account of this tool is meant to hold more; a typo with extra zeros is caught. */
    public static final Money MAX_CAPITAL = Money.ofDollars(1_000_000_000L);

    private final List<FieldError> errors = new ArrayList<>();

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasErrorFor(String fieldPrefix) {
        return errors.stream().anyMatch(e -> e.field().equals(fieldPrefix) || e.field().startsWith(fieldPrefix + "."));
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Dollars as typed: {@code 500000}, {@code 500,000}, {@code $500,000.00}, {@code 500k}, {@code 1.5m}. */
    public Optional<Money> capital(String field, String label, String text) {
        if (blank(text)) {
            reject(field, label + " is required: enter an amount in dollars, e.g. 500000.");
            return Optional.empty();
        }
        String cleaned = text.trim().replace("$", "").replace(",", "").replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
        BigDecimal factor = BigDecimal.ONE;
        if (cleaned.endsWith("k")) {
            factor = BigDecimal.valueOf(1_000);
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        } else if (cleaned.endsWith("m")) {
            factor = BigDecimal.valueOf(1_000_000);
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        BigDecimal dollars;
        try {
            dollars = new BigDecimal(cleaned).multiply(factor);
        } catch (NumberFormatException e) {
            reject(field, label + " '" + text.trim() + "' is not a number: enter dollars, e.g. 500000 or 500,000.");
            return Optional.empty();
        }
        if (dollars.signum() <= 0) {
            reject(field, label + " must be more than $0: enter a positive amount, e.g. 500000.");
            return Optional.empty();
        }
        if (dollars.stripTrailingZeros().scale() > 2) {
            reject(field, label + " '" + text.trim() + "' has fractions of a cent: use at most two decimals.");
            return Optional.empty();
        }
        if (dollars.compareTo(MAX_CAPITAL.toBigDecimal()) > 0) {
            reject(field, label + " " + text.trim() + " is more than " + MAX_CAPITAL.formatWhole()
                    + ": check for extra zeros, or split the money over several accounts.");
            return Optional.empty();
        }
        return Optional.of(Money.of(dollars.setScale(2)));
    }

    /** A percentage as typed, {@code 40}, {@code 40%} or {@code 1.5}, within [min, max]. */
    public Optional<Percent> percent(String field, String label, String text, Percent min, Percent max) {
        if (blank(text)) {
            reject(field, label + " is required: enter a percentage, e.g. " + example(min, max) + ".");
            return Optional.empty();
        }
        String cleaned = text.trim().replace("%", "").trim();
        BigDecimal value;
        try {
            value = new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            reject(field, label + " '" + text.trim() + "' is not a number: enter a percentage, e.g. " + example(min, max) + ".");
            return Optional.empty();
        }
        if (value.signum() < 0) {
            reject(field, label + " must not be negative: enter a value from " + min + " to " + max + ".");
            return Optional.empty();
        }
        if (value.stripTrailingZeros().scale() > 2) {
            reject(field, label + " '" + text.trim() + "' has too many decimals: use at most two, e.g. 1.25.");
            return Optional.empty();
        }
        if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
            reject(field, label + " " + cleaned + "% is more than 100%: enter a value from " + min + " to " + max + ".");
            return Optional.empty();
        }
        Percent p = Percent.of(value);
        if (p.compareTo(min) < 0 || p.compareTo(max) > 0) {
            reject(field, label + " " + p + " is outside " + min + " to " + max + ": enter a value in that range.");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private static String example(Percent min, Percent max) {
        return min.isZero() && max.basisPoints() >= 100 ? "5" : min.toBigDecimal().toPlainString();
    }

    /** An option delta as typed, strictly between 0 and 1 (e.g. 0.40). */
    public Optional<Double> delta(String field, String label, String text) {
        if (blank(text)) {
            reject(field, label + " is required: enter an absolute delta between 0 and 1, e.g. 0.30.");
            return Optional.empty();
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            reject(field, label + " '" + text.trim() + "' is not a number: enter an absolute delta between 0 and 1, e.g. 0.30.");
            return Optional.empty();
        }
        if (!(value > 0 && value < 1)) {
            reject(field, label + " " + text.trim() + " is outside (0, 1): delta is a fraction such as 0.30 (not 30).");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Whole calendar days to expiry, 0 up to {@link DteRange#MAX_DAYS}. */
    public Optional<Integer> days(String field, String label, String text) {
        if (blank(text)) {
            reject(field, label + " is required: enter whole days to expiry, e.g. 7.");
            return Optional.empty();
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            reject(field, label + " '" + text.trim() + "' is not a whole number of days: enter e.g. 7.");
            return Optional.empty();
        }
        if (value < 0 || value > DteRange.MAX_DAYS) {
            reject(field, label + " " + value + " is outside 0 to " + DteRange.MAX_DAYS + " days: enter a value in that range.");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Tickers separated by commas or spaces: {@code TSLA, NVDA}. Checked against the catalog. */
    public Optional<List<Symbol>> symbols(String field, String label, String text, SymbolCatalog catalog) {
        if (blank(text)) {
            reject(field, label + " needs at least one ticker: enter e.g. AAPL, MSFT.");
            return Optional.empty();
        }
        LinkedHashSet<Symbol> result = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            if (!Symbol.isValid(part)) {
                problems.add("'" + part.trim() + "' is not a ticker symbol (use 1-5 letters, e.g. AAPL or BRK.B)");
                continue;
            }
            Symbol symbol = Symbol.parse(part);
            if (!catalog.isKnown(symbol)) {
                problems.add("'" + symbol + "' is not a symbol the " + catalog.name() + " knows (known: " + catalog.describeKnown() + ")");
                continue;
            }
            if (!result.add(symbol)) {
                problems.add(symbol + " is listed twice; list each ticker once");
            }
        }
        if (!problems.isEmpty()) {
            reject(field, label + ": " + String.join("; ", problems) + ".");
            return Optional.empty();
        }
        if (result.isEmpty()) {
            reject(field, label + " needs at least one ticker: enter e.g. AAPL, MSFT.");
            return Optional.empty();
        }
        return Optional.of(List.copyOf(result));
    }

    /** Days of the week: {@code Thu}, {@code Mon,Tue,Wed}, {@code Mon-Wed}, full names accepted. */
    public Optional<Set<DayOfWeek>> entryDays(String field, String label, String text) {
        if (blank(text)) {
            reject(field, label + " needs at least one trading day: enter e.g. Mon-Wed or Thu.");
            return Optional.empty();
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.split("-", -1);
            Optional<DayOfWeek> from = day(range[0]);
            Optional<DayOfWeek> to = range.length == 2 ? day(range[1]) : from;
            if (range.length > 2 || from.isEmpty() || to.isEmpty()) {
                reject(field, label + ": '" + part + "' is not a day of the week; use Mon, Tue, Wed, Thu, Fri or a range like Mon-Wed.");
                return Optional.empty();
            }
            if (to.get().compareTo(from.get()) < 0) {
                reject(field, label + ": range '" + part + "' runs backwards; write it as e.g. Mon-Wed.");
                return Optional.empty();
            }
            for (int d = from.get().getValue(); d <= to.get().getValue(); d++) {
                days.add(DayOfWeek.of(d));
            }
        }
        if (days.contains(DayOfWeek.SATURDAY) || days.contains(DayOfWeek.SUNDAY)) {
            reject(field, label + ": the market is closed on weekends; use days from Mon to Fri.");
            return Optional.empty();
        }
        if (days.isEmpty()) {
            reject(field, label + " needs at least one trading day: enter e.g. Mon-Wed or Thu.");
            return Optional.empty();
        }
        return Optional.of(days);
    }

    /** A day name or any prefix of it that names one day only: {@code Th}, {@code Thu}, {@code Thursday}. */
    private static Optional<DayOfWeek> day(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        List<DayOfWeek> matches = t.isEmpty() ? List.of()
                : java.util.Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(t)).toList();
        return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }

    /** A time of day in New York, {@code HH:MM}. */
    public Optional<LocalTime> time(String field, String label, String text) {
        if (blank(text)) {
            reject(field, label + " is required: enter a New York time as HH:MM, e.g. 10:00.");
            return Optional.empty();
        }
        try {
            String t = text.trim();
            if (t.matches("\\d:\\d\\d")) {
                t = "0" + t;
            }
            return Optional.of(LocalTime.parse(t));
        } catch (DateTimeParseException e) {
            reject(field, label + " '" + text.trim() + "' is not a time: use HH:MM in New York time, e.g. 10:00.");
            return Optional.empty();
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
