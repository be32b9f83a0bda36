package io.alluse.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LimitPricesTest {

    @Test
    void sellsJustBelowMidAndBuysJustAbove() {
        // bid 5.80 ask 6.00: spread 20c, concession max(1, 20/10) = 2c; mid 5.90 -> sell 5.88, buy 5.92
        assertThat(LimitPrices.concessionCents(580, 600)).isEqualTo(2);
        assertThat(LimitPrices.sellCents(580, 600)).isEqualTo(588);
        assertThat(LimitPrices.buyCents(580, 600)).isEqualTo(592);
        // bid 3.60 ask 3.75: spread 15c -> concession 2c (rounded up); mid 3.675 -> sell floor(3.655) = 3.65, buy ceil(3.695) = 3.70
        assertThat(LimitPrices.sellCents(360, 375)).isEqualTo(365);
        assertThat(LimitPrices.buyCents(360, 375)).isEqualTo(370);
        // bid 2.80 ask 2.90: concession 1c; buy ceil(2.85 + 0.01) = 2.86
        assertThat(LimitPrices.buyCents(280, 290)).isEqualTo(286);
    }

    @Test
    void aOneCentSpreadTradesAtTheQuote() {
        // bid 1.00 ask 1.01: mid 1.005 - 0.01 = 0.995, floored 0.99, below the bid: sell at the bid; buy at the ask
        assertThat(LimitPrices.sellCents(100, 101)).isEqualTo(100);
        assertThat(LimitPrices.buyCents(100, 101)).isEqualTo(101);
    }

    @Test
    void noBidGivesAZeroSellLimitThatTheStrategiesSkip() {
        assertThat(LimitPrices.sellCents(0, 1)).isZero();
        assertThat(LimitPrices.sellCents(0, 2)).isZero();
        // bid 0 ask 0.10: mid 0.05 - 0.01 = 0.04
        assertThat(LimitPrices.sellCents(0, 10)).isEqualTo(4);
    }

    @Test
    void stockBuysOneBasisPointAboveTheLastPrice() {
        // 230.00 -> 1 bp = 2.3c rounded up to 3c -> 230.03; 200.00 -> 2c; 5.00 -> at least 1c
        assertThat(LimitPrices.buyStockCents(230.00)).isEqualTo(23_003);
        assertThat(LimitPrices.buyStockCents(200.00)).isEqualTo(20_002);
        assertThat(LimitPrices.buyStockCents(420.00)).isEqualTo(42_005);
        assertThat(LimitPrices.buyStockCents(5.00)).isEqualTo(501);
        // a price with a fraction of a cent is rounded up first: 99.991 -> 99.99 + ... -> 100.00 + 1c
        assertThat(LimitPrices.buyStockCents(99.991)).isEqualTo(10_001);
        assertThatThrownBy(() -> LimitPrices.buyStockCents(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2000)
    void limitsStayInsideTheQuoteAndAreMarketableAgainstMidPlusMinusACent(
            @ForAll @LongRange(min = 0, max = 50_000) long bid, @ForAll @LongRange(min = 1, max = 2_000) long spread) {
        long ask = bid + spread;
        long sell = LimitPrices.sellCents(bid, ask);
        long buy = LimitPrices.buyCents(bid, ask);
        assertThat(sell).isBetween(bid, ask);
        assertThat(buy).isBetween(Math.max(1, bid), ask);
        // twice the limit against bid + ask: exact, with no half cents
        assertThat(2 * sell <= bid + ask - 2 || sell == bid).as("sell at or below mid - 1c, or at the bid").isTrue();
        assertThat(2 * buy >= bid + ask + 2 || buy == ask).as("buy at or above mid + 1c, or at the ask").isTrue();
    }
}
