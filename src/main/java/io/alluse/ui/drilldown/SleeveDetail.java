package io.alluse.ui.drilldown;

import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.series.EquitySeries;
import io.alluse.analytics.trades.TradeStatistics;
import io.alluse.domain.Account;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the sleeve view shows.
 *
 * @param series        the sleeve's daily equity; empty before its first close
 * @param premiumByWeek gross premium received per week (Monday, New York), every week from the first to this one, oldest first
 * @param performance   empty before the sleeve's first snapshot
 */
public record SleeveDetail(Account account, SleeveKind kind, Totals totals, Optional<EquitySeries> series, List<PositionRow> positions,
                           SortedMap<LocalDate, Money> premiumByWeek, Optional<Performance> performance, TradeStatistics trades) implements DrillDownDetail {

    /** Gross premium of every option sold, open or closed (the trade statistics count closed trades only). */
    public Money premiumCollected() {
        return premiumByWeek.values().stream().reduce(Money.ZERO, Money::plus);
    }
}
