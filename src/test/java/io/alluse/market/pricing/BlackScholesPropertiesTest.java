package io.alluse.market.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alluse.domain.OptionRight;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Model-free checks: put-call parity, and every greek against a central finite difference of
 * the value (a third check besides the textbooks and Strata).
 */
class BlackScholesPropertiesTest {

    record Inputs(double spot, double strike, double years, double vol, double rate, double yield) {
    }

    @Provide
    Arbitrary<Inputs> inputs() {
        Arbitrary<Double> spot = Arbitraries.doubles().between(5, 1500).ofScale(6);
        Arbitrary<Double> moneyness = Arbitraries.doubles().between(0.6, 1.5).ofScale(6);
        Arbitrary<Double> years = Arbitraries.doubles().between(0.005, 3).ofScale(6);
        Arbitrary<Double> vol = Arbitraries.doubles().between(0.05, 1.2).ofScale(6);
        Arbitrary<Double> rate = Arbitraries.doubles().between(0, 0.08).ofScale(6);
        Arbitrary<Double> yield = Arbitraries.doubles().between(0, 0.05).ofScale(6);
        return Combinators.combine(spot, moneyness, years, vol, rate, yield)
                .as((s, m, t, v, r, q) -> new Inputs(s, s * m, t, v, r, q));
    }

    @Property(tries = 2000)
    void putCallParity(@ForAll("inputs") Inputs in) {
        double call = BlackScholes.price(OptionRight.CALL, in.spot(), in.strike(), in.years(), in.vol(), in.rate(), in.yield());
        double put = BlackScholes.price(OptionRight.PUT, in.spot(), in.strike(), in.years(), in.vol(), in.rate(), in.yield());
        double forwardValue = in.spot() * Math.exp(-in.yield() * in.years()) - in.strike() * Math.exp(-in.rate() * in.years());
        assertThat(call - put).isCloseTo(forwardValue, within(1e-10 * in.spot()));
    }

    @Property(tries = 500)
    void greeksAreTheDerivativesOfTheValue(@ForAll("inputs") Inputs in, @ForAll boolean call) {
        OptionRight right = call ? OptionRight.CALL : OptionRight.PUT;
        Greeks g = BlackScholes.greeks(right, in.spot(), in.strike(), in.years(), in.vol(), in.rate(), in.yield());
        // Steps well inside the distribution's width keep the truncation error below 1e-4 relative;
        // the value itself is good to a few ulps of the spot, which bounds the roundoff of gamma.
        double stdDev = in.vol() * Math.sqrt(in.years());
        double hs = in.spot() * Math.min(1e-4, 0.01 * stdDev);
        double up = value(right, in.spot() + hs, in.strike(), in.years(), in.vol(), in.rate(), in.yield());
        double mid = value(right, in.spot(), in.strike(), in.years(), in.vol(), in.rate(), in.yield());
        double down = value(right, in.spot() - hs, in.strike(), in.years(), in.vol(), in.rate(), in.yield());
        double scale = in.spot();
        // the central difference's own truncation error, estimated from steps h and 2h (Richardson):
        // deep out of the money, delta curves fast enough that a fixed relative bound is not enough
        double up2 = value(right, in.spot() + 2 * hs, in.strike(), in.years(), in.vol(), in.rate(), in.yield());
        double down2 = value(right, in.spot() - 2 * hs, in.strike(), in.years(), in.vol(), in.rate(), in.yield());
        double fd = (up - down) / (2 * hs);
        double truncation = Math.abs(fd - (up2 - down2) / (4 * hs)) / 3;
        assertThat(g.delta()).as("delta").isCloseTo(fd, within(1e-4 * Math.abs(g.delta()) + 1e-7 + 2 * truncation));
        // gamma's second difference has its own truncation error, estimated the same way (seen at 1.1e-4 relative in CI)
        double gammaFd = (up - 2 * mid + down) / (hs * hs);
        double gammaTruncation = Math.abs(gammaFd - (up2 - 2 * mid + down2) / (4 * hs * hs)) / 3;
        assertThat(g.gamma()).as("gamma").isCloseTo(gammaFd,
                within(1e-4 * g.gamma() + 1e-7 / in.spot() + 8 * Math.ulp(in.spot()) / (hs * hs) + 2 * gammaTruncation));

        double hv = 1e-5;
        double vega = (value(right, in.spot(), in.strike(), in.years(), in.vol() + hv, in.rate(), in.yield())
                - value(right, in.spot(), in.strike(), in.years(), in.vol() - hv, in.rate(), in.yield())) / (2 * hv);
        assertThat(g.vega()).as("vega").isCloseTo(vega, within(1e-4 * Math.abs(g.vega()) + 1e-7 * scale));

        double ht = Math.min(1e-5, in.years() / 10);
        double theta = -(value(right, in.spot(), in.strike(), in.years() + ht, in.vol(), in.rate(), in.yield())
                - value(right, in.spot(), in.strike(), in.years() - ht, in.vol(), in.rate(), in.yield())) / (2 * ht);
        assertThat(g.theta()).as("theta").isCloseTo(theta, within(1e-4 * Math.abs(g.theta()) + 1e-6 * scale));

        double hr = 1e-6;
        double rho = (value(right, in.spot(), in.strike(), in.years(), in.vol(), in.rate() + hr, in.yield())
                - value(right, in.spot(), in.strike(), in.years(), in.vol(), in.rate() - hr, in.yield())) / (2 * hr);
        assertThat(g.rho()).as("rho").isCloseTo(rho, within(1e-4 * Math.abs(g.rho()) + 1e-7 * scale));
    }

    @Property(tries = 1000)
    void fastPathEqualsTheFullCalculation(@ForAll("inputs") Inputs in, @ForAll boolean call) {
        OptionRight right = call ? OptionRight.CALL : OptionRight.PUT;
        Greeks g = BlackScholes.greeks(right, in.spot(), in.strike(), in.years(), in.vol(), in.rate(), in.yield());
        double[] out = new double[2];
        BlackScholes.priceAndDelta(call, in.spot(), in.strike(), in.years(), in.vol(), in.rate(), in.yield(), out);
        assertThat(out[BlackScholes.PRICE]).isCloseTo(g.value(), within(1e-12 * in.spot()));
        assertThat(out[BlackScholes.DELTA]).isCloseTo(g.delta(), within(1e-13));
    }

    private static double value(OptionRight right, double s, double k, double t, double v, double r, double q) {
        return BlackScholes.price(right, s, k, t, v, r, q);
    }
}
