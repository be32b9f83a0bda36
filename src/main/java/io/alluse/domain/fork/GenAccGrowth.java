package io.alluse.domain.fork;

import io.alluse.domain.Money;

/**
 * What the fork rule reads of a Gen-Acc. Growth is performance, never money moved in: it is the
 * sleeve's equity less the capital that came into it from outside its own trading (deposits and
 * withdrawals booked to it, and re-split transfers; see docs/decisions/0004 and 0017). A fork takes
 * its surplus out as a fork entry, which is not capital-in, so the growth left after it is zero.
 *
 * @param equity    the sleeve's cash plus its positions at market
 * @param capitalIn net money put into the sleeve from outside its trading
 * @param freeCash  settled cash not securing a short put and not held back for an open order
 */
public record GenAccGrowth(Money equity, Money capitalIn, Money freeCash) {

    public Money growth() {
        return equity.minus(capitalIn);
    }
}
