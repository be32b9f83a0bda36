package io.alluse.analytics;

import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.series.EquitySeries;

import java.util.Objects;

/**
 * The history and figures of one node: its daily equity with the external flows of each day (money
 * moved between our own sleeves or accounts nets out in any node that holds both sides) and every
 * performance metric of that series.
 */
public record NodeReport(PortfolioNode node, EquitySeries series, Performance performance) {

    public NodeReport {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(performance, "performance");
    }
}
