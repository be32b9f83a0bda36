package io.alluse.strategy;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveConfig;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.Position;
import java.util.List;

/**
 * One sleeve as its ledger stands at the start of a run.
 *
 * @param cashBuffer the account's cash buffer (5% by default): the share of equity never committed
 * @param cash       the sleeve's ledger cash; may be below what secures its open puts after a re-split
 * @param positions  this sleeve's positions only (short options with negative quantity)
 * @param openOrders this sleeve's orders not in a final state. Orders of the current cycles in a final
 *                   state (filled, cancelled...) may be included too: they commit nothing, but they make
 *                   {@link SkipReason#ALREADY_OPEN} exact when a leg opened this week was already closed
 *                   again. Without them a repeated leg reuses its client order id, which the ledger and
 *                   the broker recognise, so nothing is sent twice either way.
 */
public record SleeveState(AccountId account, SleeveConfig config, Percent cashBuffer, Money cash, List<Position> positions,
                          List<OrderRecord> openOrders) {

    public SleeveState {
        if (account == null || config == null || cashBuffer == null || cash == null || positions == null || openOrders == null) {
            throw new IllegalArgumentException("sleeve state: account, config, cash buffer, cash, positions and orders are required");
        }
        if (cashBuffer.basisPoints() < 0 || cashBuffer.basisPoints() >= 10_000) {
            throw new IllegalArgumentException("sleeve state: cash buffer must be from 0% up to (not including) 100%, was " + cashBuffer);
        }
        positions = List.copyOf(positions);
        openOrders = List.copyOf(openOrders);
        for (Position p : positions) {
            if (p.sleeve() != config.kind()) {
                throw new IllegalArgumentException("sleeve state of " + config.kind().label() + ": position " + p.instrument().code()
                        + " belongs to " + p.sleeve().label() + "; pass only this sleeve's positions");
            }
        }
        for (OrderRecord o : openOrders) {
            if (o.sleeve() != config.kind()) {
                throw new IllegalArgumentException("sleeve state of " + config.kind().label() + ": order " + o.clientOrderId()
                        + " belongs to " + o.sleeve().label() + "; pass only this sleeve's orders");
            }
        }
    }
}
