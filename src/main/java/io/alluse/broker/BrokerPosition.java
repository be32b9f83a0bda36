package io.alluse.broker;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;

/**
 * @param quantity  signed: negative for short options
 * @param costBasis total cash paid (positive) or received (negative) for what is held
 */
public record BrokerPosition(Instrument instrument, long quantity, Money costBasis) {
}
