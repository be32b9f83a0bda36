package io.alluse.domain.ledger;

import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import java.time.Instant;

/**
 * One booked transaction of an account's ledger.
 *
 * @param instrument instrument code (ticker or OCC symbol), empty for pure cash entries
 * @param quantity   signed units: contracts or shares (negative when sold)
 * @param price      per-share price, zero for pure cash entries
 * @param amount     cash effect on the sleeve: positive in, negative out
 * @param reference  client order id, broker activity id or similar, for reconciliation
 */
public record LedgerEntry(long id, Instant at, SleeveKind sleeve, EntryKind kind, String instrument, long quantity,
                          Money price, Money amount, String reference, String memo) {
}
