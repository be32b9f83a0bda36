package io.alluse.broker.paper;

import io.alluse.domain.Money;

/**
 * How the paper brokerage fills and charges. Kept with each paper account, so reopening the
 * database keeps the terms an account was opened with.
 *
 * @param slippage             per share: a sell fills at mid minus this, a buy at mid plus this
 * @param commissionPerContract charged per option contract filled (not on assignment or exercise)
 * @param commissionPerShare   charged per share of stock filled
 */
public record PaperSettings(Money slippage, Money commissionPerContract, Money commissionPerShare) {

    /** $0.01 slippage, $0.65 per option contract, nothing per share: a typical discount broker. */
    public static final PaperSettings DEFAULTS = new PaperSettings(Money.ofCents(1), Money.ofCents(65), Money.ZERO);

    public PaperSettings {
        check("slippage", slippage);
        check("commission per contract", commissionPerContract);
        check("commission per share", commissionPerShare);
    }

    private static void check(String field, Money value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("paper broker " + field + " must be zero or more, was " + value);
        }
        if (value.isGreaterThan(Money.ofDollars(100))) {
            throw new IllegalArgumentException("paper broker " + field + " must be at most $100.00, was " + value);
        }
    }

    public PaperSettings withSlippage(Money value) {
        return new PaperSettings(value, commissionPerContract, commissionPerShare);
    }

    public PaperSettings withCommissionPerContract(Money value) {
        return new PaperSettings(slippage, value, commissionPerShare);
    }

    public PaperSettings withCommissionPerShare(Money value) {
        return new PaperSettings(slippage, commissionPerContract, value);
    }
}
