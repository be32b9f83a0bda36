package io.alluse.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Capital attributed to each sleeve of one account. Together they are the account's capital. */
public record SleeveCapitals(Map<SleeveKind, Money> byKind) {

    public SleeveCapitals {
        EnumMap<SleeveKind, Money> copy = new EnumMap<>(SleeveKind.class);
        copy.putAll(byKind);
        for (SleeveKind kind : SleeveKind.values()) {
            if (copy.get(kind) == null) {
                throw new IllegalArgumentException("capital of " + kind.label() + " is missing");
            }
        }
        byKind = Collections.unmodifiableMap(copy);
    }

    public static SleeveCapitals of(Money gen, Money rev, Money com) {
        return new SleeveCapitals(Map.of(SleeveKind.GEN, gen, SleeveKind.REV, rev, SleeveKind.COM, com));
    }

    public Money of(SleeveKind kind) {
        return byKind.get(kind);
    }

    public Money total() {
        Money sum = Money.ZERO;
        for (Money m : byKind.values()) {
            sum = sum.plus(m);
        }
        return sum;
    }

    public SleeveCapitals with(SleeveKind kind, Money capital) {
        EnumMap<SleeveKind, Money> copy = new EnumMap<>(byKind);
        copy.put(kind, capital);
        return new SleeveCapitals(copy);
    }

    /**
     * Splits {@code total} by the targets so that the parts add up to the total to the cent:
     * every sleeve gets its share rounded down, and the cents left over go one by one to the
     * sleeves that lost the most to rounding (largest remainder), ties in Gen, Rev, Com order.
     */
    public static SleeveCapitals split(Money total, Map<SleeveKind, Percent> targets) {
        if (total.isNegative()) {
            throw new IllegalArgumentException("cannot split a negative total " + total);
        }
        int bpSum = targets.values().stream().mapToInt(Percent::basisPoints).sum();
        if (bpSum != 10_000) {
            throw new IllegalArgumentException("targets must add up to 100%, they add up to " + Percent.ofBasisPoints(bpSum));
        }
        EnumMap<SleeveKind, Long> cents = new EnumMap<>(SleeveKind.class);
        EnumMap<SleeveKind, Long> remainders = new EnumMap<>(SleeveKind.class);
        long assigned = 0;
        for (SleeveKind kind : SleeveKind.values()) {
            long bp = targets.get(kind).basisPoints();
            // total.cents * bp fits in a long for any total below ~9.2e14 cents ($9 trillion).
            long product = Math.multiplyExact(total.cents(), bp);
            cents.put(kind, product / 10_000L);
            remainders.put(kind, product % 10_000L);
            assigned += product / 10_000L;
        }
        long left = total.cents() - assigned;
        while (left > 0) {
            SleeveKind best = null;
            for (SleeveKind kind : SleeveKind.values()) {
                if (best == null || remainders.get(kind) > remainders.get(best)) {
                    best = kind;
                }
            }
            cents.merge(best, 1L, Long::sum);
            remainders.put(best, -1L);
            left--;
        }
        EnumMap<SleeveKind, Money> result = new EnumMap<>(SleeveKind.class);
        cents.forEach((kind, c) -> result.put(kind, Money.ofCents(c)));
        return new SleeveCapitals(result);
    }

    public static SleeveCapitals split(Money total, AccountConfig config) {
        EnumMap<SleeveKind, Percent> targets = new EnumMap<>(SleeveKind.class);
        for (SleeveKind kind : SleeveKind.values()) {
            targets.put(kind, config.target(kind));
        }
        return split(total, targets);
    }
}
