package io.alluse.engine.backtest;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import java.time.LocalDate;

/**
 * Where a backtest sends its end-of-day snapshots: per simulated account and trading day, each
 * sleeve's cash, positions at market and external flows of the day, the same figures the engine
 * writes as {@link io.alluse.domain.ledger.EquitySnapshot}s. The backtest keeps its own compact copy
 * for its report ({@link SleeveHistory}); a sink given to {@link Backtest} receives the same days, for
 * example to save them ({@link SavedSnapshots}).
 *
 * <p>Called in the backtest's hot loop, so the calls carry primitive arrays that the caller reuses.
 */
@FunctionalInterface
public interface BacktestSnapshots {

    /** Keeps nothing. */
    BacktestSnapshots NONE = (account, initialCapital) -> (day, cash, positions, flow) -> { };

    /**
     * An account starts: on the backtest's first day, or on the day a fork founds it. Called from the
     * thread that runs the account; different accounts may open on different threads at once.
     *
     * @param initialCapital what the account starts with (a fork: the surplus its parent gave it)
     */
    Recorder open(AccountId account, Money initialCapital);

    /** Receives one account's days, oldest first, all from one thread. */
    @FunctionalInterface
    interface Recorder {
        /**
         * One end of day. The arrays are indexed by {@link io.alluse.domain.SleeveKind#ordinal()} and are
         * reused after the call returns: copy what you keep. A sleeve's equity is cash + positions.
         *
         * @param flow external flows of the day per sleeve (a fork's surplus out of Gen-Acc, a merged
         *             account's money into its parent's Com-Acc, an account's opening capital on its first day)
         */
        void endOfDay(LocalDate day, long[] cash, long[] positions, long[] flow);
    }
}
