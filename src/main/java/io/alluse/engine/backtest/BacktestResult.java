package io.alluse.engine.backtest;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.analytics.series.SleeveSeries;
import io.alluse.domain.AccountId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every account's outcome, the portfolio total (all accounts as one, flows excluded), each account's
 * equity at every close (its sleeves combined) and each sleeve's own series (Gen, Rev, Com, from the
 * end-of-day snapshots); with forking, how many accounts were forked (created) and merged.
 */
public record BacktestResult(BacktestSpec spec, LocalDate from, LocalDate to, int tradingDays, List<AccountResult> accounts, AccountResult total,
                             Map<AccountId, EquitySeries> equity, int forked, int merged, Map<AccountId, List<SleeveSeries>> sleeves) {
}
