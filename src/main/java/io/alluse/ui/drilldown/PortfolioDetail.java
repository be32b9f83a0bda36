package io.alluse.ui.drilldown;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.run.CycleStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the portfolio view shows.
 *
 * @param equityByAccount each account's daily equity, in account order (accounts without snapshots left out)
 * @param bySleeveKind    equity (or capital before the first close) of all Gen-, Rev- and Com-Accs
 */
public record PortfolioDetail(int accounts, Totals totals, List<AccountCurve> equityByAccount, Map<SleeveKind, Money> bySleeveKind,
                              List<UpcomingRun> upcoming, List<RecentCycle> recent) implements DrillDownDetail {

    public record AccountCurve(AccountId id, String name, EquitySeries series) {
    }

    /** @param what "next run" as the engine schedules it (window start, sync, retry) */
    public record UpcomingRun(AccountId id, String name, Instant at, String state) {
    }

    public record RecentCycle(AccountId id, String name, LocalDate day, CycleStatus status, String summary) {
    }
}
