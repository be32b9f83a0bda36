package io.alluse.domain.ledger;

import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import java.time.Instant;
import java.util.Optional;

/**
 * One booked transaction of an account's ledger.
 *
 * @param instrument instrument code (ticker or OCC symbol), empty for pure cash entries
 * @param quantity   signed units: contracts or shares (negative when sold)
 * @param price      per-share price, zero for pure cash entries
 * @param amount     cash effect on the sleeve: positive in, negative out
 * @param reference  client order id, broker activity id or similar, for reconciliation
 * @param lot        for a position transferred in or out (docs/decisions/0026): the tax lot's original opening day and basis
 */
public record LedgerEntry(long id, Instant at, SleeveKind sleeve, EntryKind kind, String instrument, long quantity,
                          Money price, Money amount, String reference, String memo, Optional<LotOrigin> lot) {

    public LedgerEntry {
        lot = lot == null ? Optional.empty() : lot;
    }

    public LedgerEntry(long id, Instant at, SleeveKind sleeve, EntryKind kind, String instrument, long quantity,
                       Money price, Money amount, String reference, String memo) {
        this(id, at, sleeve, kind, instrument, quantity, price, amount, reference, memo, Optional.empty());
    }
}
