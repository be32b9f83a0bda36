package io.alluse.ui.drilldown;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.domain.Account;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.AuditEvent;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.OrderRecord;
import java.util.List;
import java.util.Optional;

/**
 * What the account view shows.
 *
 * @param series    daily equity from the snapshots; empty before the first close
 * @param benchmark SPY closes on the series' dates, scaled to the account's first equity; empty when unavailable
 */
public record AccountDetail(Account account, Totals totals, Optional<EquitySeries> series, Optional<double[]> benchmark,
                            String benchmarkName, List<Allocation> allocation, List<SleeveCard> sleeves, List<PositionRow> positions,
                            List<OrderRecord> orders, List<LedgerEntry> entries, List<AuditEvent> audit, LineageDetail lineage)
        implements DrillDownDetail {

    /** Without lineage (forking off). */
    public AccountDetail(Account account, Totals totals, Optional<EquitySeries> series, Optional<double[]> benchmark, String benchmarkName,
                         List<Allocation> allocation, List<SleeveCard> sleeves, List<PositionRow> positions, List<OrderRecord> orders,
                         List<LedgerEntry> entries, List<AuditEvent> audit) {
        this(account, totals, series, benchmark, benchmarkName, allocation, sleeves, positions, orders, entries, audit, LineageDetail.NONE);
    }

    /** Actual share of the account's live equity against the configured target, both as fractions. */
    public record Allocation(SleeveKind kind, double actual, double target) {
    }

    /**
     * @param timeWeightedReturn since the sleeve's first snapshot; empty before two closes
     * @param lastCycle          the cycle of its most recent order, e.g. "2031-03-06", or empty
     */
    public record SleeveCard(SleeveKind kind, Money capital, Money equity, Optional<Double> timeWeightedReturn, int openPositions,
                             Optional<String> lastCycle) {
    }
}
