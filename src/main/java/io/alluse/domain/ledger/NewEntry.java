package io.alluse.domain.ledger;

import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import java.time.Instant;

/** A ledger transaction to be booked (the store assigns its id). */
public record NewEntry(Instant at, SleeveKind sleeve, EntryKind kind, String instrument, long quantity, Money price, Money amount,
                       String reference, String memo) {
}
