package io.alluse.ui.drilldown;

import io.alluse.analytics.metrics.Performance;
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
 * @param premiumByWeek gross premium received per week (Monday, New York), oldest first
 * @param performance   empty before the sleeve's first snapshot
 */
public record SleeveDetail(Account account, SleeveKind kind, Totals totals, List<PositionRow> positions,
                           SortedMap<LocalDate, Money> premiumByWeek, Optional<Performance> performance, TradeStatistics trades) implements DrillDownDetail {
}
