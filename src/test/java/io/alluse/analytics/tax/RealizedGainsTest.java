package io.alluse.analytics.tax;

import static io.alluse.domain.SleeveKind.GEN;
import static io.alluse.domain.SleeveKind.REV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.alluse.analytics.tax.RealizedGain.How;
import io.alluse.analytics.tax.RealizedGain.Term;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Realized gains against a history worked out by hand (amounts in dollars; every figure below was
 * computed on paper from the IRS rules, not by the code):
 *
 * <pre>
 * 2024-03-04 sell 2 AAPL 150 puts for $500, commission $2          -> net premium 498
 * 2024-03-08 assigned: buy 200 AAPL at 150 = 30,000                 -> lot 1: 200 sh, basis 30,000 - 498 = 29,502
 * 2024-06-03 sell 50 AAPL at 160 = 8,000, commission $1             -> proceeds 7,999, basis 29,502 x 50/200 = 7,375.50
 *                                                                      gain 623.50 short-term (2024)
 * 2024-09-09 sell 1 AAPL 140 put for $250                           -> assigned 2024-09-13: lot 2: 100 sh, basis 14,000 - 250 = 13,750
 * 2024-12-02 sell 1 TSLA 200 put (exp 2025-01-03) for $300, comm $1 -> expires 2025-01-03: gain 299 short-term (2025, not 2024)
 * 2024-12-20 sell 1 MSFT 400 call for $100; 2025-01-06 buy back $40 -> gain 60 short-term (2025)
 * 2025-03-10 sell 100 AAPL at 170 = 17,000                          -> from lot 1 (150 left, basis 22,126.50): basis 14,751.00,
 *                                                                      held 2024-03-08 .. 2025-03-10, over a year: 2,249.00 long-term
 * 2025-04-01 sell 1 AAPL 165 call for $200; called away 2025-04-04  -> 100 sh for 16,500 + 200 = 16,700, FIFO:
 *                                                                      50 of lot 1: 8,350 - 7,375.50 = 974.50 long-term
 *                                                                      50 of lot 2: 8,350 - 6,875.00 = 1,475.00 short-term (held < 1 year)
 * 2025-05-01 sell 1 NVDA 120 call for $400, comm $1; 2025-05-15 buy back $150, comm $1
 *                                                                   -> 399 - 151 = 248 short-term
 * 2024 total: short 623.50.  2025 totals: short 299 + 60 + 1,475 + 248 = 2,082.00; long 2,249 + 974.50 = 3,223.50
 * </pre>
 */
class RealizedGainsTest {

    private static final AccountId ACCOUNT = new AccountId("account-1");
    private static final String AAPL_P150 = "AAPL  240308P00150000";
    private static final String AAPL_P140 = "AAPL  240913P00140000";
    private static final String TSLA_P200 = "TSLA  250103P00200000";
    private static final String MSFT_C400 = "MSFT  250117C00400000";
    private static final String AAPL_C165 = "AAPL  250404C00165000";
    private static final String NVDA_C120 = "NVDA  250530C00120000";

    private final List<LedgerEntry> entries = new ArrayList<>();

    private void e(String day, SleeveKind sleeve, EntryKind kind, String instrument, long quantity, String price, String amount, String ref) {
        entries.add(new LedgerEntry(entries.size() + 1, LocalDate.parse(day).atTime(14, 0).atZone(ZoneId.of("America/New_York")).toInstant(), sleeve,
                kind, instrument, quantity, Money.of(new BigDecimal(price)), Money.of(new BigDecimal(amount)), ref, ""));
    }

