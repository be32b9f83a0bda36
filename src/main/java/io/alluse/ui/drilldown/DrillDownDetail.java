package io.alluse.ui.drilldown;

/** What the drill-down shows for the selected tree node: one record per kind of node. */
public sealed interface DrillDownDetail permits PortfolioDetail, AccountDetail, SleeveDetail {
}
