package io.alluse.domain.fork;

import io.alluse.domain.Money;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * One account's forking and merging rules (SPEC section 7, roadmap phase 3), all configurable per
 * account. Defaults: fork when Gen-Acc has grown $50,000; the new account is split 50% Gen-Acc /
 * 0% Rev-Acc / 50% Com-Acc; a forked account merges into its parent's Com-Acc at $500,000;
 * checked weekly; positions closed at market before a merge ({@link MergeMode#CLOSE_AT_MARKET}: it works at every
 * broker, while a transfer needs two accounts at the built-in paper brokerage; see docs/decisions/0019 and 0026).
 */
public record ForkRules(boolean enabled, Money forkThreshold, Map<SleeveKind, Percent> childTargets, Money mergeAt, Cadence cadence,
                        MergeMode mergeMode) {

    /** How often the rules are looked at, always after a finished cycle. */
    public enum Cadence {
        /** After every cycle. */
        DAILY,
        /** After the first cycle of each ISO week. */
        WEEKLY
    }

    /** What happens to a merging account's positions before its cash moves into the parent's Com-Acc. */
    public enum MergeMode {
        /**
         * Closing orders at the market (marketable limits, sent and reconciled like cycle orders); once all
         * have filled, the cash moves. Works at every broker.
         */
        CLOSE_AT_MARKET,
        /**
         * Positions move as they are, cost basis and opening date kept, with their sleeve's cash into the
         * parent's sleeve of the same kind, valued at the market (docs/decisions/0026). Only the built-in paper
         * brokerage can move positions between accounts (both accounts there); at a real broker a merge in this
         * mode closes at the market, and says so.
         */
        TRANSFER_AT_MARKET
    }

    public static final Money DEFAULT_FORK_THRESHOLD = Money.ofDollars(50_000);
    public static final Money DEFAULT_MERGE_AT = Money.ofDollars(500_000);

    public ForkRules {
        if (forkThreshold == null || !forkThreshold.isPositive()) {
            throw new IllegalArgumentException("fork threshold must be above $0, was " + forkThreshold);
        }
        if (mergeAt == null || !mergeAt.isPositive()) {
            throw new IllegalArgumentException("merge amount must be above $0, was " + mergeAt);
        }
        EnumMap<SleeveKind, Percent> copy = new EnumMap<>(SleeveKind.class);
        copy.putAll(childTargets);
        int sum = 0;
        for (SleeveKind kind : SleeveKind.values()) {
            Percent p = copy.get(kind);
            if (p == null || p.basisPoints() < 0 || p.basisPoints() > 10_000) {
                throw new IllegalArgumentException("new account's " + kind.label() + " share must be between 0% and 100%, was " + p);
            }
            sum += p.basisPoints();
        }
        if (sum != 10_000) {
            throw new IllegalArgumentException("new account's shares must add up to 100%, they add up to " + Percent.ofBasisPoints(sum));
        }
        childTargets = java.util.Collections.unmodifiableMap(copy);
        if (cadence == null || mergeMode == null) {
            throw new IllegalArgumentException("cadence and merge mode are required");
        }
    }

    public static ForkRules defaults() {
        return new ForkRules(true, DEFAULT_FORK_THRESHOLD, Map.of(SleeveKind.GEN, Percent.of(50), SleeveKind.REV, Percent.ZERO,
                SleeveKind.COM, Percent.of(50)), DEFAULT_MERGE_AT, Cadence.WEEKLY, MergeMode.CLOSE_AT_MARKET);
    }

    public ForkRules withForkThreshold(Money threshold) {
        return new ForkRules(enabled, threshold, childTargets, mergeAt, cadence, mergeMode);
    }

    public ForkRules withMergeAt(Money amount) {
        return new ForkRules(enabled, forkThreshold, childTargets, amount, cadence, mergeMode);
    }

    public ForkRules withCadence(Cadence newCadence) {
        return new ForkRules(enabled, forkThreshold, childTargets, mergeAt, newCadence, mergeMode);
    }

    public ForkRules withMergeMode(MergeMode mode) {
        return new ForkRules(enabled, forkThreshold, childTargets, mergeAt, cadence, mode);
    }

    public ForkRules withEnabled(boolean on) {
        return new ForkRules(on, forkThreshold, childTargets, mergeAt, cadence, mergeMode);
    }
}
