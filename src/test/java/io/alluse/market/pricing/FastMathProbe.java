package io.alluse.market.pricing;

/** Opens the package-private FastMath to the bench (io.alluse.bench), for the exp/log breakdown. */
public final class FastMathProbe {

    private FastMathProbe() {
    }

    public static double exp(double x) {
        return FastMath.exp(x);
    }

    public static double log(double x) {
        return FastMath.log(x);
    }
}
