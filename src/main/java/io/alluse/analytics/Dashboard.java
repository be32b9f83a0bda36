package io.alluse.analytics;

import io.alluse.analytics.metrics.Performance;
import io.alluse.domain.AccountId;
import io.alluse.domain.SleeveKind;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The aggregate view's numbers: the whole portfolio, each sleeve kind across accounts, and each
 * account, every one over its own full history. Empty maps when no snapshot exists yet.
 *
 * @param total     all accounts together; empty only when no account has a snapshot yet ({@link #isEmpty()})
 * @param bySleeve  all Gen-Accs, all Rev-Accs, all Com-Accs (only kinds that have snapshots)
 * @param byAccount every account with snapshots, by id
 */
public record Dashboard(java.util.Optional<Performance> total, Map<SleeveKind, Performance> bySleeve,
                        SortedMap<AccountId, Performance> byAccount) {

    public Dashboard {
        Objects.requireNonNull(total, "total");
        bySleeve = Map.copyOf(bySleeve);
        byAccount = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byAccount));
    }

    public boolean isEmpty() {
        return total.isEmpty();
    }
}
