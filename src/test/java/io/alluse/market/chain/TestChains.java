package io.alluse.market.chain;

import io.alluse.domain.Money;
import io.alluse.domain.Symbol;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Builds an {@link OptionChain} from quotes written out by hand, for tests of code that reads
 * chains (the strategies). The chain's constructor is package-private because production chains
 * come from the {@link MarketMaker}; test fixtures may need exact, hand-checked numbers instead.
 */
public final class TestChains {

    private TestChains() {
    }

    /** {@code calls} and {@code puts} must be aligned with {@code strikes} (same length, same order). */
    public static OptionChain of(Symbol symbol, LocalDate expiry, Instant at, double spot, List<Money> strikes,
                                 List<OptionQuote> calls, List<OptionQuote> puts) {
        if (calls.size() != strikes.size() || puts.size() != strikes.size()) {
            throw new IllegalArgumentException("calls and puts must have one quote per strike");
        }
        return new OptionChain(symbol, expiry, at, spot, 0.01, 0.04, 0.0, strikes, calls, puts);
    }
}
