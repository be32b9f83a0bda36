package io.alluse.ui.wizard;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One bad entry of the wizard: what is typed into which fields (by validator key), on which page,
 * and which field's message must then say what. Shared by the view-model and the view tests.
 * The accounts that exist meanwhile: account-1 with the window 09:45-10:15.
 */
record InvalidInput(String name, WizardStep step, boolean customAllocation, Map<String, String> typed, String messageField, String phrase) {

    @Override
    public String toString() {
        return name;
    }

    static InvalidInput of(String name, WizardStep step, String field, String text, String phrase) {
        return new InvalidInput(name, step, false, Map.of(field, text), field, phrase);
    }

    static Stream<InvalidInput> all() {
        return Stream.of(
                of("capital zero", WizardStep.BASICS, "capital", "0", "Initial capital must be more than $0"),
                of("capital not a number", WizardStep.BASICS, "capital", "lots", "Initial capital 'lots' is not a number"),
                of("capital too large", WizardStep.BASICS, "capital", "5000000000", "is more than $1,000,000,000"),
                of("duplicate id", WizardStep.BASICS, "id", "account-1", "Account id 'account-1' is already used by another account"),
                of("malformed id", WizardStep.BASICS, "id", "Account 2!", "Account id 'Account 2!' is not allowed"),
                new InvalidInput("allocations not summing to 100", WizardStep.ALLOCATION, true, Map.of("gen.target", "35"), "allocation",
                        "Allocations add up to 95%; they must add up to exactly 100%"),
                new InvalidInput("negative percentage", WizardStep.ALLOCATION, true, Map.of("rev.target", "-5"), "rev.target",
                        "Rev-Acc allocation must not be negative"),
                new InvalidInput("buffer above 50", WizardStep.ALLOCATION, true, Map.of("cashBuffer", "60"), "cashBuffer",
                        "Cash buffer 60% is outside 0% to 50%"),
                of("delta outside (0,1)", WizardStep.SLEEVES, "gen.deltaMin", "30", "Gen-Acc minimum delta 30 is outside (0, 1)"),
                of("delta min above max", WizardStep.SLEEVES, "gen.deltaMin", "0.6", "Gen-Acc minimum delta 0.6 is above the maximum 0.50"),
                of("DTE min above max", WizardStep.SLEEVES, "rev.dteMin", "12", "Rev-Acc minimum days to expiry 12 is above the maximum 9"),
                of("empty symbols", WizardStep.SLEEVES, "com.symbols", "", "Com-Acc symbols needs at least one ticker"),
                of("malformed symbol", WizardStep.SLEEVES, "gen.symbols", "TSLA, 123", "'123' is not a ticker symbol"),
                of("unknown symbol", WizardStep.SLEEVES, "gen.symbols", "TSLA, ZZZZ", "'ZZZZ' is not a symbol the paper market knows"),
                of("empty entry days", WizardStep.SLEEVES, "rev.entryDays", "", "Rev-Acc entry days needs at least one trading day"),
                of("window outside trading hours", WizardStep.WINDOW, "window.start", "08:00", "Window start 08:00 is outside regular trading hours"),
                new InvalidInput("overlapping window", WizardStep.WINDOW, false, Map.of("window.start", "09:50", "window.end", "10:20"), "window",
                        "Window 09:50-10:20 overlaps account-1's window 09:45-10:15"));
    }

    /** The fields in a stable order, for typing. */
    List<Map.Entry<String, String>> typedInOrder() {
        return typed.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())).toList();
    }
}
