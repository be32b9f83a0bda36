package io.alluse.market.pricing;

import static io.alluse.domain.OptionRight.CALL;
import static io.alluse.domain.OptionRight.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Published worked examples. Hull, "Options, Futures, and Other Derivatives": the BSM example
 * (S=42, K=40, r=10%, sigma=20%, T=0.5) and the greeks example (S=49, K=50, r=5%, sigma=20%,
 * 20 weeks). Haug, "The Complete Guide to Option Pricing Formulas" (2nd ed.), chapter 1: the
 * generalized BSM examples with a dividend yield (cost of carry b = r - q) and its greeks.
 * The books print four decimals (Hull two or three), so that is the tolerance.
 */
class BlackScholesTextbookTest {

    @Test
    void hullCallAndPut() {
        assertThat(BlackScholes.price(CALL, 42, 40, 0.5, 0.20, 0.10, 0)).isCloseTo(4.76, within(0.005));
        assertThat(BlackScholes.price(PUT, 42, 40, 0.5, 0.20, 0.10, 0)).isCloseTo(0.81, within(0.005));
    }

    @Test
    void hullGreeksOfACall() {
        Greeks g = BlackScholes.greeks(CALL, 49, 50, 20.0 / 52, 0.20, 0.05, 0);
        assertThat(g.value()).isCloseTo(2.40, within(0.005));
        assertThat(g.delta()).isCloseTo(0.522, within(0.0005));
        assertThat(g.gamma()).isCloseTo(0.066, within(0.0005));
        assertThat(g.theta()).isCloseTo(-4.31, within(0.005));
        assertThat(g.thetaPerDay()).isCloseTo(-0.0118, within(0.00005));
        assertThat(g.vega()).isCloseTo(12.1, within(0.05));
        assertThat(g.vegaPerVolPoint()).isCloseTo(0.121, within(0.0005));
        assertThat(g.rho()).isCloseTo(8.91, within(0.005));
    }

    @Test
    void haugBlackScholesCall() {
        assertThat(BlackScholes.price(CALL, 60, 65, 0.25, 0.30, 0.08, 0)).isCloseTo(2.1334, within(0.00005));
    }

    @Test
    void haugMertonPutWithDividendYield() {
        // S=100, X=95, T=0.5, r=10%, q=5%, sigma=20%
        assertThat(BlackScholes.price(PUT, 100, 95, 0.5, 0.20, 0.10, 0.05)).isCloseTo(2.4648, within(0.00005));
    }

    @Test
    void haugDeltaOfAFuturesOption() {
        // Futures option: b = 0, i.e. dividend yield equal to the rate. F=105, X=100, T=0.5, r=10%, sigma=36%
        assertThat(BlackScholes.greeks(CALL, 105, 100, 0.5, 0.36, 0.10, 0.10).delta()).isCloseTo(0.5946, within(0.00005));
        assertThat(BlackScholes.greeks(PUT, 105, 100, 0.5, 0.36, 0.10, 0.10).delta()).isCloseTo(-0.3566, within(0.00005));
    }

    @Test
    void haugGamma() {
        // S=55, X=60, T=0.75, r=b=10%, sigma=30%: the same for call and put
        assertThat(BlackScholes.greeks(CALL, 55, 60, 0.75, 0.30, 0.10, 0).gamma()).isCloseTo(0.0278, within(0.00005));
        assertThat(BlackScholes.greeks(PUT, 55, 60, 0.75, 0.30, 0.10, 0).gamma()).isCloseTo(0.0278, within(0.00005));
    }

    @Test
    void haugThetaOfAnIndexPut() {
        // S=430, X=405, T=0.0833, r=7%, q=5% (b=2%), sigma=20%
        Greeks g = BlackScholes.greeks(PUT, 430, 405, 0.0833, 0.20, 0.07, 0.05);
        assertThat(g.theta()).isCloseTo(-31.1924, within(0.00005));
        assertThat(g.thetaPerDay()).isCloseTo(-0.0855, within(0.00005));
    }

    @Test
    void haugRhoOfACall() {
        // S=72, X=75, T=1, r=b=9%, sigma=19%
        assertThat(BlackScholes.greeks(CALL, 72, 75, 1, 0.19, 0.09, 0).rho()).isCloseTo(38.7325, within(0.00005));
    }

    @Test
    void atExpiryTheValueIsIntrinsic() {
        Greeks call = BlackScholes.greeks(CALL, 105, 100, 0, 0.3, 0.05, 0.01);
        assertThat(call.value()).isEqualTo(5.0);
        assertThat(call.delta()).isEqualTo(1.0);
        assertThat(call.gamma()).isZero();
        assertThat(call.vega()).isZero();
        Greeks put = BlackScholes.greeks(PUT, 105, 100, 0, 0.3, 0.05, 0.01);
        assertThat(put.value()).isZero();
        assertThat(put.delta()).isZero();
        assertThat(BlackScholes.greeks(PUT, 100, 100, 0, 0.3, 0.05, 0).delta()).isEqualTo(-0.5);
    }

    @Test
    void zeroVolatilityIsTheDiscountedForwardPayoff() {
        double value = BlackScholes.price(PUT, 90, 100, 1, 0, 0.05, 0.02);
        assertThat(value).isCloseTo(100 * Math.exp(-0.05) - 90 * Math.exp(-0.02), within(1e-12));
    }

    @Test
    void invalidInputsAreNamed() {
        assertThatThrownBy(() -> BlackScholes.price(CALL, -1, 100, 1, 0.2, 0.05, 0)).hasMessageContaining("spot");
        assertThatThrownBy(() -> BlackScholes.price(CALL, 100, 0, 1, 0.2, 0.05, 0)).hasMessageContaining("strike");
        assertThatThrownBy(() -> BlackScholes.price(CALL, 100, 100, -1, 0.2, 0.05, 0)).hasMessageContaining("time to expiry");
        assertThatThrownBy(() -> BlackScholes.greeks(CALL, 100, 100, 1, Double.NaN, 0.05, 0)).hasMessageContaining("volatility");
        assertThatThrownBy(() -> BlackScholes.greeks(CALL, 100, 100, 1, 0.2, Double.NaN, 0)).hasMessageContaining("rate");
    }
}
