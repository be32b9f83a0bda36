package io.alluse.strategy;

import io.alluse.domain.SleeveKind;
import io.alluse.market.MarketView;

/**
 * Gen-Acc and Rev-Acc: the cash-secured-put wheel. Every trading day: profit-takes (if configured)
 * and covered calls on assigned shares not yet covered. On entry days: one put per configured symbol
 * per week, at the nearest expiry in the DTE range and the |delta| closest to the band's target,
 * if its premium meets the floor, sized by what the sleeve and the symbol may still commit. The cost
 * of assigned shares counts against their symbol's budget, so the wheel sells no new puts on a symbol
 * with the cash its shares tie up, and resumes once the shares are called away.
 */
final class PutWheel implements SleeveStrategy {

    @Override
    public SleeveDecision decide(SleeveState state, MarketView market, CycleContext context) {
        SleeveKind kind = state.config().kind();
        if (kind != SleeveKind.GEN && kind != SleeveKind.REV) {
            throw new IllegalArgumentException("the put wheel runs Gen-Acc and Rev-Acc, not " + kind.label()
                    + "; use Strategies.forKind(" + kind + ")");
        }
        SleeveRun run = new SleeveRun(state, market, context);
        if (!run.isTradingDay()) {
            return run.closedDay();
        }
        run.takeProfits();
        run.writeCoveredCalls(false);
        if (run.isEntryDay()) {
            run.sellPuts();
        } else {
            run.skipNotEntryDay();
        }
        return run.decision();
    }

    @Override
    public String toString() {
        return "cash-secured-put wheel";
    }
}
