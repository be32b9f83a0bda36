package io.alluse.analytics.tax;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One closed tax lot (or the part of one that a sale closed): a line of a realized-gains report.
 * The gain belongs to the tax year of {@code closed}.
 *
 * @param sleeve      the sleeve whose trade closed it
 * @param instrument  ticker or OCC option symbol
 * @param description e.g. {@code 50 AAPL} or {@code short 1 AAPL 2025-01-17 150.00 P}
 * @param quantity    shares or contracts closed (positive)
 * @param opened      when the lot was acquired (for a short option: when it was sold)
 * @param closed      when it was sold, bought back, expired or delivered
 * @param proceeds    what closing it brought, after commissions (a short option's net premium)
 * @param costBasis   what it cost, commissions included (a short option: the cost to buy it back)
 */
public record RealizedGain(AccountId account, SleeveKind sleeve, String instrument, String description, long quantity, LocalDate opened,
                           LocalDate closed, Money proceeds, Money costBasis, Term term, How how) {

    /** Held one year or less, or more than one year (short options are always short-term). */
    public enum Term {
        SHORT, LONG
    }

    /** How the lot was closed. */
    public enum How {
        /** shares or a long option sold */
        SOLD,
        /** a short option bought back: gain = premium - cost to close */
        BOUGHT_TO_CLOSE,
        /** an option expired worthless: a short one's premium is a gain, a long one's cost a loss */
        EXPIRED,
        /** shares delivered on an assigned covered call: the call's premium is part of the proceeds */
        CALLED_AWAY,
        /** shares delivered by exercising a long put: its cost reduces the proceeds */
        EXERCISED,
        /** more was sold than the ledger shows was bought: no lot to match, basis unknown (shown as zero) */
        UNMATCHED
    }

    public RealizedGain {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(sleeve, "sleeve");
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(closed, "closed");
        Objects.requireNonNull(proceeds, "proceeds");
        Objects.requireNonNull(costBasis, "costBasis");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(how, "how");
    }

    public Money gain() {
        return proceeds.minus(costBasis);
    }

    public int taxYear() {
        return closed.getYear();
    }
}
