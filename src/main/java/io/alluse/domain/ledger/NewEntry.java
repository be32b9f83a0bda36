package io.alluse.domain.ledger;

import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import java.time.Instant;
import java.util.Optional;

/**
 * A ledger transaction to be booked (the store assigns its id).
 *
 * @param lot for a position transferred in or out: the tax lot's original opening day and basis; empty otherwise
 */
public record NewEntry(Instant at, SleeveKind sleeve, EntryKind kind, String instrument, long quantity, Money price, Money amount,
                       String reference, String memo, Optional<LotOrigin> lot) {

    public NewEntry {
        lot = lot == null ? Optional.empty() : lot;
    }

    public NewEntry(Instant at, SleeveKind sleeve, EntryKind kind, String instrument, long quantity, Money price, Money amount,
                    String reference, String memo) {
        this(at, sleeve, kind, instrument, quantity, price, amount, reference, memo, Optional.empty());
    }
}
