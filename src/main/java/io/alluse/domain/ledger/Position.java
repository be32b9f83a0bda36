package io.alluse.domain.ledger;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import java.time.Instant;

/**
 * What one sleeve holds of one instrument.
 *
 * @param quantity  signed: negative for short options
 * @param costBasis total cash paid (positive) or received (negative) to open what is held
 */
public record Position(SleeveKind sleeve, Instrument instrument, long quantity, Money costBasis, Instant openedAt) {

    public boolean isShort() {
        return quantity < 0;
    }
}
