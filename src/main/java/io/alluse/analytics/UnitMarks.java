package io.alluse.analytics;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;

import java.util.Optional;

/**
 * Current value of one unit (one share, or one option contract's per-share price) of an instrument,
 * supplied by the caller: analytics does not depend on the market. Positions without a mark are
 * valued at cost, so their unrealized P&L is zero.
 */
@FunctionalInterface
public interface UnitMarks {

    /** No marks: every open position at cost. */
    UnitMarks AT_COST = instrument -> Optional.empty();

    /** Per-share price of {@code instrument} (the option premium per share for options), if known. */
    Optional<Money> unitPrice(Instrument instrument);
}
