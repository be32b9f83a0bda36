package io.alluse.strategy;

/**
 * What a sleeve may still commit in this decision, in cents (SPEC section 3, sizing):
 * <pre>
 *   equity     = cash + positions marked at market (option mid, stock last price; short options negative)
 *   deployable = equity x (1 - buffer), rounded down to the cent
 *   committed  = put collateral (held and working) + cost of shares held + working buy orders
 *   available  = max(0, min(deployable - committed,
 *                           cash - (equity - deployable) - put collateral - working buys))
 * </pre>
 * The second bound keeps the puts cash-secured: a gain on shares held raises the equity but is no
 * cash, so it never secures a put; nor does the buffer. Each symbol may commit at most
 * {@code perSymbol} (the per-symbol cap's share of the deployable) less what it has committed.
 * {@code available} shrinks as the decision places orders.
 */
final class Capital {

    final long equityCents;
    final long deployableCents;
    final long perSymbolCents;
    final long committedCents;
    long availableCents;
    /** Why the sleeve could not be valued (a position without a quote), or null. */
    final String unknown;

    Capital(long equityCents, long deployableCents, long perSymbolCents, long committedCents, long availableCents) {
        this.equityCents = equityCents;
        this.deployableCents = deployableCents;
        this.perSymbolCents = perSymbolCents;
        this.committedCents = committedCents;
        this.availableCents = availableCents;
        this.unknown = null;
    }

    private Capital(String unknown) {
        this.equityCents = 0;
        this.deployableCents = 0;
        this.perSymbolCents = 0;
        this.committedCents = 0;
        this.availableCents = 0;
        this.unknown = unknown;
    }

    static Capital unknown(String why) {
        return new Capital(why);
    }

    /** What {@code book}'s symbol may still commit: min(its cap less its commitments, the sleeve's available). */
    long roomFor(SymbolBook book) {
        return Math.min(perSymbolCents - book.committedCents(), availableCents);
    }

    /** {@code TSLA may commit $16,000.00 more (cap $95,000.00 = 50% of deployable $190,000.00, less $79,000.00 committed; sleeve has $111,000.00 available)}. */
    String describeRoom(SymbolBook book, String capPercent) {
        long room = Math.max(0, roomFor(book));
        return book.symbol.value() + " may commit " + Text.dollars(room) + " more (cap " + Text.dollars(perSymbolCents) + " = "
                + capPercent + " of deployable " + Text.dollars(deployableCents) + ", less " + Text.dollars(book.committedCents())
                + " committed; the sleeve has " + Text.dollars(availableCents) + " available)";
    }
}
