package io.alluse.market.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.opengamma.strata.math.impl.statistics.distribution.NormalDistribution;
import com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository;
import io.alluse.domain.OptionRight;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Compares every output with OpenGamma Strata's BlackScholesFormulaRepository, an independent
 * implementation, over a seeded random sample of realistic and stressed inputs. Strata takes the
 * cost of carry b = r - q; its theta is -dV/dT per year and its rho is dV/dr with q fixed, the
 * same conventions as ours. Agreement is 1e-8 relative; Strata itself rounds normal
 * probabilities below 1e-13 to zero, so an absolute floor far below a cent (1e-10 of the spot)
 * applies to values that small.
 */
class BlackScholesAgainstStrataTest {

    private static final int SAMPLES = 20_000;
    private static final double RELATIVE = 1e-8;

    record Case(boolean call, double spot, double strike, double years, double vol, double rate, double yield) {
        double carry() {
            return rate - yield;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s S=%.4f K=%.4f T=%.6f vol=%.4f r=%.4f q=%.4f",
                    call ? "call" : "put", spot, strike, years, vol, rate, yield);
        }
    }

    static List<Case> sample() {
        SplittableRandom random = new SplittableRandom(20_251_124L);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            double spot = Math.exp(random.nextDouble(Math.log(2), Math.log(2_000)));
            double strike = spot * Math.exp(random.nextDouble(-0.7, 0.7));
            double years = random.nextInt(10) == 0
                    ? random.nextDouble(1.0 / (365 * 24), 3.0 / 365)
                    : random.nextDouble(1.0 / 365, 3.0);
            double vol = random.nextDouble(0.03, 1.6);
            double rate = random.nextDouble(-0.01, 0.10);
            double yield = random.nextInt(3) == 0 ? 0.0 : random.nextDouble(0.0, 0.07);
            cases.add(new Case(random.nextBoolean(), spot, strike, years, vol, rate, yield));
        }
        return cases;
    }

    @Test
    void valueAndGreeksAgreeWithStrata() {
        List<String> failures = new ArrayList<>();
        for (Case c : sample()) {
            OptionRight right = c.call() ? OptionRight.CALL : OptionRight.PUT;
            Greeks ours = BlackScholes.greeks(right, c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.yield());
            double floor = 1e-10 * c.spot();
            check(failures, c, "value", ours.value(), BlackScholesFormulaRepository.price(
                    c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.carry(), c.call()), floor);
            check(failures, c, "delta", ours.delta(), BlackScholesFormulaRepository.delta(
                    c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.carry(), c.call()), 1e-10);
            check(failures, c, "gamma", ours.gamma(), BlackScholesFormulaRepository.gamma(
                    c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.carry()), 1e-10 / c.spot());
            check(failures, c, "theta", ours.theta(), BlackScholesFormulaRepository.theta(
                    c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.carry(), c.call()), floor / c.years());
            check(failures, c, "vega", ours.vega(), BlackScholesFormulaRepository.vega(
                    c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.carry()), floor);
            check(failures, c, "rho", ours.rho(), BlackScholesFormulaRepository.rho(
                    c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.carry(), c.call()), floor * c.years());
        }
        assertThat(failures).as("disagreements with Strata (%d samples)", SAMPLES).isEmpty();
    }

    @Test
    void fastPathAgreesWithStrata() {
        double[] out = new double[2];
        List<String> failures = new ArrayList<>();
        for (Case c : sample()) {
            BlackScholes.priceAndDelta(c.call(), c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.yield(), out);
            check(failures, c, "fast value", out[BlackScholes.PRICE], BlackScholesFormulaRepository.price(
                    c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.carry(), c.call()), 1e-10 * c.spot());
            check(failures, c, "fast delta", out[BlackScholes.DELTA], BlackScholesFormulaRepository.delta(
                    c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.carry(), c.call()), 1e-10);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void expiryPricerAgreesWithStrata() {
        double[] out = new double[2];
        List<String> failures = new ArrayList<>();
        for (Case c : sample()) {
            ExpiryPricer pricer = new ExpiryPricer(c.spot(), c.years(), c.rate(), c.yield());
            pricer.priceAndDelta(c.call(), c.strike(), c.vol(), out);
            check(failures, c, "scan value", out[BlackScholes.PRICE], BlackScholesFormulaRepository.price(
                    c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.carry(), c.call()), 1e-10 * c.spot());
            check(failures, c, "scan delta", out[BlackScholes.DELTA], BlackScholesFormulaRepository.delta(
                    c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.carry(), c.call()), 1e-10);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void normalDistributionAgreesWithStrataInBothTails() {
        // Relative 1e-13, or absolute 5e-17 in the tails: there Hart's continued fraction is
        // good to ~1e-8 relative of probabilities below 1e-9, which move no price by a cent.
        NormalDistribution reference = new NormalDistribution(0, 1);
        for (int i = -37_000; i <= 9_000; i++) {
            double x = i / 1000.0;
            double theirs = reference.getCDF(x);
            assertThat(Normal.cdf(x)).as("N(%s)", x).isCloseTo(theirs,
                    org.assertj.core.api.Assertions.within(Math.max(1e-13 * theirs, 5e-17)));
        }
    }

    private static void check(List<String> failures, Case c, String what, double ours, double theirs, double floor) {
        double allowed = Math.max(RELATIVE * Math.abs(theirs), floor);
        if (!(Math.abs(ours - theirs) <= allowed) && failures.size() < 20) {
            failures.add(String.format(Locale.ROOT, "%s: ours %.12g, Strata %.12g for %s", what, ours, theirs, c));
        }
    }
}
