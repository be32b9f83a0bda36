package io.alluse.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How many contracts a sleeve may sell: pure arithmetic over exact money. */
public final class PositionSizing {

    private PositionSizing() {
    }

    /** Capital the sleeve may put to work: its capital less the cash buffer, rounded down to the cent. */
    public static Money deployable(Money sleeveCapital, Percent cashBuffer) {
        if (!sleeveCapital.isPositive()) {
            return Money.ZERO;
        }
        return sleeveCapital.percentFloor(cashBuffer.complement());
    }

    /** The most one symbol may commit: the per-symbol cap's share of the deployable cash. */
    public static Money perSymbolBudget(Money deployable, Percent perSymbolCap) {
        return deployable.isPositive() ? deployable.percentFloor(perSymbolCap) : Money.ZERO;
    }

    /** Whole cash-secured puts that {@code cash} covers at {@code strike} (x100 each), never negative. */
    public static int cashSecuredPuts(Money cash, Money strike) {
        if (!strike.isPositive()) {
            throw new IllegalArgumentException("strike must be positive, was " + strike);
        }
        long contracts = cash.wholeMultiplesOf(strike.times(OptionContract.MULTIPLIER));
        return (int) Math.min(contracts, Integer.MAX_VALUE);
    }

    /** Covered calls that may still be written on {@code sharesHeld}, given those already written. */
    public static int coveredCalls(long sharesHeld, int callsAlreadyWritten) {
        long possible = Math.max(0, sharesHeld) / OptionContract.MULTIPLIER - Math.max(0, callsAlreadyWritten);
        return (int) Math.max(0, Math.min(possible, Integer.MAX_VALUE));
    }

    /**
     * Sizes a sleeve's puts symbol by symbol in its order of preference: each symbol may use up to
     * the per-symbol cap, and all together no more than the deployable cash less what is already
     * committed as collateral. Symbols without a reference strike are skipped.
     */
    public static SizingPlan plan(Money sleeveCapital, Percent cashBuffer, StrategyParameters parameters,
                                  Map<Symbol, Money> referenceStrikes, Money alreadyCommitted) {
        Money deployable = deployable(sleeveCapital, cashBuffer);
        Money remaining = deployable.minus(alreadyCommitted).max(Money.ZERO);
        Money budget = perSymbolBudget(deployable, parameters.perSymbolCap());
        List<SizingPlan.Line> lines = new ArrayList<>();
        for (Symbol symbol : parameters.symbols()) {
            Money strike = referenceStrikes.get(symbol);
            if (strike == null || !strike.isPositive()) {
                continue;
            }
            Money symbolCash = budget.min(remaining);
            int contracts = cashSecuredPuts(symbolCash, strike);
            Money collateral = strike.times(OptionContract.MULTIPLIER).times(contracts);
            remaining = remaining.minus(collateral);
            lines.add(new SizingPlan.Line(symbol, strike, symbolCash, contracts, collateral));
        }
        return new SizingPlan(deployable, List.copyOf(lines), remaining);
    }
}
