package io.alluse.analytics.trades;

import io.alluse.domain.Money;
import io.alluse.domain.Symbol;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One finished short-option trade (a cash-secured put or a covered call), as the ledger knows it.
 * Amounts are positive totals for the whole trade (all contracts, times the multiplier).
 *
 * @param underlying      e.g. TSLA
 * @param closedOn        the day it was bought back, expired or assigned
 * @param premiumReceived credit received when it was sold
 * @param costToClose     debit paid to buy it back; zero when it expired or was assigned
 * @param fees            commissions and fees of both legs
 * @param outcome         how it ended
 */
public record ClosedOptionTrade(Symbol underlying, LocalDate closedOn, Money premiumReceived, Money costToClose,
                                Money fees, Outcome outcome) {

    public enum Outcome {
        /** bought back before expiry */
        BOUGHT_BACK,
        /** expired worthless: the whole premium kept */
        EXPIRED,
        /** assigned (put: shares bought; call: shares called away); the premium is kept */
        ASSIGNED
    }

    public ClosedOptionTrade {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(closedOn, "closedOn");
        Objects.requireNonNull(premiumReceived, "premiumReceived");
        Objects.requireNonNull(costToClose, "costToClose");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(outcome, "outcome");
        String what = underlying + " trade closed " + closedOn + ": ";
        if (!premiumReceived.isPositive()) {
            throw new IllegalArgumentException(what + "premiumReceived must be the positive credit received, was " + premiumReceived);
        }
        if (costToClose.isNegative()) {
            throw new IllegalArgumentException(what + "costToClose must be zero or the positive debit paid, was " + costToClose);
        }
        if (fees.isNegative()) {
            throw new IllegalArgumentException(what + "fees must be zero or positive, was " + fees);
        }
        if (outcome != Outcome.BOUGHT_BACK && !costToClose.isZero()) {
            throw new IllegalArgumentException(what + "an option that " + outcome.name().toLowerCase(Locale.ROOT)
                    + " was not bought back, so costToClose must be zero (was " + costToClose + ")");
        }
    }

    /** Premium kept after buying back and fees; the share side of an assignment is not part of it. */
    public Money realizedPnl() {
        return premiumReceived.minus(costToClose).minus(fees);
    }
}