    private RealizedGains.Result handWorkedHistory() {
        e("2024-03-01", GEN, EntryKind.DEPOSIT, "", 0, "0", "100000", "d1");
        e("2024-03-04", GEN, EntryKind.SELL_TO_OPEN, AAPL_P150, -2, "2.50", "500", "f1");
        e("2024-03-04", GEN, EntryKind.COMMISSION, AAPL_P150, 0, "0", "-2", "f1");
        e("2024-03-08", GEN, EntryKind.ASSIGNMENT, "AAPL", 200, "150", "-30000", "a1");
        e("2024-06-03", GEN, EntryKind.SELL_STOCK, "AAPL", -50, "160", "8000", "f2");
        e("2024-06-03", GEN, EntryKind.COMMISSION, "AAPL", 0, "0", "-1", "f2");
        e("2024-09-09", GEN, EntryKind.SELL_TO_OPEN, AAPL_P140, -1, "2.50", "250", "f3");
        e("2024-09-13", GEN, EntryKind.ASSIGNMENT, "AAPL", 100, "140", "-14000", "a2");
        e("2024-12-02", REV, EntryKind.SELL_TO_OPEN, TSLA_P200, -1, "3.00", "300", "f4");
        e("2024-12-02", REV, EntryKind.COMMISSION, TSLA_P200, 0, "0", "-1", "f4");
        e("2024-12-20", REV, EntryKind.SELL_TO_OPEN, MSFT_C400, -1, "1.00", "100", "f5");
        e("2025-01-03", REV, EntryKind.EXPIRATION, TSLA_P200, 1, "0", "0", "x1");
        e("2025-01-06", REV, EntryKind.BUY_TO_CLOSE, MSFT_C400, 1, "0.40", "-40", "f6");
        e("2025-03-10", GEN, EntryKind.SELL_STOCK, "AAPL", -100, "170", "17000", "f7");
        e("2025-04-01", GEN, EntryKind.SELL_TO_OPEN, AAPL_C165, -1, "2.00", "200", "f8");
        e("2025-04-04", GEN, EntryKind.CALLED_AWAY, "AAPL", -100, "165", "16500", "a3");
        e("2025-05-01", REV, EntryKind.SELL_TO_OPEN, NVDA_C120, -1, "4.00", "400", "f9");
        e("2025-05-01", REV, EntryKind.COMMISSION, NVDA_C120, 0, "0", "-1", "f9");
        e("2025-05-15", REV, EntryKind.BUY_TO_CLOSE, NVDA_C120, 1, "1.50", "-150", "f10");
        e("2025-05-15", REV, EntryKind.COMMISSION, NVDA_C120, 0, "0", "-1", "f10");
        return RealizedGains.of(ACCOUNT, entries);
    }

    private static Money usd(String dollars) {
        return Money.of(new BigDecimal(dollars));
    }

    private static Money total(List<RealizedGain> lines, Term term) {
        return lines.stream().filter(g -> g.term() == term).map(RealizedGain::gain).reduce(Money.ZERO, Money::plus);
    }

    @Test
    void theYearOfTheSaleHoldsOnlyThatSaleAndThePutPremiumLowersTheBasis() {
        List<RealizedGain> y2024 = handWorkedHistory().inYear(2024);
        assertThat(y2024).extracting(RealizedGain::description, RealizedGain::opened, RealizedGain::proceeds, RealizedGain::costBasis, RealizedGain::term)
                .containsExactly(tuple("50 AAPL", LocalDate.parse("2024-03-08"), usd("7999"), usd("7375.50"), Term.SHORT));
        assertThat(total(y2024, Term.SHORT)).isEqualTo(usd("623.50"));
        assertThat(total(y2024, Term.LONG)).isEqualTo(Money.ZERO);
    }

