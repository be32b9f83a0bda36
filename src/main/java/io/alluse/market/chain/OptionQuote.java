package io.alluse.market.chain;

import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.market.pricing.Greeks;

/**
 * A quote for one option contract at one moment, per share (a contract is 100 shares).
 *
 * @param contract          the option
 * @param bid               what a seller receives at once, whole cents, never negative
 * @param ask               what a buyer pays at once, at least one cent above the bid
 * @param underlyingPrice   the spot price the quote was made from, dollars
 * @param impliedVolatility the volatility the model priced with (the market's quoted IV), a fraction
 * @param greeks            model value and sensitivities at that volatility; see {@link Greeks} for units
 */
public record OptionQuote(OptionContract contract, Money bid, Money ask, double underlyingPrice,
                          double impliedVolatility, Greeks greeks) {

    public OptionQuote {
        if (bid.isNegative() || !ask.isGreaterThan(bid)) {
            throw new IllegalArgumentException("quote needs 0 <= bid < ask, was " + bid + " / " + ask);
        }
    }

    /** Midpoint rounded half up to the cent: what a limit order "at mid" is priced at. */
    public Money mid() {
        return Money.ofCents((bid.cents() + ask.cents() + 1) / 2);
    }

    /** Exact midpoint in dollars (may be half a cent). */
    public double midPrice() {
        return (bid.cents() + ask.cents()) / 200.0;
    }

    /** Black-Scholes-Merton value per share in dollars. */
    public double modelValue() {
        return greeks.value();
    }

    public double delta() {
        return greeks.delta();
    }

    public Money spread() {
        return ask.minus(bid);
    }

    public Money strike() {
        return contract.strike();
    }

    public OptionRight right() {
        return contract.right();
    }
}
