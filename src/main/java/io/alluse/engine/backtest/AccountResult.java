package io.alluse.engine.backtest;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;

/** One account's outcome of a backtest. CAGR and drawdown are fractions (0.12 = 12%). */
public record AccountResult(AccountId account, Money initialCapital, Money finalEquity, double cagr, double maxDrawdown,
                            Money premiumCollected, int optionsSold, int assignments, int calledAway) {
}