    @Test
    void theNextYearSplitsTheCalledAwaySharesOverTwoLotsAndTwoTerms() {
        RealizedGains.Result result = handWorkedHistory();
        assertThat(result.warnings()).isEmpty();
        List<RealizedGain> y2025 = result.inYear(2025);
        assertThat(y2025).extracting(RealizedGain::instrument, RealizedGain::closed, RealizedGain::gain, RealizedGain::term, RealizedGain::how)
                .containsExactly(
                        tuple(TSLA_P200, LocalDate.parse("2025-01-03"), usd("299"), Term.SHORT, How.EXPIRED),
                        tuple(MSFT_C400, LocalDate.parse("2025-01-06"), usd("60"), Term.SHORT, How.BOUGHT_TO_CLOSE),
                        tuple("AAPL", LocalDate.parse("2025-03-10"), usd("2249.00"), Term.LONG, How.SOLD),
                        tuple("AAPL", LocalDate.parse("2025-04-04"), usd("974.50"), Term.LONG, How.CALLED_AWAY),
                        tuple("AAPL", LocalDate.parse("2025-04-04"), usd("1475.00"), Term.SHORT, How.CALLED_AWAY),
                        tuple(NVDA_C120, LocalDate.parse("2025-05-15"), usd("248"), Term.SHORT, How.BOUGHT_TO_CLOSE));
        assertThat(y2025.get(3).proceeds()).isEqualTo(usd("8350"));
        assertThat(y2025.get(3).costBasis()).isEqualTo(usd("7375.50"));
        assertThat(y2025.get(4).opened()).isEqualTo(LocalDate.parse("2024-09-13"));
        assertThat(y2025.get(0).description()).isEqualTo("short 1 TSLA 2025-01-03 200.00 P");
        assertThat(total(y2025, Term.SHORT)).isEqualTo(usd("2082.00"));
        assertThat(total(y2025, Term.LONG)).isEqualTo(usd("3223.50"));
        assertThat(result.inYear(2023)).isEmpty();
    }

    @Test
    void heldExactlyOneYearIsStillShortTerm() {
        assertThat(RealizedGains.longTerm(LocalDate.parse("2024-03-08"), LocalDate.parse("2025-03-08"))).isEqualTo(Term.SHORT);
        assertThat(RealizedGains.longTerm(LocalDate.parse("2024-03-08"), LocalDate.parse("2025-03-09"))).isEqualTo(Term.LONG);
        // bought on a leap day: the anniversary is 28 February
        assertThat(RealizedGains.longTerm(LocalDate.parse("2024-02-29"), LocalDate.parse("2025-03-01"))).isEqualTo(Term.LONG);
    }

    @Test
    void aLongOptionThatExpiresIsALossOfItsCostAndSellingWhatWasNeverBoughtIsFlagged() {
        e("2025-02-03", GEN, EntryKind.BUY_TO_OPEN, "SPY   250221P00500000", 3, "1.10", "-330", "b1");
        e("2025-02-21", GEN, EntryKind.EXPIRATION, "SPY   250221P00500000", -3, "0", "0", "x9");
        e("2025-02-24", GEN, EntryKind.SELL_STOCK, "XYZ", -10, "5", "50", "s9");
        RealizedGains.Result result = RealizedGains.of(ACCOUNT, entries);
        assertThat(result.gains()).extracting(RealizedGain::gain, RealizedGain::how)
                .containsExactly(tuple(usd("-330"), How.EXPIRED), tuple(usd("50"), How.UNMATCHED));
        assertThat(result.warnings()).singleElement().asString().contains("XYZ").contains("10 more sold");
    }

    @Test
    void partsOfALotAlwaysAddUpToTheLotToTheCent() {
        // 3 sales of 1 share from a 3-share lot costing $10.00: 3.33 + 3.33 + 3.34
        e("2025-01-02", GEN, EntryKind.BUY_STOCK, "KO", 3, "3.33", "-10", "b1");
        for (int i = 0; i < 3; i++) {
            e("2025-01-0" + (3 + i), GEN, EntryKind.SELL_STOCK, "KO", -1, "4", "4", "s" + i);
        }
        List<RealizedGain> lines = RealizedGains.of(ACCOUNT, entries).gains();
        assertThat(lines).extracting(RealizedGain::costBasis).containsExactly(usd("3.33"), usd("3.33"), usd("3.34"));
    }
}
