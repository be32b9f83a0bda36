package io.alluse.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.ClientOrderId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CyclesTest {

    @Test
    void isoWeeksStartOnMondayAndWeekOneHoldsTheFirstThursday() {
        // 2026-01-01 is a Thursday, so 2025-12-29 (Monday) starts 2026-W01; 2026-11-09 is 45 weeks later
        assertThat(Cycles.week(LocalDate.of(2025, 12, 29))).isEqualTo("2026-W01");
        assertThat(Cycles.week(LocalDate.of(2026, 11, 9))).isEqualTo("2026-W46");
        assertThat(Cycles.week(LocalDate.of(2026, 11, 15))).isEqualTo("2026-W46");
        assertThat(Cycles.week(LocalDate.of(2026, 11, 16))).isEqualTo("2026-W47");
        // a year that starts on a Thursday has 53 weeks: 2027-01-01 (Friday) is still 2026-W53
        assertThat(Cycles.week(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
        assertThat(Cycles.week(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
    }

    @net.jqwik.api.Property(tries = 3000)
    void weeksAgreeWithJavaTimeIsoFields(@net.jqwik.api.ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 100_000) long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        int week = d.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        String expected = d.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W" + (week < 10 ? "0" : "") + week;
        assertThat(Cycles.week(d)).isEqualTo(expected);
    }

    @Test
    void legsAreLowerCaseWithDashes() {
        assertThat(Cycles.optionLeg(new Symbol("TSLA"), OptionRight.PUT)).isEqualTo("tsla-p");
        assertThat(Cycles.optionLeg(new Symbol("TSLA"), OptionRight.CALL)).isEqualTo("tsla-c");
        assertThat(Cycles.stockLeg(new Symbol("AAPL"))).isEqualTo("aapl-stk");
        assertThat(Cycles.optionLeg(new Symbol("BRK.B"), OptionRight.PUT)).isEqualTo("brk-b-p");
        OptionContract put = new OptionContract(new Symbol("TSLA"), LocalDate.of(2026, 11, 20), OptionRight.PUT, Money.ofDollars(395));
        assertThat(Cycles.profitTakeLeg(put)).isEqualTo("btc-tsla-p-39500");
    }

    @net.jqwik.api.Property(tries = 1000)
    void orderIdsAreExactlyThoseOfClientOrderIdOf(@net.jqwik.api.ForAll("accounts") String account,
                                                 @net.jqwik.api.ForAll SleeveKind sleeve,
                                                 @net.jqwik.api.ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 60_000) long epochDay,
                                                 @net.jqwik.api.ForAll("symbols") String ticker,
                                                 @net.jqwik.api.ForAll OptionRight right,
                                                 @net.jqwik.api.ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 9_999_999) long strikeCents) {
        AccountId id = new AccountId(account);
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        Symbol symbol = new Symbol(ticker);
        OptionContract contract = new OptionContract(symbol, day, right, Money.ofCents(strikeCents));
        for (String[] cycleAndLeg : new String[][] {
                {Cycles.week(day), Cycles.optionLeg(symbol, right)},
                {Cycles.week(day), Cycles.stockLeg(symbol)},
                {Cycles.day(day), Cycles.profitTakeLeg(contract)}}) {
            assertThat(Cycles.orderId(id, sleeve, cycleAndLeg[0], cycleAndLeg[1]))
                    .isEqualTo(ClientOrderId.of(id, sleeve, cycleAndLeg[0], cycleAndLeg[1]));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> accounts() {
        return net.jqwik.api.Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMinLength(1).ofMaxLength(23)
                .map(s -> "a" + s);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> symbols() {
        return net.jqwik.api.Arbitraries.oneOf(
                net.jqwik.api.Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(5),
                net.jqwik.api.Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(5).map(s -> s + ".B"));
    }

    @Test
    void theLongestIdsStillFitTheSixtyFourCharacterLimit() {
        AccountId longest = new AccountId("a".repeat(AccountId.MAX_LENGTH));
        OptionContract extreme = new OptionContract(new Symbol("BRK.B"), LocalDate.of(2026, 11, 20), OptionRight.CALL,
                Money.ofCents(99_999_999));
        ClientOrderId id = ClientOrderId.of(longest, SleeveKind.GEN, Cycles.day(LocalDate.of(2026, 11, 20)), Cycles.profitTakeLeg(extreme));
        assertThat(id.value()).hasSizeLessThanOrEqualTo(64).endsWith(".btc-brk-b-c-99999999");
    }
}
