package io.alluse.domain;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How one sleeve trades: what it sells, how far out of the money, how long to expiry, on which
 * days, and when a trade is not worth taking.
 *
 * @param symbols       underlyings, in order of preference
 * @param delta         |delta| band for the short options (puts, and covered calls after assignment)
 * @param dte           calendar days to expiry
 * @param entryDays     days of the week on which new positions may be opened
 * @param premiumFloor  minimum premium as a share of the strike per week held; below it: no trade
 * @param profitTake    buy back once this share of the premium is captured; zero turns it off
 * @param perSymbolCap  largest share of the sleeve's deployable cash one symbol may commit
 */
public record StrategyParameters(
        List<Symbol> symbols,
        DeltaRange delta,
        DteRange dte,
        Set<DayOfWeek> entryDays,
        Percent premiumFloor,
        Percent profitTake,
        Percent perSymbolCap) {

    public StrategyParameters {
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("at least one symbol is required");
        }
        if (symbols.stream().distinct().count() != symbols.size()) {
            throw new IllegalArgumentException("symbols must not repeat: " + symbols);
        }
        entryDays = entryDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(entryDays));
        if (entryDays.isEmpty()) {
            throw new IllegalArgumentException("at least one entry day is required");
        }
        if (entryDays.contains(DayOfWeek.SATURDAY) || entryDays.contains(DayOfWeek.SUNDAY)) {
            throw new IllegalArgumentException("entry days must be trading days (Monday-Friday)");
        }
        requireWithin(premiumFloor, 0, 10_000, "premium floor");
        requireWithin(profitTake, 0, 10_000, "profit-take");
        requireWithin(perSymbolCap, 1, 10_000, "per-symbol cap");
    }

    private static void requireWithin(Percent value, int minBp, int maxBp, String what) {
        if (value.basisPoints() < minBp || value.basisPoints() > maxBp) {
            throw new IllegalArgumentException(what + " must be between " + Percent.ofBasisPoints(minBp) + " and " + Percent.ofBasisPoints(maxBp));
        }
    }

    public boolean profitTakeEnabled() {
        return !profitTake.isZero();
    }

    /** Entry days in week order, for display and storage. */
    public List<DayOfWeek> entryDaysInOrder() {
        return EnumSet.copyOf(entryDays).stream().toList();
    }

    public StrategyParameters withSymbols(List<Symbol> newSymbols) {
        return new StrategyParameters(newSymbols, delta, dte, entryDays, premiumFloor, profitTake, perSymbolCap);
    }

    public StrategyParameters withDelta(DeltaRange newDelta) {
        return new StrategyParameters(symbols, newDelta, dte, entryDays, premiumFloor, profitTake, perSymbolCap);
    }
}
