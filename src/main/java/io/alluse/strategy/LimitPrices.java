package io.alluse.strategy;

import io.alluse.domain.Money;
import io.alluse.market.chain.OptionQuote;

/**
 * The limit prices the strategies put on their orders: a little worse than mid so that the order
 * fills, never worse than the quoted bid (selling) or ask (buying).
 * <ul>
 *   <li>Options: concession = max(1 cent, spread / 10 rounded up to the cent). A sell is limited at
 *       max(bid, mid - concession) rounded <em>down</em> to the cent, a buy at min(ask, mid + concession)
 *       rounded <em>up</em>, mid being the exact (possibly half-cent) midpoint. Because the concession
 *       is at least a cent and the rounding goes the way that gives more, a sell is always at or below
 *       mid - 1 cent and a buy at or above mid + 1 cent: marketable against a fill at mid -/+ one cent
 *       of slippage (the paper broker's default), however that fill is rounded.</li>
 *   <li>Stock (the market gives a last price, no bid and ask): a buy at the price rounded up to the
 *       cent plus max(1 cent, 1 basis point of the price rounded up).</li>
 * </ul>
 * A sell limit can come out at zero only when the bid is zero and the spread is a cent or two; the
 * strategies then skip the trade ({@link SkipReason#NO_QUOTE}): they never send a zero limit.
 */
public final class LimitPrices {

    private LimitPrices() {
    }

    /** The concession from mid in cents for a quote {@code bid}/{@code ask} (cents). */
    public static long concessionCents(long bidCents, long askCents) {
        long spread = askCents - bidCents;
        return Math.max(1, (spread + 9) / 10);
    }

    /** Sell limit in cents: max(bid, floor(mid - concession)); zero when there is no bid to speak of. */
    public static long sellCents(long bidCents, long askCents) {
        long c = concessionCents(bidCents, askCents);
        return Math.max(bidCents, Math.max(0, Math.floorDiv(bidCents + askCents - 2 * c, 2)));
    }

    /** Buy limit in cents: min(ask, ceil(mid + concession)); at least one cent since the ask is. */
    public static long buyCents(long bidCents, long askCents) {
        long c = concessionCents(bidCents, askCents);
        return Math.min(askCents, Math.floorDiv(bidCents + askCents + 2 * c + 1, 2));
    }

    public static Money sell(OptionQuote quote) {
        return Money.ofCents(sellCents(quote.bid().cents(), quote.ask().cents()));
    }

    public static Money buy(OptionQuote quote) {
        return Money.ofCents(buyCents(quote.bid().cents(), quote.ask().cents()));
    }

    /** Buy limit for shares at last price {@code spot} (dollars), in cents. */
    public static long buyStockCents(double spot) {
        if (!(spot > 0) || !Double.isFinite(spot)) {
            throw new IllegalArgumentException("stock price must be positive, was " + spot);
        }
        long cents = (long) Math.ceil(spot * 100.0 - 1e-9);
        return cents + Math.max(1, (cents + 9_999) / 10_000);
    }
}
