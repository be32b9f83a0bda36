package io.alluse.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Symbol;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void formatsPricesAmountsStrikesPercentagesAndDeltas() {
        assertThat(Text.price(588)).isEqualTo("5.88");
        assertThat(Text.price(5)).isEqualTo("0.05");
        assertThat(Text.dollars(3_950_000)).isEqualTo("$39,500.00");
        assertThat(Text.dollars(-1_250)).isEqualTo("-$12.50");
        assertThat(Text.dollars(123_456_789_01L)).isEqualTo("$123,456,789.01");
        assertThat(Text.strike(39_500)).isEqualTo("395");
        assertThat(Text.strike(39_250)).isEqualTo("392.5");
        assertThat(Text.strike(1_725)).isEqualTo("17.25");
        assertThat(Text.strike(1_705)).isEqualTo("17.05");
        assertThat(Text.percent(150)).isEqualTo("1.5%");
        assertThat(Text.percent(148)).isEqualTo("1.48%");
        assertThat(Text.percent(100)).isEqualTo("1%");
        assertThat(Text.percent(5)).isEqualTo("0.05%");
        assertThat(Text.delta(0.4449)).isEqualTo("0.44");
        assertThat(Text.delta(-0.05)).isEqualTo("0.05");
        assertThat(Text.option(new OptionContract(new Symbol("TSLA"), LocalDate.of(2026, 11, 13), OptionRight.PUT, Money.ofCents(39_250))))
                .isEqualTo("TSLA 2026-11-13 392.5P");
    }

    @Property(tries = 500)
    void datesAgreeWithLocalDate(@ForAll @LongRange(min = -800_000, max = 3_000_000) long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        StringBuilder sb = new StringBuilder();
        Text.appendDate(sb, d);
        assertThat(sb.toString()).isEqualTo(d.toString());
    }

    @Property(tries = 500)
    void dollarsAgreeWithMoneyFormat(@ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long cents) {
        assertThat(Text.dollars(cents)).isEqualTo(Money.ofCents(cents).format());
    }
}
