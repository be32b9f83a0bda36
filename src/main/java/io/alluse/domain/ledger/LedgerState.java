package io.alluse.domain.ledger;

import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One account's books as they stand: each sleeve's cash and what each sleeve holds. */
public record LedgerState(Map<SleeveKind, Money> cash, List<Position> positions) {

    public LedgerState {
        EnumMap<SleeveKind, Money> copy = new EnumMap<>(SleeveKind.class);
        for (SleeveKind kind : SleeveKind.values()) {
            copy.put(kind, cash.getOrDefault(kind, Money.ZERO));
        }
        cash = Collections.unmodifiableMap(copy);
        positions = List.copyOf(positions);
    }

    public Money cash(SleeveKind kind) {
        return cash.get(kind);
    }

    public Money totalCash() {
        return cash.values().stream().reduce(Money.ZERO, Money::plus);
    }

    public List<Position> positions(SleeveKind kind) {
        return positions.stream().filter(p -> p.sleeve() == kind).toList();
    }
}
