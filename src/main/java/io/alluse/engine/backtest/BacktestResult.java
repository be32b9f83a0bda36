package io.alluse.engine.backtest;

import java.time.LocalDate;
import java.util.List;

/** Every account's outcome and the portfolio total (all accounts as one, flows excluded). */
public record BacktestResult(BacktestSpec spec, LocalDate from, LocalDate to, int tradingDays, List<AccountResult> accounts, AccountResult total) {
}
