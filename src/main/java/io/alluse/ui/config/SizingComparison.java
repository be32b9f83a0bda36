package io.alluse.ui.config;

import io.alluse.domain.AccountConfig;
import io.alluse.domain.Money;
import io.alluse.domain.SizingPlan;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Symbol;
import io.alluse.ui.common.Formats;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Position sizing before and after a configuration change, side by side: per sleeve its capital,
 * deployable cash and, per symbol, contracts and collateral. Lines whose figures change are marked.
 */
public record SizingComparison(List<Section> sections, boolean afterKnown) {

    /** One side of a line: contracts (empty for money-only lines) and an amount or a short note. */
    public record Cell(String contracts, String amount) {

        static Cell money(Money m) {
            return new Cell("", Formats.money(m));
        }

        static Cell note(String text) {
            return new Cell("", text);
        }

        /** "3 contracts, $120,000", "$285,000" or the note: the cell as one phrase. */
        public String text() {
            return contracts.isEmpty() ? amount : contracts + (contracts.equals("1") ? " contract, " : " contracts, ") + amount;
        }
    }

    /** {@code after} is "–" when the edited configuration is not valid yet. */
    public record Line(String label, Cell before, Cell after, boolean changed) {
    }

    public record Section(SleeveKind kind, String title, List<Line> lines) {
    }

    /** What sizing is computed from: a configuration, the capital it gives each sleeve, and the plans. */
    public record Side(AccountConfig config, SleeveCapitals capital, Map<SleeveKind, SizingPlan> plans) {
    }

    static final String NONE = "\u2013";

    /** {@code after} is empty while the edited configuration is invalid. */
    public static SizingComparison of(Side before, Optional<Side> after) {
        List<Section> sections = new ArrayList<>();
        for (SleeveKind kind : SleeveKind.values()) {
            List<Line> lines = new ArrayList<>();
            SizingPlan b = before.plans().get(kind);
            Optional<SizingPlan> a = after.map(s -> s.plans().get(kind));
            lines.add(line("Capital", Cell.money(before.capital().of(kind)), after.map(s -> Cell.money(s.capital().of(kind)))));
            lines.add(line("Deployable", Cell.money(b.deployable()), a.map(p -> Cell.money(p.deployable()))));
            Set<Symbol> symbols = new LinkedHashSet<>(before.config().sleeve(kind).parameters().symbols());
            after.ifPresent(s -> symbols.addAll(s.config().sleeve(kind).parameters().symbols()));
            for (Symbol symbol : symbols) {
                lines.add(line(symbol.value(), symbolText(before, kind, symbol), after.map(s -> symbolText(s, kind, symbol))));
            }
            lines.add(line("All symbols", totalText(b), a.map(SizingComparison::totalText)));
            String title = kind.label() + "  " + Formats.percent(before.config().target(kind))
                    + after.map(s -> s.config().target(kind)).filter(t -> !t.equals(before.config().target(kind)))
                    .map(t -> " \u2192 " + Formats.percent(t)).orElse("");
            sections.add(new Section(kind, title, List.copyOf(lines)));
        }
        return new SizingComparison(List.copyOf(sections), after.isPresent());
    }

    public boolean anyChange() {
        return sections.stream().flatMap(s -> s.lines().stream()).anyMatch(Line::changed);
    }

    private static Line line(String label, Cell before, Optional<Cell> after) {
        return new Line(label, before, after.orElse(Cell.note(NONE)), after.isPresent() && !after.get().equals(before));
    }

    /** Contracts and collateral; "not traded" if the side's sleeve does not list it; "no price" if it cannot be sized. */
    private static Cell symbolText(Side side, SleeveKind kind, Symbol symbol) {
        if (!side.config().sleeve(kind).parameters().symbols().contains(symbol)) {
            return Cell.note("not traded");
        }
        return side.plans().get(kind).lines().stream().filter(l -> l.symbol().equals(symbol)).findFirst()
                .map(l -> new Cell(Integer.toString(l.contracts()), Formats.money(l.collateral())))
                .orElse(Cell.note("no price"));
    }

    private static Cell totalText(SizingPlan plan) {
        return new Cell(Integer.toString(plan.contracts()), Formats.money(plan.committed()));
    }
}
