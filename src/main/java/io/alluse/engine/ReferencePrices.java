package io.alluse.engine;

import io.alluse.domain.Money;
import io.alluse.domain.Symbol;
import java.util.Optional;

/** Today's price of an underlying, used to preview position sizing before a change is applied. */
@FunctionalInterface
public interface ReferencePrices {

    Optional<Money> price(Symbol symbol);
}
