package io.alluse.market.sim;

import io.alluse.domain.Symbol;
import io.alluse.market.chain.SpreadModel;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything that determines a simulated market. Two markets with equal settings quote equal
 * prices at equal moments, whatever else happens.
 *
 * @param seed              the random seed
 * @param startDate         the date whose close is each profile's start price (the trading day
 *                          on or before it, if it does not trade)
 * @param riskFreeRate      continuously compounded, per year (0.04 = 4%)
 * @param skew              volatility skew of option quotes; see {@link io.alluse.market.chain.MarketMaker}
 * @param quoteInterval     prices move in steps of this much market time (every account asking
 *                          within one step sees the same quotes)
 * @param spreads           bid/ask widths
 * @param profiles          the symbols and how they behave
 * @param chainCacheSize    how many option chains to keep for reuse
 */
public record SimulationSettings(long seed, LocalDate startDate, double riskFreeRate, double skew,
                                 Duration quoteInterval, SpreadModel spreads, List<SymbolProfile> profiles,
                                 int chainCacheSize) {

    public static final double DEFAULT_RATE = 0.04;
    public static final double DEFAULT_SKEW = 1.0;
    public static final Duration DEFAULT_QUOTE_INTERVAL = Duration.ofMinutes(1);
    public static final int DEFAULT_CHAIN_CACHE_SIZE = 256;

    public SimulationSettings {
        if (startDate == null || quoteInterval == null || spreads == null || profiles == null) {
            throw new IllegalArgumentException("start date, quote interval, spreads and profiles are required");
        }
        profiles = List.copyOf(profiles);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("the simulated market needs at least one symbol");
        }
        Set<Symbol> seen = new HashSet<>();
        for (SymbolProfile p : profiles) {
            if (!seen.add(p.symbol())) {
                throw new IllegalArgumentException("symbol " + p.symbol() + " is listed twice");
            }
        }
        if (quoteInterval.compareTo(Duration.ofSeconds(1)) < 0 || quoteInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("quote interval must be between 1 second and 1 hour, was " + quoteInterval);
        }
        if (chainCacheSize < 1) {
            throw new IllegalArgumentException("chain cache size must be at least 1, was " + chainCacheSize);
        }
    }

    /** The default universe, 4% rate, skew 1, one-minute quotes. */
    public static SimulationSettings defaults(long seed, LocalDate startDate) {
        return new SimulationSettings(seed, startDate, DEFAULT_RATE, DEFAULT_SKEW, DEFAULT_QUOTE_INTERVAL,
                SpreadModel.DEFAULT, SymbolProfile.defaults(), DEFAULT_CHAIN_CACHE_SIZE);
    }

    public SimulationSettings withProfiles(List<SymbolProfile> newProfiles) {
        return new SimulationSettings(seed, startDate, riskFreeRate, skew, quoteInterval, spreads, newProfiles, chainCacheSize);
    }

    public SimulationSettings withRiskFreeRate(double rate) {
        return new SimulationSettings(seed, startDate, rate, skew, quoteInterval, spreads, profiles, chainCacheSize);
    }

    public SimulationSettings withQuoteInterval(Duration interval) {
        return new SimulationSettings(seed, startDate, riskFreeRate, skew, interval, spreads, profiles, chainCacheSize);
    }

    public SimulationSettings withChainCacheSize(int size) {
        return new SimulationSettings(seed, startDate, riskFreeRate, skew, quoteInterval, spreads, profiles, size);
    }
}
