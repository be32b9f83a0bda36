package io.alluse.domain.ledger;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import java.time.LocalDate;

/**
 * One sleeve's end-of-day state: views of history read these, never a replay of the ledger.
 *
 * @param positions market value of what the sleeve holds (short options negative)
 * @param flow      external cash flow booked into the sleeve that day (deposits +, withdrawals -, transfers included)
 */
public record EquitySnapshot(AccountId account, SleeveKind sleeve, LocalDate day, Money cash, Money positions, Money equity, Money flow) {

    public EquitySnapshot {
        if (!cash.plus(positions).equals(equity)) {
            throw new IllegalArgumentException("equity must be cash + positions: " + cash + " + " + positions + " != " + equity);
        }
    }
}
