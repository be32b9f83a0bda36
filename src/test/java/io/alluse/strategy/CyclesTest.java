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

    @Test
    void legsAreLowerCaseWithDashes() {
        assertThat(Cycles.optionLeg(new Symbol("TSLA"), OptionRight.PUT)).isEqualTo("tsla-p");
        assertThat(Cycles.optionLeg(new Symbol("TSLA"), OptionRight.CALL)).isEqualTo("tsla-c");
        assertThat(Cycles.stockLeg(new Symbol("AAPL"))).isEqualTo("aapl-stk");
        assertThat(Cycles.optionLeg(new Symbol("BRK.B"), OptionRight.PUT)).isEqualTo("brk-b-p");
        OptionContract put = new OptionContract(new Symbol("TSLA"), LocalDate.of(2026, 11, 20), OptionRight.PUT, Money.ofDollars(395));
        assertThat(Cycles.profitTakeLeg(put)).isEqualTo("btc-tsla-p-39500");
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
