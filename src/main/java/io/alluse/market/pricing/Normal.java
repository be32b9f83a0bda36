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
            double num = Math.fma(3.52624965998911E-02, y, 0.700383064443688);
            num = Math.fma(num, y, 6.37396220353165);
            num = Math.fma(num, y, 33.912866078383);
            num = Math.fma(num, y, 112.079291497871);
            num = Math.fma(num, y, 221.213596169931);
            num = Math.fma(num, y, 220.206867912376);
            double den = Math.fma(8.83883476483184E-02, y, 1.75566716318264);
            den = Math.fma(den, y, 16.064177579207);
            den = Math.fma(den, y, 86.7807322029461);
            den = Math.fma(den, y, 296.564248779674);
            den = Math.fma(den, y, 637.333633378831);
            den = Math.fma(den, y, 793.826512519948);
            den = Math.fma(den, y, 440.413735824752);
            tail = expHalfSq * num / den;
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
