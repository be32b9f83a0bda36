package io.alluse.domain;

/** One sleeve's share of its account and the parameters of its strategy. */
public record SleeveConfig(SleeveKind kind, Percent target, StrategyParameters parameters) {

    public SleeveConfig {
        if (target.basisPoints() < 0 || target.basisPoints() > 10_000) {
            throw new IllegalArgumentException(kind.label() + " target must be between 0% and 100%, was " + target);
        }
    }

    public SleeveConfig withTarget(Percent newTarget) {
        return new SleeveConfig(kind, newTarget, parameters);
    }

    public SleeveConfig withParameters(StrategyParameters newParameters) {
        return new SleeveConfig(kind, target, newParameters);
    }
}
