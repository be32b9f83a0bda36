package io.alluse.domain.ledger;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import java.time.Instant;

/** A change to what one sleeve holds: added to its position (created when new, removed when flat). */
public record PositionChange(SleeveKind sleeve, Instrument instrument, long quantityDelta, Money costDelta, Instant at) {
}
