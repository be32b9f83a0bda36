package io.alluse.domain;

/**
 * A deposit or withdrawal re-splits the account's new total by the sleeve targets (seed
 * document: "recalculates the percentage split ... maintains the target allocation ratios").
 * The flow is external money, never profit.
 */
public record FundChange(CashFlow flow, SleeveCapitals before, SleeveCapitals after) {

    /**
     * Books a flow that already happened at the broker: it cannot be refused, only re-split.
     * Throws if the account would go below zero, which no broker allows.
     */
    public static FundChange book(SleeveCapitals before, CashFlow flow, AccountConfig config) {
        Money newTotal = before.total().plus(flow.signedAmount());
        if (newTotal.isNegative()) {
            throw new DomainException("withdrawal of " + flow.amount() + " is more than the account's capital of " + before.total());
        }
        return new FundChange(flow, before, SleeveCapitals.split(newTotal, config));
    }

    /**
     * Checks a requested flow against what the account can release before it is sent: a
     * withdrawal may take only free cash (cash not securing open positions).
     */
    public static FundChange request(SleeveCapitals before, CashFlow flow, AccountConfig config, Money freeCash) {
        if (flow.kind() == CashFlow.Kind.WITHDRAWAL && flow.amount().isGreaterThan(freeCash)) {
            throw new DomainException("Withdrawal of " + flow.amount() + " is more than the free cash of " + freeCash
                    + " (the rest secures open positions). Withdraw at most " + freeCash.max(Money.ZERO) + ".");
        }
        return book(before, flow, config);
    }

    /** Positive: capital moved into the sleeve by the re-split (beyond its share of the flow). */
    public Money change(SleeveKind kind) {
        return after.of(kind).minus(before.of(kind));
    }
}
