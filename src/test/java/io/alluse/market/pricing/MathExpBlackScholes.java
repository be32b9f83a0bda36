package io.alluse.market.pricing;

/**
 * The Black-Scholes price+delta as it was before decision record 0033, on {@link Math#exp} and
 * {@link Math#log}, kept in the tests as the baseline: the bench measures the FastMath version
 * against it in the same JVM, and BlackScholesFastMathTest checks that the two agree to a few
 * ulps on the bench's and the Strata test's inputs. Copied, not shared, so that later changes to
 * the production code cannot move the baseline.
 */
public final class MathExpBlackScholes {

    private MathExpBlackScholes() {
    }

    public static void priceAndDelta(boolean call, double spot, double strike, double years, double volatility,
                                     double rate, double dividendYield, double[] out) {
        double carryDiscount = Math.exp(-dividendYield * years);
        double discount = Math.exp(-rate * years);
        double sq = spot * carryDiscount;
        double kr = strike * discount;
        double stdDev = volatility * Math.sqrt(years);
        if (!(stdDev > 0)) {
            intrinsic(call, sq, kr, carryDiscount, out);
            return;
        }
        double d1 = Math.log(sq / kr) / stdDev + 0.5 * stdDev;
        double d2 = d1 - stdDev;
        double e1 = Math.exp(-0.5 * d1 * d1);
        // For |d1| > 37, e1 underflows towards subnormals and N(d1) is exactly 0 or 1 anyway.
        double e2 = Math.abs(d1) < 37.0 ? e1 * (sq / kr) : Math.exp(-0.5 * d2 * d2);
        // Each tail N(-|d|) serves both rights: the call takes N(d) and the put N(-d), whichever
        // of tail and 1 - tail that is, so there is no subtraction of nearly equal numbers.
        double t1 = tail(Math.abs(d1), e1);
        double t2 = tail(Math.abs(d2), e2);
        double sign = call ? 1.0 : -1.0;
        double n1 = sign * d1 > 0 ? 1.0 - t1 : t1;
        double n2 = sign * d2 > 0 ? 1.0 - t2 : t2;
        out[BlackScholes.PRICE] = Math.max(sign * (sq * n1 - kr * n2), 0.0);
        out[BlackScholes.DELTA] = sign * carryDiscount * n1;
    }

    /** ExpiryPricer.priceAndDelta as it was; the per-expiry set-up as in its constructor. */
    public static final class Scan {
        private final double spot;
        private final double years;
        private final double rate;
        private final double dividendYield;
        private final double rootT;
        private final double carryDiscount;
        private final double discount;
        private final double forward;
        private final double logForward;

        public Scan(double spot, double years, double rate, double dividendYield) {
            this.spot = spot;
            this.years = years;
            this.rate = rate;
            this.dividendYield = dividendYield;
            this.rootT = Math.sqrt(years);
            this.carryDiscount = Math.exp(-dividendYield * years);
            this.discount = Math.exp(-rate * years);
            this.forward = spot * carryDiscount / discount;
            this.logForward = Math.log(forward);
        }

        public void priceAndDelta(boolean call, double strike, double volatility, double[] out) {
            double stdDev = volatility * rootT;
            if (!(stdDev > 0)) {
                MathExpBlackScholes.priceAndDelta(call, spot, strike, years, volatility, rate, dividendYield, out);
                return;
            }
            double d1 = (logForward - Math.log(strike)) / stdDev + 0.5 * stdDev;
            double d2 = d1 - stdDev;
            double e1 = Math.exp(-0.5 * d1 * d1);
            double e2 = Math.abs(d1) < 37.0 ? e1 * (forward / strike) : Math.exp(-0.5 * d2 * d2);
            double t1 = tail(Math.abs(d1), e1);
            double t2 = tail(Math.abs(d2), e2);
            double sign = call ? 1.0 : -1.0;
            double n1 = sign * d1 > 0 ? 1.0 - t1 : t1;
            double n2 = sign * d2 > 0 ? 1.0 - t2 : t2;
            out[BlackScholes.PRICE] = Math.max(sign * discount * (forward * n1 - strike * n2), 0.0);
            out[BlackScholes.DELTA] = sign * carryDiscount * n1;
        }
    }

    private static void intrinsic(boolean call, double sq, double kr, double carryDiscount, double[] out) {
        double forwardMoneyness = call ? sq - kr : kr - sq;
        out[BlackScholes.PRICE] = Math.max(forwardMoneyness, 0.0);
        double step = forwardMoneyness > 0 ? 1.0 : forwardMoneyness == 0 ? 0.5 : 0.0;
        out[BlackScholes.DELTA] = (call ? 1.0 : -1.0) * carryDiscount * step;
    }

    /** N(-y) for y &gt;= 0, given {@code expHalfSq = exp(-y*y/2)}. */
    private static double tail(double y, double expHalfSq) {
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
            tail = expHalfSq / (den * 2.5066282746310002);
        }
        return tail;
    }
}
