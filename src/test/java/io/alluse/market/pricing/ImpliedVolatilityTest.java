package io.alluse.market.pricing;

import static io.alluse.domain.OptionRight.CALL;
import static io.alluse.domain.OptionRight.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.alluse.domain.OptionRight;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class ImpliedVolatilityTest {

    @Test
    void recoversHullsVolatilityFromHullsPrice() {
        // Hull's example: the call at 4.7594 on S=42, K=40, r=10%, T=0.5 implies 20%.
        double price = BlackScholes.price(CALL, 42, 40, 0.5, 0.20, 0.10, 0);
        assertThat(price).isCloseTo(4.7594, within(0.00005));
        assertThat(ImpliedVolatility.solve(CALL, price, 42, 40, 0.5, 0.10, 0)).isCloseTo(0.20, within(1e-12));
        assertThat(ImpliedVolatility.solve(PUT, 0.8086, 42, 40, 0.5, 0.10, 0)).isCloseTo(0.20, within(1e-4));
    }

    @Property(tries = 2000)
    void roundTripsThroughThePrice(@ForAll @Scale(6) @DoubleRange(min = 10, max = 1000) double spot,
                                   @ForAll @Scale(6) @DoubleRange(min = 0.7, max = 1.3) double moneyness,
                                   @ForAll @Scale(6) @DoubleRange(min = 0.003, max = 3) double years,
                                   @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 2.0) double vol,
                                   @ForAll @Scale(6) @DoubleRange(min = 0, max = 0.08) double rate,
                                   @ForAll @Scale(6) @DoubleRange(min = 0, max = 0.05) double yield,
                                   @ForAll boolean call) {
        OptionRight right = call ? CALL : PUT;
        double strike = spot * moneyness;
        Greeks g = BlackScholes.greeks(right, spot, strike, years, vol, rate, yield);
        double solved = ImpliedVolatility.solve(right, g.value(), spot, strike, years, rate, yield);
        // The solver matches the price to ~1e-13 of the bound; that pins the volatility to price error / vega.
        double priceTolerance = 2e-13 * Math.max(1.0, Math.max(spot, strike));
        double volTolerance = Math.max(1e-9, 10 * priceTolerance / Math.max(g.vega(), 1e-300));
        if (g.vega() > 1e-6 * spot) {
            assertThat(solved).isCloseTo(vol, within(volTolerance));
        }
        double repriced = BlackScholes.price(right, spot, strike, years, solved, rate, yield);
        assertThat(repriced).isCloseTo(g.value(), within(priceTolerance * 5));
    }

    @Test
    void farOutOfTheMoneyStillSolves() {
        double price = BlackScholes.price(PUT, 100, 75, 7.0 / 365, 0.45, 0.04, 0);
        assertThat(price).isLessThan(1e-3);
        assertThat(ImpliedVolatility.solve(PUT, price, 100, 75, 7.0 / 365, 0.04, 0)).isCloseTo(0.45, within(1e-8));
    }

    @Test
    void priceAtTheLowerBoundHasZeroVolatility() {
        double intrinsic = 100 * Math.exp(-0.01) - 90 * Math.exp(-0.05);
        assertThat(ImpliedVolatility.solve(CALL, intrinsic, 100, 90, 1, 0.05, 0.01)).isZero();
    }

    @Test
    void priceBelowIntrinsicValueIsRejectedWithTheBound() {
        assertThatThrownBy(() -> ImpliedVolatility.solve(CALL, 5.0, 110, 100, 0.25, 0.0, 0))
                .isInstanceOf(ImpliedVolatilityException.class)
                .hasMessageContaining("below the discounted intrinsic value 10.000000");
    }

    @Test
    void callPriceAtOrAboveTheSpotIsRejected() {
        assertThatThrownBy(() -> ImpliedVolatility.solve(CALL, 100.0, 100, 100, 0.25, 0.0, 0))
                .isInstanceOf(ImpliedVolatilityException.class)
                .hasMessageContaining("upper bound 100.000000 (the discounted spot)");
    }

    @Test
    void putPriceAboveTheDiscountedStrikeIsRejected() {
        assertThatThrownBy(() -> ImpliedVolatility.solve(PUT, 99.5, 100, 100, 1, 0.05, 0))
                .isInstanceOf(ImpliedVolatilityException.class)
                .hasMessageContaining("discounted strike");
    }

    @Test
    void timeValueAtExpiryIsRejected() {
        assertThatThrownBy(() -> ImpliedVolatility.solve(PUT, 1.0, 100, 100, 0, 0.05, 0))
                .isInstanceOf(ImpliedVolatilityException.class)
                .hasMessageContaining("no time is left");
    }

    @Test
    void negativePriceIsAnInputError() {
        assertThatThrownBy(() -> ImpliedVolatility.solve(PUT, -1.0, 100, 100, 1, 0.05, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option price");
    }
}
