package io.alluse.strategy;

import io.alluse.domain.SleeveKind;
import io.alluse.market.MarketView;

/**
 * Com-Acc: shares plus covered calls. On entry days it buys shares of each configured symbol in
 * round lots of 100 with what the sleeve and the symbol may still commit (one purchase per symbol
 * per week). Every trading day it writes calls on held shares not yet covered (30-45 DTE, |delta|
 * 0.20-0.30 by default, strikes at or above the cost per share) and, if configured, takes profits.
 * Shares bought today are covered at the first run after they are held.
 */
final class SharesAndCalls implements SleeveStrategy {

    @Override
    public SleeveDecision decide(SleeveState state, MarketView market, CycleContext context) {
        SleeveKind kind = state.config().kind();
        if (kind != SleeveKind.COM) {
            throw new IllegalArgumentException("shares and covered calls run Com-Acc, not " + kind.label()
                    + "; use Strategies.forKind(" + kind + ")");
        }
        SleeveRun run = new SleeveRun(state, market, context);
        if (!run.isTradingDay()) {
            return run.closedDay();
        }
        run.takeProfits();
        boolean entryDay = run.isEntryDay();
        if (entryDay) {
            run.buyShares();
        } else {
            run.skipNotEntryDay();
        }
        run.writeCoveredCalls(entryDay);
        return run.decision();
    }

    @Override
    public String toString() {
        return "shares and covered calls";
    }
}
