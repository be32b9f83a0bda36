package io.alluse.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountValidatorTest {

    private static final SymbolCatalog PAPER = SymbolCatalog.of("paper market",
            Set.of("TSLA", "NVDA", "AAPL", "AMZN", "MSFT", "SPY").stream().map(Symbol::new).collect(java.util.stream.Collectors.toSet()));
    private final AccountValidator validator = new AccountValidator(PAPER);
    private static final AccountDraft DEFAULTS = AccountDraft.defaults("account-2", "Account-2", ExecutionWindow.of("10:15", "10:45"));

    private Validated<NewAccount> validate(AccountDraft draft) {
        Existing existing = new Existing();
        return validator.validateNew(draft, new AccountValidator.Existing(existing.ids, existing.windows));
    }

    private static final class Existing {
        final Set<AccountId> ids = Set.of(new AccountId("account-1"));
        final Map<AccountId, ExecutionWindow> windows = Map.of(new AccountId("account-1"), ExecutionWindow.of("09:45", "10:15"));
    }

    @Test
    void defaultsAreValidAndMatchTheSpec() {
        NewAccount account = validate(DEFAULTS).orThrow();
        assertThat(account.initialCapital()).isEqualTo(Money.ofDollars(500_000));
        AccountConfig c = account.config();
        assertThat(c.cashBuffer()).isEqualTo(Percent.of(5));
        SleeveConfig gen = c.sleeve(SleeveKind.GEN);
        assertThat(gen.target()).isEqualTo(Percent.of(40));
        assertThat(gen.parameters().symbols()).extracting(Symbol::value).containsExactly("TSLA", "NVDA");
        assertThat(gen.parameters().delta()).isEqualTo(new DeltaRange(0.40, 0.50));
        assertThat(gen.parameters().dte()).isEqualTo(new DteRange(0, 7));
        assertThat(gen.parameters().entryDays()).containsExactly(DayOfWeek.THURSDAY);
        assertThat(gen.parameters().premiumFloor()).isEqualTo(Percent.ofBasisPoints(150));
        SleeveConfig rev = c.sleeve(SleeveKind.REV);
        assertThat(rev.target()).isEqualTo(Percent.of(30));
        assertThat(rev.parameters().symbols()).extracting(Symbol::value).containsExactly("AAPL", "AMZN", "MSFT");
        assertThat(rev.parameters().delta()).isEqualTo(new DeltaRange(0.30, 0.40));
        assertThat(rev.parameters().dte()).isEqualTo(new DteRange(5, 9));
        assertThat(rev.parameters().entryDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY);
        assertThat(rev.parameters().premiumFloor()).isEqualTo(Percent.of(1));
        SleeveConfig com = c.sleeve(SleeveKind.COM);
        assertThat(com.target()).isEqualTo(Percent.of(30));
        assertThat(com.parameters().delta()).isEqualTo(new DeltaRange(0.20, 0.30));
        assertThat(com.parameters().dte()).isEqualTo(new DteRange(30, 45));
        assertThat(com.parameters().entryDays()).containsExactly(DayOfWeek.MONDAY);
    }

    @Test
    void draftOfAConfigReadsBackToTheSameConfig() {
        AccountConfig config = Defaults.config(ExecutionWindow.of("11:00", "11:30"));
        AccountConfig back = validator.validateConfig(ConfigDraft.of(config), Map.of()).orThrow();
        assertThat(back).isEqualTo(config);
    }

    @ParameterizedTest(name = "capital ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0           | must be more than $0",
            "-5000       | must be more than $0",
            "abc         | is not a number",
            "12,34x      | is not a number",
            "''          | is required",
            "5000000000  | check for extra zeros",
            "100.005     | fractions of a cent"})
    void badCapitalIsNamedWithTheFix(String capital, String expected) {
        assertSingleError(DEFAULTS.withCapital(capital), "capital", expected);
    }

    @ParameterizedTest
    @CsvSource({"500000, 50000000", "'$500,000.00', 50000000", "500k, 50000000", "1.5m, 150000000", "750000.25, 75000025"})
    void capitalIsReadAsAPersonTypesIt(String capital, long cents) {
        assertThat(validate(DEFAULTS.withCapital(capital)).orThrow().initialCapital().cents()).isEqualTo(cents);
    }

    @Test
    void allocationsNotSummingToHundredAreRefused() {
        AccountDraft draft = withSleeve(DEFAULTS, SleeveKind.COM, s -> s.withTarget("25"));
        assertSingleError(draft, "allocation", "add up to 95%");
    }

    @Test
    void negativeAllocationIsRefused() {
        AccountDraft draft = withSleeve(withSleeve(DEFAULTS, SleeveKind.GEN, s -> s.withTarget("-10")), SleeveKind.COM, s -> s.withTarget("80"));
        assertSingleError(draft, "gen.target", "must not be negative");
    }

    @Test
    void customAllocationIsHeldExactlyInBasisPoints() {
        AccountDraft draft = withSleeve(withSleeve(DEFAULTS, SleeveKind.GEN, s -> s.withTarget("33.34")), SleeveKind.REV, s -> s.withTarget("33.33"));
        draft = withSleeve(draft, SleeveKind.COM, s -> s.withTarget("33.33"));
        assertThat(validate(draft).orThrow().config().target(SleeveKind.GEN).basisPoints()).isEqualTo(3334);
    }

    @ParameterizedTest
    @CsvSource({"-1, must not be negative", "51, outside 0% to 50%", "x, is not a number"})
    void cashBufferOutsideZeroToFiftyIsRefused(String buffer, String expected) {
        assertSingleError(DEFAULTS.withConfig(DEFAULTS.config().withCashBuffer(buffer)), "cashBuffer", expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 0.5, gen.deltaMin, outside (0, 1)", "0.4, 1, gen.deltaMax, outside (0, 1)",
            "40, 50, gen.deltaMin, not 30", "0.6, 0.5, gen.deltaMin, is above the maximum", "x, 0.5, gen.deltaMin, is not a number"})
    void deltaOutsideZeroOneOrMinAboveMaxIsRefused(String min, String max, String field, String expected) {
        AccountDraft draft = withSleeve(DEFAULTS, SleeveKind.GEN, s -> s.withDelta(min, max));
        Validated<NewAccount> result = validate(draft);
        assertThat(result.errors()).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message()).contains(expected).contains("Gen-Acc");
        });
    }

    @Test
    void dteMinAboveMaxIsRefused() {
        assertSingleError(withSleeve(DEFAULTS, SleeveKind.REV, s -> s.withDte("10", "5")), "rev.dteMin", "above the maximum");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                | needs at least one ticker",
            "AAPL, TSL@        | 'TSL@' is not a ticker symbol",
            "AAPL, TOOLONGX    | 'TOOLONGX' is not a ticker symbol",
            "AAPL, ZZZZ        | 'ZZZZ' is not a symbol the paper market knows",
            "AAPL aapl         | AAPL is listed twice"})
    void emptyMalformedUnknownOrRepeatedSymbolsAreRefused(String symbols, String expected) {
        assertSingleError(withSleeve(DEFAULTS, SleeveKind.COM, s -> s.withSymbols(symbols)), "com.symbols", expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'' | needs at least one trading day", "Sat | closed on weekends", "Mon-Sun | closed on weekends",
            "Funday | not a day of the week", "Wed-Mon | runs backwards"})
    void emptyOrBadEntryDaysAreRefused(String days, String expected) {
        assertSingleError(withSleeve(DEFAULTS, SleeveKind.GEN, s -> s.withEntryDays(days)), "gen.entryDays", expected);
    }

    @Test
    void entryDaysAreReadAsAPersonTypesThem() {
        AccountDraft draft = withSleeve(DEFAULTS, SleeveKind.REV, s -> s.withEntryDays("mon-wed, Fri"));
        assertThat(validate(draft).orThrow().config().sleeve(SleeveKind.REV).parameters().entryDays())
                .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
    }

    @ParameterizedTest
    @CsvSource({"09:00, 09:40, window.start, outside regular trading hours", "15:45, 16:30, window.end, outside regular trading hours",
            "10:30, 10:00, window.end, at least 5 minutes after", "25:00, 10:00, window.start, is not a time"})
    void windowOutsideRegularHoursIsRefused(String start, String end, String field, String expected) {
        assertSingleError(DEFAULTS.withConfig(DEFAULTS.config().withWindow(start, end)), field, expected);
    }

    @Test
    void overlappingWindowIsRefusedUnlessAllowed() {
        AccountDraft overlapping = DEFAULTS.withConfig(DEFAULTS.config().withWindow("10:00", "10:30"));
        assertSingleError(overlapping, "window", "overlaps account-1's window 09:45-10:15");
        assertThat(validate(overlapping.withConfig(overlapping.config().withAllowOverlap(true))).isValid()).isTrue();
    }

    @Test
    void duplicateIdIsRefusedWithAFreeSuggestion() {
        assertSingleError(DEFAULTS.withId("account-1"), "id", "already used by another account: choose another, e.g. account-2");
    }

    @ParameterizedTest
    @CsvSource({"Account 2, not allowed", "ACCOUNT-2, not allowed", "-a, not allowed", "'', is required"})
    void malformedIdIsRefused(String id, String expected) {
        assertSingleError(DEFAULTS.withId(id), "id", expected);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        AccountDraft bad = DEFAULTS.withCapital("0").withId("").withConfig(DEFAULTS.config().withCashBuffer("70"));
        assertThat(validate(bad).errors()).extracting(FieldError::field).containsExactlyInAnyOrder("id", "capital", "cashBuffer");
    }

    private void assertSingleError(AccountDraft draft, String field, String expected) {
        Validated<NewAccount> result = validate(draft);
        assertThat(result.isValid()).as("expected %s to be refused", draft).isFalse();
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().getFirst().field()).isEqualTo(field);
        assertThat(result.errors().getFirst().message()).contains(expected);
    }

    private static AccountDraft withSleeve(AccountDraft draft, SleeveKind kind, UnaryOperator<SleeveDraft> change) {
        return draft.withConfig(draft.config().withSleeve(kind, change.apply(draft.config().sleeve(kind))));
    }
}
