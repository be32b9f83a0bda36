package io.alluse.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the user configures about one main account's trading: the three sleeves, the
 * cash buffer every sleeve keeps back, and the execution window.
 */
public record AccountConfig(Map<SleeveKind, SleeveConfig> sleeves, Percent cashBuffer, ExecutionWindow window) {

    /** A buffer above half the capital would leave the account mostly idle; below 0 is meaningless. */
    public static final Percent MAX_CASH_BUFFER = Percent.of(50);

    public AccountConfig {
        EnumMap<SleeveKind, SleeveConfig> copy = new EnumMap<>(SleeveKind.class);
        copy.putAll(sleeves);
        for (SleeveKind kind : SleeveKind.values()) {
            SleeveConfig sleeve = copy.get(kind);
            if (sleeve == null || sleeve.kind() != kind) {
                throw new IllegalArgumentException("configuration for " + kind.label() + " is missing");
            }
        }
        int total = copy.values().stream().mapToInt(s -> s.target().basisPoints()).sum();
        if (total != 10_000) {
            throw new IllegalArgumentException("sleeve targets must add up to 100%, they add up to " + Percent.ofBasisPoints(total));
        }
        if (cashBuffer.basisPoints() < 0 || cashBuffer.compareTo(MAX_CASH_BUFFER) > 0) {
            throw new IllegalArgumentException("cash buffer must be between 0% and 50%, was " + cashBuffer);
        }
        sleeves = java.util.Collections.unmodifiableMap(copy);
    }

    public SleeveConfig sleeve(SleeveKind kind) {
        return sleeves.get(kind);
    }

    public List<SleeveConfig> sleevesInOrder() {
        return List.of(sleeve(SleeveKind.GEN), sleeve(SleeveKind.REV), sleeve(SleeveKind.COM));
    }

    public Percent target(SleeveKind kind) {
        return sleeve(kind).target();
    }

    public AccountConfig withSleeve(SleeveConfig sleeve) {
        EnumMap<SleeveKind, SleeveConfig> copy = new EnumMap<>(sleeves);
        copy.put(sleeve.kind(), sleeve);
        return new AccountConfig(copy, cashBuffer, window);
    }

    /** New targets for all three sleeves at once, since they must always add up to 100%. */
    public AccountConfig withTargets(Percent gen, Percent rev, Percent com) {
        EnumMap<SleeveKind, SleeveConfig> copy = new EnumMap<>(sleeves);
        copy.put(SleeveKind.GEN, sleeve(SleeveKind.GEN).withTarget(gen));
        copy.put(SleeveKind.REV, sleeve(SleeveKind.REV).withTarget(rev));
        copy.put(SleeveKind.COM, sleeve(SleeveKind.COM).withTarget(com));
        return new AccountConfig(copy, cashBuffer, window);
    }

    public AccountConfig withWindow(ExecutionWindow newWindow) {
        return new AccountConfig(sleeves, cashBuffer, newWindow);
    }
}
