package io.alluse.strategy;

import io.alluse.domain.OptionContract;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Stock;
import io.alluse.domain.StrategyParameters;
import io.alluse.domain.ledger.Position;
import java.time.LocalDate;
import java.util.List;

/** The strategy each sleeve kind runs. The instances are stateless and shared. */
public final class Strategies {

    private static final SleeveStrategy WHEEL = new PutWheel();
    private static final SleeveStrategy SHARES_AND_CALLS = new SharesAndCalls();

    private Strategies() {
    }

    /** Gen-Acc and Rev-Acc: the cash-secured-put wheel; Com-Acc: shares and covered calls. */
    public static SleeveStrategy forKind(SleeveKind kind) {
        return switch (kind) {
            case GEN, REV -> WHEEL;
            case COM -> SHARES_AND_CALLS;
        };
    }

    /**
     * Whether {@code state} has nothing to do on {@code tradingDay}: not an entry day, no shares a call
     * could be written on, no short option a profit-take could close. Then {@code decide} places no
     * order and reports only {@link SkipReason#NOT_AN_ENTRY_DAY} (or {@link SkipReason#NOT_A_TRADING_DAY}),
     * so a backtest may skip the call. A cheap scan of the positions; false means "ask decide".
     */
    public static boolean isIdle(SleeveState state, LocalDate tradingDay) {
        StrategyParameters p = state.config().parameters();
        if (p.entryDays().contains(tradingDay.getDayOfWeek())) {
            return false;
        }
        boolean profitTake = p.profitTakeEnabled();
        List<Position> positions = state.positions();
        for (int i = 0; i < positions.size(); i++) {
            Position pos = positions.get(i);
            if (pos.instrument() instanceof Stock && pos.quantity() >= OptionContract.MULTIPLIER) {
                return false;
            }
            if (profitTake && pos.instrument() instanceof OptionContract && pos.quantity() < 0) {
                return false;
            }
        }
        return true;
    }
}
