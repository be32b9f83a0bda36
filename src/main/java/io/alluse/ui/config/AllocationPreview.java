package io.alluse.ui.config;

import io.alluse.domain.ConfigDraft;
import io.alluse.domain.InputParsers;
import io.alluse.domain.Money;
import io.alluse.domain.Percent;
import io.alluse.domain.PositionSizing;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the allocation typed so far means in dollars: each sleeve's capital and deployable cash,
 * and whether the targets add up to 100%. Works on partly valid input: whatever parses is shown.
 */
public record AllocationPreview(List<Row> rows, Optional<Percent> sum) {

    /** One sleeve; an empty part means that input does not parse yet. */
    public record Row(SleeveKind kind, Optional<Percent> target, Optional<Money> capital, Optional<Money> deployable) {
    }

    public static AllocationPreview of(Optional<Money> total, ConfigDraft draft) {
        // Throw-away parser: the messages come from the validator; this only wants the numbers.
        InputParsers quiet = new InputParsers();
        Map<SleeveKind, Percent> targets = new EnumMap<>(SleeveKind.class);
        for (SleeveKind kind : SleeveKind.values()) {
            quiet.percent("t", "t", draft.sleeve(kind).target(), Percent.ZERO, Percent.HUNDRED).ifPresent(p -> targets.put(kind, p));
        }
        Optional<Percent> buffer = quiet.percent("b", "b", draft.cashBuffer(), Percent.ZERO, io.alluse.domain.AccountConfig.MAX_CASH_BUFFER);
        Optional<Percent> sum = targets.size() == SleeveKind.values().length
                ? Optional.of(targets.values().stream().reduce(Percent.ZERO, Percent::plus)) : Optional.empty();
        // Exact split (cents assigned by largest remainder) once the targets are whole; a plain share before that.
        Optional<SleeveCapitals> split = total.filter(t -> sum.map(s -> s.equals(Percent.HUNDRED)).orElse(false))
                .map(t -> SleeveCapitals.split(t, targets));
        List<Row> rows = java.util.Arrays.stream(SleeveKind.values()).map(kind -> {
            Optional<Percent> target = Optional.ofNullable(targets.get(kind));
            Optional<Money> capital = split.isPresent() ? Optional.of(split.get().of(kind))
                    : total.flatMap(t -> target.map(t::percentFloor));
            Optional<Money> deployable = capital.flatMap(c -> buffer.map(b -> PositionSizing.deployable(c, b)));
            return new Row(kind, target, capital, deployable);
        }).toList();
        return new AllocationPreview(rows, sum);
    }

    public boolean sumIsHundred() {
        return sum.map(s -> s.equals(Percent.HUNDRED)).orElse(false);
    }

    /** "Adds up to 100%", or "Adds up to 95% – must be 100%". */
    public String sumText() {
        return sum.map(s -> s.equals(Percent.HUNDRED) ? "Adds up to 100%" : "Adds up to " + s + " \u2013 must be 100%")
                .orElse("Enter a percentage for each sleeve");
    }

    public Optional<Money> totalCapital() {
        return rows.stream().map(Row::capital).reduce(Optional.of(Money.ZERO), (a, b) -> a.flatMap(x -> b.map(x::plus)));
    }

    public Optional<Money> totalDeployable() {
        return rows.stream().map(Row::deployable).reduce(Optional.of(Money.ZERO), (a, b) -> a.flatMap(x -> b.map(x::plus)));
    }
}
