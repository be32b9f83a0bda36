package io.alluse.domain;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;

/** The published ALL-USE defaults of SPEC section 1. Every one of them can be changed per account. */
public final class Defaults {

    public static final Money INITIAL_CAPITAL = Money.ofDollars(500_000);
    public static final Percent CASH_BUFFER = Percent.of(5);
    /** One symbol may use at most this share of a sleeve's deployable cash (spreads the risk). */
    public static final Percent PER_SYMBOL_CAP = Percent.of(50);

    private Defaults() {
    }

    public static SleeveConfig sleeve(SleeveKind kind) {
        return switch (kind) {
            case GEN -> new SleeveConfig(kind, Percent.of(40), new StrategyParameters(
                    symbols("TSLA", "NVDA"), new DeltaRange(0.40, 0.50), new DteRange(0, 7),
                    Set.of(DayOfWeek.THURSDAY), Percent.ofBasisPoints(150), Percent.ZERO, PER_SYMBOL_CAP));
            case REV -> new SleeveConfig(kind, Percent.of(30), new StrategyParameters(
                    symbols("AAPL", "AMZN", "MSFT"), new DeltaRange(0.30, 0.40), new DteRange(5, 9),
                    Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY),
                    Percent.ofBasisPoints(100), Percent.ZERO, PER_SYMBOL_CAP));
            case COM -> new SleeveConfig(kind, Percent.of(30), new StrategyParameters(
                    symbols("AAPL", "AMZN", "MSFT"), new DeltaRange(0.20, 0.30), new DteRange(30, 45),
                    Set.of(DayOfWeek.MONDAY), Percent.ZERO, Percent.ZERO, PER_SYMBOL_CAP));
        };
    }

    /** Default configuration with the given execution window. */
    public static AccountConfig config(ExecutionWindow window) {
        EnumMap<SleeveKind, SleeveConfig> sleeves = new EnumMap<>(SleeveKind.class);
        for (SleeveKind kind : SleeveKind.values()) {
            sleeves.put(kind, sleeve(kind));
        }
        return new AccountConfig(sleeves, CASH_BUFFER, window);
    }

    private static List<Symbol> symbols(String... tickers) {
        return java.util.Arrays.stream(tickers).map(Symbol::new).toList();
    }
}
