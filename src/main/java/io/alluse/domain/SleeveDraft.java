package io.alluse.domain;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.stream.Collectors;

/** One sleeve's settings exactly as a person typed them, before validation. */
public record SleeveDraft(
        String target,
        String symbols,
        String deltaMin,
        String deltaMax,
        String dteMin,
        String dteMax,
        String entryDays,
        String premiumFloor,
        String profitTake,
        String perSymbolCap) {

    /** The text a form shows for an existing configuration. */
    public static SleeveDraft of(SleeveConfig sleeve) {
        StrategyParameters p = sleeve.parameters();
        return new SleeveDraft(
                sleeve.target().toBigDecimal().toPlainString(),
                p.symbols().stream().map(Symbol::value).collect(Collectors.joining(", ")),
                fmt(p.delta().min()),
                fmt(p.delta().max()),
                Integer.toString(p.dte().min()),
                Integer.toString(p.dte().max()),
                p.entryDaysInOrder().stream().map(SleeveDraft::shortDay).collect(Collectors.joining(",")),
                p.premiumFloor().toBigDecimal().toPlainString(),
                p.profitTake().toBigDecimal().toPlainString(),
                p.perSymbolCap().toBigDecimal().toPlainString());
    }

    /** Deltas as traders write them, with at least two decimals (0.30), and exactly (0.325 stays 0.325). */
    static String fmt(double d) {
        java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(d));
        return (exact.scale() < 2 ? exact.setScale(2) : exact).toPlainString();
    }

    public static String shortDay(DayOfWeek day) {
        String n = day.name();
        return n.charAt(0) + n.substring(1, 3).toLowerCase(Locale.ROOT);
    }

    public SleeveDraft withTarget(String newTarget) {
        return new SleeveDraft(newTarget, symbols, deltaMin, deltaMax, dteMin, dteMax, entryDays, premiumFloor, profitTake, perSymbolCap);
    }

    public SleeveDraft withSymbols(String newSymbols) {
        return new SleeveDraft(target, newSymbols, deltaMin, deltaMax, dteMin, dteMax, entryDays, premiumFloor, profitTake, perSymbolCap);
    }

    public SleeveDraft withDelta(String min, String max) {
        return new SleeveDraft(target, symbols, min, max, dteMin, dteMax, entryDays, premiumFloor, profitTake, perSymbolCap);
    }

    public SleeveDraft withDte(String min, String max) {
        return new SleeveDraft(target, symbols, deltaMin, deltaMax, min, max, entryDays, premiumFloor, profitTake, perSymbolCap);
    }

    public SleeveDraft withEntryDays(String days) {
        return new SleeveDraft(target, symbols, deltaMin, deltaMax, dteMin, dteMax, days, premiumFloor, profitTake, perSymbolCap);
    }

    public SleeveDraft withPremiumFloor(String floor) {
        return new SleeveDraft(target, symbols, deltaMin, deltaMax, dteMin, dteMax, entryDays, floor, profitTake, perSymbolCap);
    }

    public SleeveDraft withProfitTake(String take) {
        return new SleeveDraft(target, symbols, deltaMin, deltaMax, dteMin, dteMax, entryDays, premiumFloor, take, perSymbolCap);
    }

    public SleeveDraft withPerSymbolCap(String cap) {
        return new SleeveDraft(target, symbols, deltaMin, deltaMax, dteMin, dteMax, entryDays, premiumFloor, profitTake, cap);
    }
}
