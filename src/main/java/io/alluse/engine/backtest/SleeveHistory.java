package io.alluse.engine.backtest;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.analytics.series.SleeveSeries;
import io.alluse.domain.AccountId;
import io.alluse.domain.SleeveKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One simulated account's sleeve snapshots as the backtest's report needs them: each sleeve's equity
 * in a primitive array sized for the account's whole life up front, so the heap does not grow with
 * the weeks simulated (8 bytes per sleeve-day), and the rare flows (fork and merge days, the opening)
 * in small side arrays. The days themselves are the lane's calendar, shared by all its accounts.
 */
final class SleeveHistory implements BacktestSnapshots.Recorder {

    private static final int SLEEVES = SleeveKind.values().length;

    /** Index of the account's first day in the lane's calendar. */
    private final int firstDay;
    private final long[][] equity;
    private int size;
    private int[] flowAt = new int[4];
    private long[] flows = new long[4 * SLEEVES];
    private int flowCount;

    /** @param days how many trading days the account can live at most (from its first day to the end) */
    SleeveHistory(int firstDay, int days) {
        this.firstDay = firstDay;
        this.equity = new long[SLEEVES][days];
    }

    @Override
    public void endOfDay(LocalDate day, long[] cash, long[] positions, long[] flow) {
        for (int k = 0; k < SLEEVES; k++) {
            equity[k][size] = Math.addExact(cash[k], positions[k]);
        }
        if ((flow[0] | flow[1] | flow[2]) != 0) {
            if (flowCount == flowAt.length) {
                flowAt = Arrays.copyOf(flowAt, flowCount * 2);
                flows = Arrays.copyOf(flows, flowCount * 2 * SLEEVES);
            }
            flowAt[flowCount] = size;
            System.arraycopy(flow, 0, flows, flowCount * SLEEVES, SLEEVES);
            flowCount++;
        }
        size++;
    }

    /** Days recorded so far. */
    int size() {
        return size;
    }

    int firstDay() {
        return firstDay;
    }

    /** The sum of the sleeves' equity on the {@code i}-th recorded day. */
    long accountEquity(int i) {
        long sum = 0;
        for (int k = 0; k < SLEEVES; k++) {
            sum = Math.addExact(sum, equity[k][i]);
        }
        return sum;
    }

    /** Each sleeve's series over the recorded days, dated from the lane's calendar. */
    List<SleeveSeries> series(AccountId account, int[] laneEpochDays) {
        int[] days = Arrays.copyOfRange(laneEpochDays, firstDay, firstDay + size);
        List<SleeveSeries> out = new ArrayList<>(SLEEVES);
        for (SleeveKind kind : SleeveKind.values()) {
            long[] flow = new long[size];
            for (int f = 0; f < flowCount; f++) {
                flow[flowAt[f]] = flows[f * SLEEVES + kind.ordinal()];
            }
            out.add(new SleeveSeries(account, kind, EquitySeries.ofEpochDays(days, Arrays.copyOf(equity[kind.ordinal()], size), flow)));
        }
        return out;
    }
}
