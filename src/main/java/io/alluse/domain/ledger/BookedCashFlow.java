package io.alluse.domain.ledger;

import io.alluse.domain.CashFlow;
import io.alluse.domain.Money;

/** A deposit or withdrawal as booked in an account's ledger, with the capital before and after. */
public record BookedCashFlow(long id, CashFlow flow, Money capitalBefore, Money capitalAfter) {
}
