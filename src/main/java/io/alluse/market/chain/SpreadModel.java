package io.alluse.market.chain;

import io.alluse.domain.Money;

/**
 * How wide the simulated market quotes an option around its model value. The full width is
 * <pre>
 *   (base + proportional * value) * (1 + farWidening * max(0, |z| - 1)),   z = ln(K/F) / (sigma sqrt T)
 * </pre>
 * so a $0.20 option is quoted a few cents wide (wide in relative terms), a $10 option about 17
 * cents, and strikes more than one standard deviation from the forward wider still, capped at
 * {@code maxWidening} times. Bid and ask are rounded outwards to the cent (bid down, ask up),
 * the bid is never negative and the ask is at least one cent above the bid.
 *
 * @param base         dollars of width for any option
 * @param proportional width as a fraction of the model value
 * @param farWidening  extra width per standard deviation beyond the first
 * @param maxWidening  cap on the far-from-the-money factor
 */
public record SpreadModel(double base, double proportional, double farWidening, double maxWidening) {

    /** Liquid large-cap options: 2 cents plus 1.5% of the value, widening away from the money. */
    public static final SpreadModel DEFAULT = new SpreadModel(0.02, 0.015, 0.5, 4.0);

    public SpreadModel {
        if (!(base >= 0) || !(proportional >= 0) || !(farWidening >= 0) || !(maxWidening >= 1)) {
            throw new IllegalArgumentException("spread parameters must be non-negative (and the cap at least 1): "
                    + base + ", " + proportional + ", " + farWidening + ", " + maxWidening);
        }
    }

    /** A bid and an ask, in cents, around {@code value} for a strike {@code z} standard deviations from the forward. */
    public Quote quote(double value, double z) {
        double widening = Math.min(maxWidening, 1.0 + farWidening * Math.max(0.0, Math.abs(z) - 1.0));
        double halfWidth = 0.5 * (base + proportional * value) * widening;
        // A tiny epsilon keeps a value that is a whole number of cents from rounding a cent outward.
        long bid = Math.max(0L, (long) Math.floor((value - halfWidth) * 100.0 + 1e-9));
        long ask = Math.max(bid + 1, (long) Math.ceil((value + halfWidth) * 100.0 - 1e-9));
        return new Quote(Money.ofCents(bid), Money.ofCents(ask));
    }

    public record Quote(Money bid, Money ask) {
    }
}
