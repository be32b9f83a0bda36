package io.alluse.store;

import io.alluse.domain.AccountConfig;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveConfig;
import io.alluse.domain.SleeveDraft;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.StrategyParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Human-readable descriptions of configurations and their differences for the audit log. */
final class AuditDetails {

    private AuditDetails() {
    }

    static String describe(AccountConfig config, SleeveCapitals capital) {
        StringBuilder b = new StringBuilder();
        b.append("cash buffer ").append(config.cashBuffer()).append(", window ").append(config.window()).append(" New York\n");
        for (SleeveConfig s : config.sleevesInOrder()) {
            b.append(describe(s)).append(", capital ").append(capital.of(s.kind())).append('\n');
        }
        return b.toString().strip();
    }

    static String capitals(SleeveCapitals capital) {
        return java.util.Arrays.stream(SleeveKind.values()).map(k -> k.label() + " " + capital.of(k)).collect(Collectors.joining(", "));
    }

    private static String describe(SleeveConfig s) {
        StrategyParameters p = s.parameters();
        return s.kind().label() + " " + s.target() + ": " + p.symbols().stream().map(Object::toString).collect(Collectors.joining(" "))
                + ", delta " + p.delta() + ", DTE " + p.dte()
                + ", entry " + p.entryDaysInOrder().stream().map(SleeveDraft::shortDay).collect(Collectors.joining(","))
                + ", floor " + p.premiumFloor() + ", profit-take " + (p.profitTakeEnabled() ? p.profitTake() : "off")
                + ", cap " + p.perSymbolCap();
    }

    /** "Gen-Acc target 40% -> 45%; Com-Acc symbols ..." or "no change". */
    static String summarizeChange(AccountConfig before, AccountConfig after) {
        List<String> changes = new ArrayList<>();
        if (!before.cashBuffer().equals(after.cashBuffer())) {
            changes.add("cash buffer " + before.cashBuffer() + " -> " + after.cashBuffer());
        }
        if (!before.window().equals(after.window())) {
            changes.add("window " + before.window() + " -> " + after.window());
        }
        for (SleeveKind kind : SleeveKind.values()) {
            SleeveConfig b = before.sleeve(kind);
            SleeveConfig a = after.sleeve(kind);
            if (!b.target().equals(a.target())) {
                changes.add(kind.label() + " target " + b.target() + " -> " + a.target());
            }
            if (!b.parameters().equals(a.parameters())) {
                changes.add(kind.label() + " strategy: " + describe(a).substring(kind.label().length() + 1));
            }
        }
        return changes.isEmpty() ? "no change" : String.join("; ", changes);
    }
}
