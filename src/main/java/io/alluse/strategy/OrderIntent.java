package io.alluse.strategy;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.PositionEffect;

// TEMPORARY on the engine branch: the agreed API; the strategy branch's files replace these at merge.
public record OrderIntent(ClientOrderId clientOrderId, SleeveKind sleeve, String cycle, Instrument instrument, OrderSide side,
                          PositionEffect effect, long quantity, Money limitPrice, String rationale) {
}
