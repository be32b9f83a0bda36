package io.alluse.market.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SpreadModelTest {

    private final SpreadModel model = SpreadModel.DEFAULT;

    @Test
    void atTheMoneyTenDollarOptionIsAboutSeventeenCentsWide() {
        // width = 0.02 + 0.015 * 10 = 0.17: bid 9.915 -> 9.91, ask 10.085 -> 10.09
        SpreadModel.Quote q = model.quote(10.0, 0.0);
        assertThat(q.bid()).isEqualTo(Money.ofCents(991));
        assertThat(q.ask()).isEqualTo(Money.ofCents(1009));
    }

    @Test
    void farFromTheMoneyIsWider() {
        SpreadModel.Quote near = model.quote(1.0, 0.5);
        SpreadModel.Quote far = model.quote(1.0, 3.0);
        assertThat(far.ask().minus(far.bid())).isGreaterThan(near.ask().minus(near.bid()));
    }

    @Test
    void aWorthlessOptionIsBidNothingAndOfferedAtAFewCents() {
        SpreadModel.Quote atTheMoney = model.quote(0.0001, 0);
        assertThat(atTheMoney.bid()).isEqualTo(Money.ZERO);
        assertThat(atTheMoney.ask()).isEqualTo(Money.ofCents(2));
        // Six standard deviations out: widened 3.5 times, 0.035 above the value, rounded up.
        SpreadModel.Quote far = model.quote(0.0001, 6);
        assertThat(far.bid()).isEqualTo(Money.ZERO);
        assertThat(far.ask()).isEqualTo(Money.ofCents(4));
    }

    @Property(tries = 2000)
    void bidAndAskBracketTheValueInWholeCents(@ForAll @DoubleRange(min = 0, max = 500) double value,
                                               @ForAll @DoubleRange(min = -8, max = 8) double z) {
        SpreadModel.Quote q = model.quote(value, z);
        assertThat(q.bid().isNegative()).isFalse();
        assertThat(q.ask()).isGreaterThan(q.bid());
        assertThat(q.bid().toDouble()).isLessThanOrEqualTo(value + 1e-9);
        assertThat(q.ask().toDouble()).isGreaterThanOrEqualTo(value - 1e-9);
    }
}
