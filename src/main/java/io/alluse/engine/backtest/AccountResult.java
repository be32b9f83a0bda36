package io.alluse.engine.backtest;

import io.alluse.analytics.metrics.Annualised;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;

/**
 * One account's outcome of a backtest. Returns and drawdown are fractions (0.12 = 12%).
 *
 * @param totalReturn time-weighted over the whole run, not annualised (flows such as forks excluded)
 * @param cagr        per year; {@link Annualised.ShortHistory} for a run shorter than a year (decision 0032)
 */
public record AccountResult(AccountId account, Money initialCapital, Money finalEquity, double totalReturn, Annualised cagr, double maxDrawdown,
                            Money premiumCollected, int optionsSold, int assignments, int calledAway) {
}
