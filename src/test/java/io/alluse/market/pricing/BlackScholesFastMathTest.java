package io.alluse.market.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Decision record 0033 moved pricing from Math.exp/log to FastMath's. The prices move only in
 * the last bits: price and delta agree with the Math.exp-based code they replaced
 * ({@link MathExpBlackScholes}, a frozen copy) to 1e-12 of the spot (delta 1e-12 absolute), on
 * the Strata test's stressed sample and on the bench's chain-scan inputs, and the new code is
 * no further from Strata than the old one was, give or take those last bits.
 */
class BlackScholesFastMathTest {

    private static final double CLOSE = 1e-12;

    @Test
    void priceAndDeltaMoveOnlyInTheLastBits() {
        double[] fast = new double[2];
        double[] old = new double[2];
        List<String> failures = new ArrayList<>();
        double worstNewVsStrata = 0;
        double worstOldVsStrata = 0;
        for (BlackScholesAgainstStrataTest.Case c : cases()) {
            BlackScholes.priceAndDelta(c.call(), c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.yield(), fast);
            MathExpBlackScholes.priceAndDelta(c.call(), c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.yield(), old);
            compare(failures, c, fast, old);

            ExpiryPricer pricer = new ExpiryPricer(c.spot(), c.years(), c.rate(), c.yield());
            MathExpBlackScholes.Scan oldPricer = new MathExpBlackScholes.Scan(c.spot(), c.years(), c.rate(), c.yield());
            pricer.priceAndDelta(c.call(), c.strike(), c.vol(), fast);
            oldPricer.priceAndDelta(c.call(), c.strike(), c.vol(), old);
            compare(failures, c, fast, old);

            double strata = BlackScholesFormulaRepository.price(
                    c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.carry(), c.call());
            BlackScholes.priceAndDelta(c.call(), c.spot(), c.strike(), c.years(), c.vol(), c.rate(), c.yield(), fast);
            worstNewVsStrata = Math.max(worstNewVsStrata, Math.abs(fast[BlackScholes.PRICE] - strata) / c.spot());
            worstOldVsStrata = Math.max(worstOldVsStrata, Math.abs(old[BlackScholes.PRICE] - strata) / c.spot());
        }
        assertThat(failures).isEmpty();
        assertThat(worstNewVsStrata).isLessThanOrEqualTo(worstOldVsStrata + CLOSE);
    }

    private static void compare(List<String> failures, BlackScholesAgainstStrataTest.Case c, double[] fast, double[] old) {
        double priceDiff = Math.abs(fast[BlackScholes.PRICE] - old[BlackScholes.PRICE]);
        double deltaDiff = Math.abs(fast[BlackScholes.DELTA] - old[BlackScholes.DELTA]);
        if (!(priceDiff <= CLOSE * c.spot() && deltaDiff <= CLOSE) && failures.size() < 20) {
            failures.add(String.format(Locale.ROOT, "price %.17g vs %.17g, delta %.17g vs %.17g for %s",
                    fast[BlackScholes.PRICE], old[BlackScholes.PRICE], fast[BlackScholes.DELTA], old[BlackScholes.DELTA], c));
        }
    }

    /** The Strata test's sample plus the bench's inputs (the same generator as PricingBenchmark). */
    private static List<BlackScholesAgainstStrataTest.Case> cases() {
        List<BlackScholesAgainstStrataTest.Case> cases = new ArrayList<>(BlackScholesAgainstStrataTest.sample());
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            double spot = random.nextDouble(20, 800);
            double strike = spot * random.nextDouble(0.7, 1.3);
            double years = random.nextDouble(1, 60) / 365;
            double vol = random.nextDouble(0.12, 0.9);
            double rate = random.nextDouble(0.0, 0.06);
            double yield = random.nextDouble(0.0, 0.02);
            cases.add(new BlackScholesAgainstStrataTest.Case(random.nextBoolean(), spot, strike, years, vol, rate, yield));
        }
        return cases;
    }
}
