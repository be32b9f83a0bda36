package io.alluse.strategy;

import io.alluse.domain.SleeveKind;

/** The strategy each sleeve kind runs. The instances are stateless and shared. */
public final class Strategies {

    private static final SleeveStrategy WHEEL = new PutWheel();
    private static final SleeveStrategy SHARES_AND_CALLS = new SharesAndCalls();

    private Strategies() {
    }

    /** Gen-Acc and Rev-Acc: the cash-secured-put wheel; Com-Acc: shares and covered calls. */
    public static SleeveStrategy forKind(SleeveKind kind) {
        return switch (kind) {
            case GEN, REV -> WHEEL;
            case COM -> SHARES_AND_CALLS;
        };
    }
}
