package io.alluse.strategy;

import io.alluse.domain.SleeveKind;
import java.util.List;

// TEMPORARY on the engine branch: the agreed API; the strategy branch's files replace these at merge.
public final class Strategies {
    private Strategies() {
    }

    public static SleeveStrategy forKind(SleeveKind kind) {
        return (state, market, context) -> new SleeveDecision(List.of(), List.of());
    }
}
