package io.alluse.market.pricing;

/**
 * No volatility reproduces the given option price: the price lies outside the no-arbitrage
 * bounds (below the discounted intrinsic value or at/above the discounted spot or strike), or
 * there is no time value left to infer a volatility from. The message gives the bounds.
 */
public final class ImpliedVolatilityException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ImpliedVolatilityException(String message) {
        super(message);
    }
}
