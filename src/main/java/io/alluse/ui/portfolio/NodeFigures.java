package io.alluse.ui.portfolio;

import io.alluse.domain.Money;
import java.util.Optional;

/**
 * The numbers one tree row shows.
 *
 * @param equity  marked equity now (the ledger's capital as of the last sync)
 * @param weekPnl change of equity over the last week of closes, external cash flows excluded;
 *                empty with less than two closes
 * @param driftBp sleeve share of the account's equity minus its target, in basis points (sleeves only)
 */
public record NodeFigures(Money equity, Optional<Money> weekPnl, Optional<Integer> driftBp) {

    public static NodeFigures of(Money equity) {
        return new NodeFigures(equity, Optional.empty(), Optional.empty());
    }
}
