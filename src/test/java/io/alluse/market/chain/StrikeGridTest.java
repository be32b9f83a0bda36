package io.alluse.market.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrikeGridTest {

    @Test
    void spacingWidensWithTheStrike() {
        assertThat(StrikeGrid.between(22, 27)).extracting(Money::toPlainString).containsExactly(
                "22.00", "22.50", "23.00", "23.50", "24.00", "24.50", "25.00", "26.00", "27.00");
        assertThat(StrikeGrid.between(197.5, 206)).extracting(Money::toPlainString).containsExactly(
                "198.00", "199.00", "200.00", "202.50", "205.00");
        assertThat(StrikeGrid.between(495, 512)).extracting(Money::toPlainString).containsExactly(
                "495.00", "497.50", "500.00", "505.00", "510.00");
    }

    @Test
    void everyStrikeBetweenTheBoundsIsListedAndNothingElse() {
        List<Money> strikes = StrikeGrid.between(3, 900);
        assertThat(strikes).allMatch(StrikeGrid::isListed);
        assertThat(strikes.getFirst()).isEqualTo(Money.ofCents(300));
        assertThat(strikes.getLast()).isEqualTo(Money.ofDollars(900));
        assertThat(StrikeGrid.isListed(Money.ofCents(23_750))).isTrue();
        assertThat(StrikeGrid.isListed(Money.ofCents(50_250))).isFalse();
        assertThat(StrikeGrid.isListed(Money.ofCents(2_550))).isFalse();
    }

    @Test
    void lowBoundNeverGoesBelowFiftyCents() {
        assertThat(StrikeGrid.between(0.01, 1.2)).extracting(Money::toPlainString).containsExactly("0.50", "1.00");
    }

    @net.jqwik.api.Property(tries = 300)
    void centsBetweenListsTheSameStrikesAsBetween(@net.jqwik.api.ForAll @net.jqwik.api.constraints.DoubleRange(min = 0.01, max = 3000) double low,
                                                  @net.jqwik.api.ForAll @net.jqwik.api.constraints.DoubleRange(min = 0, max = 2) double widthOfLow) {
        double high = low * (1 + widthOfLow);
        assertThat(StrikeGrid.centsBetween(low, high)).containsExactly(StrikeGrid.between(low, high).stream().mapToLong(Money::cents).toArray());
    }
}
