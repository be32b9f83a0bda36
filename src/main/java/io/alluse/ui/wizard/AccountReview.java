package io.alluse.ui.wizard;

import io.alluse.domain.BrokerConnection;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.NewAccount;
import io.alluse.domain.PositionSizing;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveConfig;
import io.alluse.domain.SleeveDraft;
import io.alluse.domain.StrategyParameters;
import io.alluse.domain.Symbol;
import io.alluse.engine.ConnectionCheck;
import io.alluse.ui.common.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The review page's text: the whole new account in a few readable sections. */
public record AccountReview(List<Section> sections) {

    public record Section(String title, List<Line> lines) {
    }

    public record Line(String key, String value) {
    }

    public static AccountReview of(NewAccount spec, BrokerKind broker, ConnectionCheck check, boolean overlapAllowed) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Account", List.of(
                new Line("Name", spec.name()),
                new Line("Id", spec.id().value()),
                new Line("Initial capital", Formats.moneyExact(spec.initialCapital())))));
        String external = switch (broker) {
            case PAPER -> BrokerConnection.paperFor(spec.id()).externalAccountId();
            case ALPACA_PAPER, ALPACA_LIVE -> "the Alpaca account behind the keys (keys kept encrypted outside the database)";
        };
        sections.add(new Section("Brokerage", List.of(
                new Line("Broker", broker.label()),
                new Line("Brokerage account", external),
                new Line("Connection", check == null ? "not tested" : (check.ok() ? "tested: " : "test failed: ") + check.summary()))));

        SleeveCapitals split = SleeveCapitals.split(spec.initialCapital(), spec.config());
        List<Line> allocation = new ArrayList<>();
        for (SleeveConfig s : spec.config().sleevesInOrder()) {
            allocation.add(new Line(s.kind().label(), Formats.percent(s.target()) + "  \u00b7  " + Formats.money(split.of(s.kind()))
                    + "  \u00b7  deployable " + Formats.money(PositionSizing.deployable(split.of(s.kind()), spec.config().cashBuffer()))));
        }
        allocation.add(new Line("Cash buffer", Formats.percent(spec.config().cashBuffer()) + " of each sleeve kept back"));
        sections.add(new Section("Allocation", allocation));

        List<Line> sleeves = new ArrayList<>();
        for (SleeveConfig s : spec.config().sleevesInOrder()) {
            sleeves.add(new Line(s.kind().label(), parameters(s.parameters())));
        }
        sections.add(new Section("Sleeve parameters", sleeves));
        sections.add(new Section("Execution window", List.of(new Line("Window", spec.config().window() + " New York"
                + (overlapAllowed ? " (may overlap other accounts)" : "")))));
        return new AccountReview(List.copyOf(sections));
    }

    /** "TSLA, NVDA · delta 0.40-0.50 · 0-7 days · Thu · floor 1.5% · profit-take off · cap 50%". */
    static String parameters(StrategyParameters p) {
        return String.join("  \u00b7  ",
                p.symbols().stream().map(Symbol::value).collect(Collectors.joining(", ")),
                "delta " + p.delta(),
                p.dte() + " days",
                p.entryDaysInOrder().stream().map(SleeveDraft::shortDay).collect(Collectors.joining(", ")),
                "floor " + Formats.percent(p.premiumFloor()),
                "profit-take " + (p.profitTakeEnabled() ? Formats.percent(p.profitTake()) : "off"),
                "cap " + Formats.percent(p.perSymbolCap()) + " per symbol");
    }
}
