package io.alluse.market.chain;

import io.alluse.domain.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * Listed strike prices, spaced the way US equity options are listed: the spacing widens with
 * the strike price.
 * <pre>
 *   strike below    $25   every $0.50
 *   $25  to below  $200   every $1
 *   $200 to below  $500   every $2.50
 *   $500 and above        every $5
 * </pre>
 * The grid is the same for every symbol and every day, so a contract listed one day is still
 * on the grid the next, whatever the price did.
 */
public final class StrikeGrid {

    private StrikeGrid() {
    }

    /** Spacing of listed strikes at this strike level, in cents. */
    public static long incrementCents(long strikeCents) {
        if (strikeCents < 2_500) {
            return 50;
        }
        if (strikeCents < 20_000) {
            return 100;
        }
        if (strikeCents < 50_000) {
            return 250;
        }
        return 500;
    }

    /** Whether {@code strike} is a listed strike. */
    public static boolean isListed(Money strike) {
        long c = strike.cents();
        return c > 0 && c % incrementCents(c) == 0;
    }

    /** Listed strikes from {@code low} to {@code high} dollars inclusive, ascending. */
    public static List<Money> between(double low, double high) {
        List<Money> strikes = new ArrayList<>();
        long cents = Math.max(50, (long) Math.ceil(low * 100));
        cents = roundUpToGrid(cents);
        long last = (long) Math.floor(high * 100);
        while (cents <= last) {
            strikes.add(Money.ofCents(cents));
            cents += incrementCents(cents);
        }
        return strikes;
    }

    /** {@link #between} as cents, without a {@code Money} per strike: what a chain keeps. */
    public static long[] centsBetween(double low, double high) {
        long first = roundUpToGrid(Math.max(50, (long) Math.ceil(low * 100)));
        long last = (long) Math.floor(high * 100);
        int n = 0;
        for (long cents = first; cents <= last; cents += incrementCents(cents)) {
            n++;
        }
        long[] strikes = new long[n];
        int i = 0;
        for (long cents = first; cents <= last; cents += incrementCents(cents)) {
            strikes[i++] = cents;
        }
        return strikes;
    }

    private static long roundUpToGrid(long cents) {
        long step = incrementCents(cents);
        long rounded = (cents + step - 1) / step * step;
        // Rounding up may cross into a coarser band whose grid the value is not on.
        return rounded % incrementCents(rounded) == 0 ? rounded : roundUpToGrid(rounded + 1);
    }
}
