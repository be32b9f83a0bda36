package io.alluse.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * An account's configuration as typed, before validation.
 *
 * @param allowOverlap whether the window may overlap other accounts' windows (off: windows stay staggered)
 */
public record ConfigDraft(Map<SleeveKind, SleeveDraft> sleeves, String cashBuffer, String windowStart, String windowEnd,
                          boolean allowOverlap) {

    public ConfigDraft {
        EnumMap<SleeveKind, SleeveDraft> copy = new EnumMap<>(SleeveKind.class);
        copy.putAll(sleeves);
        sleeves = java.util.Collections.unmodifiableMap(copy);
    }

    public static ConfigDraft of(AccountConfig config) {
        EnumMap<SleeveKind, SleeveDraft> sleeves = new EnumMap<>(SleeveKind.class);
        for (SleeveKind kind : SleeveKind.values()) {
            sleeves.put(kind, SleeveDraft.of(config.sleeve(kind)));
        }
        return new ConfigDraft(sleeves, config.cashBuffer().toBigDecimal().toPlainString(),
                config.window().start().toString(), config.window().end().toString(), false);
    }

    public SleeveDraft sleeve(SleeveKind kind) {
        return sleeves.get(kind);
    }

    public ConfigDraft withSleeve(SleeveKind kind, SleeveDraft draft) {
        EnumMap<SleeveKind, SleeveDraft> copy = new EnumMap<>(sleeves);
        copy.put(kind, draft);
        return new ConfigDraft(copy, cashBuffer, windowStart, windowEnd, allowOverlap);
    }

    public ConfigDraft withCashBuffer(String buffer) {
        return new ConfigDraft(sleeves, buffer, windowStart, windowEnd, allowOverlap);
    }

    public ConfigDraft withWindow(String start, String end) {
        return new ConfigDraft(sleeves, cashBuffer, start, end, allowOverlap);
    }

    public ConfigDraft withAllowOverlap(boolean allow) {
        return new ConfigDraft(sleeves, cashBuffer, windowStart, windowEnd, allow);
    }
}
