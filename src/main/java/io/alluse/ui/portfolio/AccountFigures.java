package io.alluse.ui.portfolio;

import io.alluse.domain.AccountId;
import io.alluse.domain.SleeveKind;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One account's rows: its total, each sleeve, and its status icon.
 *
 * @param detail why the state is what it is (the last error, the missed window), shown as a tooltip
 */
public record AccountFigures(AccountId id, NodeFigures total, Map<SleeveKind, NodeFigures> sleeves, RunState state, String detail,
                             Optional<Instant> nextRun) {

    public NodeFigures sleeve(SleeveKind kind) {
        return sleeves.get(kind);
    }
}
