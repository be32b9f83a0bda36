package io.alluse.engine.backtest;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.domain.AccountId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every account's outcome, the portfolio total (all accounts as one, flows excluded), and each
 * account's equity at every close; with forking, how many accounts were forked (created) and merged.
 */
public record BacktestResult(BacktestSpec spec, LocalDate from, LocalDate to, int tradingDays, List<AccountResult> accounts, AccountResult total,
                             Map<AccountId, EquitySeries> equity, int forked, int merged) {

    public BacktestResult(BacktestSpec spec, LocalDate from, LocalDate to, int tradingDays, List<AccountResult> accounts, AccountResult total,
                          Map<AccountId, EquitySeries> equity) {
        this(spec, from, to, tradingDays, accounts, total, equity, 0, 0);
    }
}
