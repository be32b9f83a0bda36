package io.alluse.market.sim;

import io.alluse.domain.Symbol;

import java.util.List;

/**
 * How one symbol behaves in the simulated market.
 *
 * @param symbol        the ticker
 * @param price         closing price on the simulation's start date, dollars
 * @param volatility    annualised volatility of the price path, and the at-the-money implied
 *                      volatility its options are priced at (0.30 = 30%)
 * @param dividendYield continuous dividend yield per year (0.005 = 0.5%), used to price options
 * @param drift         expected growth of the price per year (0.07 = 7%), before dividends
 */
public record SymbolProfile(Symbol symbol, double price, double volatility, double dividendYield, double drift) {

    public SymbolProfile {
        if (symbol == null) {
            throw new IllegalArgumentException("a symbol profile needs a symbol");
        }
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException(symbol + ": start price must be a positive number of dollars, was " + price);
        }
        if (!(volatility > 0 && volatility <= 3)) {
            throw new IllegalArgumentException(symbol + ": volatility must be above 0 and at most 3 (300%), was " + volatility);
        }
        if (!(dividendYield >= 0 && dividendYield <= 0.2)) {
            throw new IllegalArgumentException(symbol + ": dividend yield must be between 0 and 0.2 (20%), was " + dividendYield);
        }
        if (!(Math.abs(drift) <= 1)) {
            throw new IllegalArgumentException(symbol + ": drift must be between -1 and 1 (+-100% a year), was " + drift);
        }
    }

    public static SymbolProfile of(String ticker, double price, double volatility, double dividendYield, double drift) {
        return new SymbolProfile(new Symbol(ticker), price, volatility, dividendYield, drift);
    }

    /**
     * The default universe: the ALL-USE sleeves' symbols (TSLA, NVDA, AAPL, AMZN, MSFT), the SPY
     * benchmark, and other liquid optionable names. Prices are round figures near their late-2025
     * levels; volatilities are typical one-month implied volatilities of those names; yields are
     * their approximate dividend yields. A 7% price drift for stocks and 6-8% for the index funds.
     */
    public static List<SymbolProfile> defaults() {
        return List.of(
                of("TSLA", 400, 0.55, 0.0, 0.08),
                of("NVDA", 180, 0.45, 0.0002, 0.08),
                of("AAPL", 230, 0.25, 0.0045, 0.07),
                of("AMZN", 220, 0.32, 0.0, 0.07),
                of("MSFT", 500, 0.24, 0.0070, 0.07),
                of("SPY", 650, 0.15, 0.0120, 0.06),
                of("QQQ", 580, 0.20, 0.0050, 0.07),
                of("IWM", 240, 0.22, 0.0110, 0.06),
                of("GOOGL", 250, 0.30, 0.0035, 0.07),
                of("META", 700, 0.35, 0.0030, 0.07),
                of("AMD", 160, 0.50, 0.0, 0.08));
    }
}
