package io.alluse.strategy;

import io.alluse.domain.Symbol;
import java.time.Instant;

/**
 * What one sleeve holds, owes and has working in one underlying, in cents and counts: the sums the
 * sizing and the leg checks need, gathered in one pass over positions and orders. Mutable, but
 * lives only inside one decision.
 */
final class SymbolBook {

    final Symbol symbol;

    long shares;
    long shareCostCents;
    long shortPuts;
    long putCollateralCents;
    long shortCalls;

    /** Working (not final) sell-to-open call orders, contracts not yet filled. */
    long pendingCallSales;
    /** strike x 100 x unfilled contracts of working sell-to-open put orders. */
    long pendingPutCollateralCents;
    /** limit x multiplier x unfilled quantity of working buy orders (shares and buy-to-close). */
    long pendingBuyCents;
    long pendingShareBuys;

    /** This week's cycle already has an order for the leg (in any state): its id is spent. */
    boolean putOrderThisWeek;
    boolean callOrderThisWeek;
    boolean stockOrderThisWeek;

    /** Latest openedAt among this symbol's short puts, short calls and shares, or null. */
    Instant lastPutOpened;
    Instant lastCallOpened;
    Instant lastStockOpened;

    /** Last price, read at most once per decision. */
    double spot = Double.NaN;

    SymbolBook(Symbol symbol) {
        this.symbol = symbol;
    }

    /** Cash this symbol ties up: put collateral (held and working), share cost, working buys. */
    long committedCents() {
        return putCollateralCents + pendingPutCollateralCents + Math.max(0, shareCostCents) + pendingBuyCents;
    }

    /** Calls written or being written on these shares. */
    long callsWritten() {
        return shortCalls + pendingCallSales;
    }

    /** Cost per share rounded up to the cent: a call at or above it cannot sell the shares at a loss. */
    long costPerShareCents() {
        return shares <= 0 ? 0 : Math.ceilDiv(Math.max(0, shareCostCents), shares);
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }
}
