package io.alluse.domain;

import java.util.List;

/** The result of sizing one sleeve: per symbol, how many contracts and how much collateral. */
public record SizingPlan(Money deployable, List<Line> lines, Money uncommitted) {

    public record Line(Symbol symbol, Money strike, Money budget, int contracts, Money collateral) {
    }

    public Money committed() {
        return lines.stream().map(Line::collateral).reduce(Money.ZERO, Money::plus);
    }

    public int contracts() {
        return lines.stream().mapToInt(Line::contracts).sum();
    }
}
