package io.alluse.market.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * FastMath's exp and log against StrictMath (fdlibm, itself within one ulp of the exact value):
 * at most one ulp apart over millions of random arguments spread over the whole range and
 * concentrated where pricing uses them, exactly the same at the special cases and where the fast
 * path hands over to StrictMath, and the tables checked entry by entry.
 */
class FastMathTest {

    private static final int RANDOM = 2_000_000;

    /** Distance in units in the last place of the reference. */
    static double ulps(double actual, double reference) {
        if (Double.compare(actual, reference) == 0) {
            return 0;
        }
        return Math.abs(actual - reference) / Math.ulp(reference);
    }

    @Test
    void expIsWithinOneUlpOfStrictMathOverItsRange() {
        SplittableRandom random = new SplittableRandom(33);
        double worst = 0;
        double worstAt = Double.NaN;
        for (int i = 0; i < RANDOM; i++) {
            double x = switch (i % 4) {
                case 0 -> random.nextDouble(-745.2, 709.8);          // everything, subnormal results included
                case 1 -> random.nextDouble(-50, 1);                 // discount factors and normal densities
                case 2 -> random.nextDouble(-1e-3, 1e-3);            // close to one
                default -> Math.scalb(random.nextDouble(-1, 1), -random.nextInt(1075)); // tiny, down to subnormal
            };
            double u = ulps(FastMath.exp(x), StrictMath.exp(x));
            if (u > worst) {
                worst = u;
                worstAt = x;
            }
        }
        assertThat(worst).as("worst exp at %s", worstAt).isLessThanOrEqualTo(1.0);
    }

    @Test
    void logIsWithinOneUlpOfStrictMathOverItsRange() {
        SplittableRandom random = new SplittableRandom(34);
        double worst = 0;
        double worstAt = Double.NaN;
        for (int i = 0; i < RANDOM; i++) {
            double x = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong(1, 0x7ff0000000000000L)); // every positive finite double
                case 1 -> random.nextDouble(0.5, 2.0);                    // moneyness
                case 2 -> 1.0 + random.nextDouble(-1.0 / 64, 1.0 / 64);   // at the money, the near-one series and its edges
                default -> random.nextDouble(0.01, 10_000);               // prices
            };
            double u = ulps(FastMath.log(x), StrictMath.log(x));
            if (u > worst) {
                worst = u;
                worstAt = x;
            }
        }
        assertThat(worst).as("worst log at %s", worstAt).isLessThanOrEqualTo(1.0);
    }

    @Test
    void specialCasesAreThoseOfStrictMath() {
        double[] args = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
                Math.nextDown(Double.MIN_NORMAL), 1e-310, 1e-300, -1e-300, 1.0, -1.0, Math.nextUp(1.0), Math.nextDown(1.0),
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                708.0, -708.0, Math.nextDown(708.0), Math.nextUp(-708.0), 709.78, 709.79, 710, -745.1, -745.2, -746,
                -708.4, -708.39, 1e-20, -1e-20, 0.5, 2.0, 0.6875, 1.375, Math.nextDown(1.375), Math.nextDown(0.6875),
                1 - 1.0 / 128, 1 + 1.0 / 128, Math.nextDown(1 - 1.0 / 128), Math.nextUp(1 + 1.0 / 128),
                Math.nextUp(1 - 1.0 / 128), Math.nextDown(1 + 1.0 / 128), Math.E, 10, 0.1};
        for (double x : args) {
            assertThat(ulps(FastMath.exp(x), StrictMath.exp(x))).as("exp(%s)", x).isLessThanOrEqualTo(1.0);
            assertThat(ulps(FastMath.log(x), StrictMath.log(x))).as("log(%s)", x).isLessThanOrEqualTo(1.0);
        }
        assertThat(FastMath.exp(0.0)).isEqualTo(1.0);
        assertThat(FastMath.exp(-0.0)).isEqualTo(1.0);
        assertThat(FastMath.exp(Double.NaN)).isNaN();
        assertThat(FastMath.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FastMath.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(FastMath.exp(710)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FastMath.exp(-800)).isEqualTo(0.0);
        assertThat(FastMath.log(1.0)).isEqualTo(0.0);
        assertThat(FastMath.log(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FastMath.log(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FastMath.log(-1.0)).isNaN();
        assertThat(FastMath.log(Double.NaN)).isNaN();
        assertThat(FastMath.log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FastMath.log(Double.MIN_VALUE)).isEqualTo(StrictMath.log(Double.MIN_VALUE));
    }

    @Test
    void expAndLogAreMonotoneAcrossTheirCutPoints() {
        // Across the table and series boundaries the functions must not step backwards.
        double[] cuts = {1 - 1.0 / 128, 1 + 1.0 / 128, 0.6875, 1.375, 2.75, 1.0};
        for (double cut : cuts) {
            double x = cut;
            for (int i = 0; i < 64; i++) {
                x = Math.nextDown(x);
            }
            double previous = FastMath.log(x);
            for (int i = 0; i < 128; i++) {
                x = Math.nextUp(x);
                double now = FastMath.log(x);
                assertThat(now).as("log at %s", x).isGreaterThanOrEqualTo(previous);
                previous = now;
            }
        }
        double x = Math.nextDown(-708.0);
        assertThat(FastMath.exp(Math.nextUp(x))).isGreaterThanOrEqualTo(FastMath.exp(x));
        x = Math.nextDown(708.0);
        assertThat(FastMath.exp(Math.nextUp(x))).isGreaterThanOrEqualTo(FastMath.exp(x));
    }

    @Test
    void tablesHoldWhatTheySay() {
        // 2^(j/128) to 40 digits by repeated square roots, independently of the generator.
        MathContext mc = new MathContext(40);
        BigDecimal root = BigDecimal.valueOf(2);
        for (int i = 0; i < 7; i++) {
            root = root.sqrt(mc);
        }
        BigDecimal power = BigDecimal.ONE;
        for (int j = 0; j < 128; j++) {
            double hi = Double.longBitsToDouble(FastMath.EXP_BITS[j] + ((long) j << 45));
            assertThat(hi).as("2^(%d/128)", j).isEqualTo(power.doubleValue());
            BigDecimal withTail = new BigDecimal(hi).add(new BigDecimal(hi).multiply(new BigDecimal(FastMath.EXP_TAIL[j])));
            assertThat(withTail.subtract(power).abs().doubleValue()).as("2^(%d/128) tail", j)
                    .isLessThan(Math.ulp(hi) * 1e-6);
            power = power.multiply(root, mc);
        }
        for (int i = 0; i < 128; i++) {
            double start = Double.longBitsToDouble(0x3fe6000000000000L + ((long) i << 45));
            double end = Double.longBitsToDouble(0x3fe6000000000000L + ((long) (i + 1) << 45));
            double inv = FastMath.LOG_INV_C[i];
            assertThat(1 / inv).as("centre %d", i).isBetween(start, end);
            double logC = FastMath.LOG_C_HI[i] + FastMath.LOG_C_LO[i];
            assertThat(ulps(logC, -StrictMath.log(inv))).as("log c %d", i).isLessThanOrEqualTo(1.0);
            assertThat(Math.abs(FastMath.LOG_C_LO[i])).isLessThanOrEqualTo(Math.ulp(FastMath.LOG_C_HI[i]));
        }
    }
}
