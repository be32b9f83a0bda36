package io.alluse.market.pricing;

/**
 * The standard normal distribution, as Black-Scholes needs it: fast and accurate to double
 * precision in both tails (a price far out of the money is a difference of tiny numbers).
 */
final class Normal {

    static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double SQRT_2PI = 2.5066282746310002;

    private Normal() {
    }

    static double pdf(double x) {
        return INV_SQRT_2PI * FastMath.exp(-0.5 * x * x);
    }

    static double cdf(double x) {
        return cdf(x, FastMath.exp(-0.5 * x * x));
    }

    /**
     * Cumulative probability given {@code expHalfSq = exp(-x*x/2)}, so that a caller that already
     * has that exponential (Black-Scholes has it for d1 and, by an identity, for d2) saves one
     * {@code exp}. Hart's double-precision algorithm (1968) in the form published by G. West,
     * "Better approximations to cumulative normal functions" (2005). Absolute error below 5e-17
     * everywhere; relative error about 1e-15 near the centre, growing to about 1e-8 in the far
     * tail (|x| &gt; 5, probabilities below 3e-7). The tail comes out directly, not as 1 minus something.
     */
    static double cdf(double x, double expHalfSq) {
        double tail = tail(Math.abs(x), expHalfSq);
        return x > 0 ? 1.0 - tail : tail;
    }

    /** N(-y) for y &gt;= 0, given {@code expHalfSq = exp(-y*y/2)}. */
    static double tail(double y, double expHalfSq) {
        double tail;
        if (y > 37.0) {
            tail = 0.0;
        } else if (y < 7.07106781186547) {
            // Estrin's scheme (pairs, then pairs of pairs) rather than Horner's: the same
            // polynomials with half the chain of dependent steps, and the ratio taken before the
            // exponential arrives, so both overlap it (decision record 0033).
            double y2 = y * y;
            double y4 = y2 * y2;
            double num01 = Math.fma(221.213596169931, y, 220.206867912376);
            double num23 = Math.fma(33.912866078383, y, 112.079291497871);
            double num45 = Math.fma(0.700383064443688, y, 6.37396220353165);
            double num03 = Math.fma(num23, y2, num01);
            double num46 = Math.fma(3.52624965998911E-02, y2, num45);
            double num = Math.fma(num46, y4, num03);
            double den01 = Math.fma(793.826512519948, y, 440.413735824752);
            double den23 = Math.fma(296.564248779674, y, 637.333633378831);
            double den45 = Math.fma(16.064177579207, y, 86.7807322029461);
            double den67 = Math.fma(8.83883476483184E-02, y, 1.75566716318264);
            double den03 = Math.fma(den23, y2, den01);
            double den47 = Math.fma(den67, y2, den45);
            double den = Math.fma(den47, y4, den03);
            tail = expHalfSq * (num / den);
        } else {
            double den = y + 0.65;
            den = y + 4.0 / den;
            den = y + 3.0 / den;
            den = y + 2.0 / den;
            den = y + 1.0 / den;
            tail = expHalfSq / (den * SQRT_2PI);
        }
        return tail;
    }
}
