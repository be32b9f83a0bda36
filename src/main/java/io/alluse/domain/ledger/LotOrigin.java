package io.alluse.domain.ledger;

import io.alluse.domain.Money;
import java.time.LocalDate;

/**
 * Where a transferred tax lot came from: the day it was first opened (New York trading day) and its
 * basis there, so that the account it moved into realizes the gain from the original basis and holding
 * period when it closes it (docs/decisions/0026).
 *
 * @param opened the day the lot was opened in the account it came from
 * @param basis  long: what was paid, commissions included; short option: the premium received, net of commissions
 */
public record LotOrigin(LocalDate opened, Money basis) {

    public LotOrigin {
        if (opened == null || basis == null) {
            throw new IllegalArgumentException("a transferred lot needs its opening day and basis");
        }
    }
}
