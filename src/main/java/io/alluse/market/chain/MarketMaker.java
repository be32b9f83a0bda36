package io.alluse.market.chain;

import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Symbol;
import io.alluse.market.MarketDataException;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.pricing.BlackScholes;
import io.alluse.market.pricing.FastMath;
import io.alluse.market.pricing.Greeks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Quotes options the way a market maker in a paper market would: Black-Scholes-Merton value at
 * a volatility with a simple skew, and a bid and ask around it ({@link SpreadModel}). Immutable
 * and thread-safe.
 *
 * <p><b>Volatility skew.</b> A strike K is priced at
 * {@code sigma(K) = sigmaAtm * (1 - skew * ln(K / F))}, F the forward, bounded to
 * [0.5, 2] times sigmaAtm: puts below the money are dearer and calls above it cheaper, as in
 * equity markets. {@code skew = 0} is a flat smile.
 *
 * <p><b>Time.</b> An option expires at its expiry day's closing bell (13:00 on an early-close
 * day); time to expiry is counted in years of 365 calendar days, so weekends and nights decay it.
 *
 * <p><b>Strikes.</b> A chain lists the {@link StrikeGrid} strikes within about four standard
 * deviations of the spot (at least 10% and at most ~60% either way in log terms).
 */
public final class MarketMaker {

    private static final double SECONDS_PER_YEAR = Greeks.DAYS_PER_YEAR * 86_400.0;

    private final ExchangeCalendar calendar;
    private final double riskFreeRate;
    private final double skew;
    private final SpreadModel spreads;

    public MarketMaker(ExchangeCalendar calendar, double riskFreeRate, double skew, SpreadModel spreads) {
        if (!Double.isFinite(riskFreeRate) || Math.abs(riskFreeRate) > 0.5) {
            throw new IllegalArgumentException("risk-free rate must be a fraction per year within +-50%, was " + riskFreeRate);
        }
        if (!(skew >= 0 && skew <= 5)) {
            throw new IllegalArgumentException("skew must be between 0 (flat) and 5, was " + skew);
        }
        this.calendar = calendar;
        this.riskFreeRate = riskFreeRate;
        this.skew = skew;
        this.spreads = spreads;
    }

    public double riskFreeRate() {
        return riskFreeRate;
    }

    /** The closing bell of the expiry day, when the option stops trading and is settled. */
    public Instant expiryTime(LocalDate expiry) {
        Instant close = calendar.closeInstantOrNull(expiry);
        if (close == null) {
            throw new MarketDataException(expiry + " is not a trading day, so no option expires on it");
        }
        return close;
    }

    /** Years of 365 days from {@code at} to the expiry's closing bell; zero once it has passed. */
    public double yearsToExpiry(Instant at, LocalDate expiry) {
        double seconds = Duration.between(at, expiryTime(expiry)).toMillis() / 1000.0;
        return Math.max(0.0, seconds / SECONDS_PER_YEAR);
    }

    /** Volatility for {@code strike}, given the at-the-money volatility and the forward. */
    public double volatility(double atmVolatility, double strike, double forward) {
        double factor = 1.0 - skew * FastMath.log(strike / forward);
        return atmVolatility * Math.min(2.0, Math.max(0.5, factor));
    }

    /**
     * Every listed strike of {@code expiry}, quoted at {@code at}. The strikes are listed now; each
     * quote is priced when first read (see {@link OptionChain}), exactly as {@link #quote} would price it.
     */
    public OptionChain chain(Symbol symbol, LocalDate expiry, Instant at, double spot, double dividendYield,
                             double atmVolatility) {
        checkInputs(symbol, spot, dividendYield, atmVolatility);
        double years = yearsToExpiry(at, expiry);
        double width = Math.min(0.6, Math.max(0.10, 4.0 * atmVolatility * Math.sqrt(years)));
        long[] strikes = StrikeGrid.centsBetween(spot * FastMath.exp(-width), spot * FastMath.exp(width));
        return new OptionChain(symbol, expiry, at, spot, years, riskFreeRate, dividendYield, strikes,
                (right, strike) -> price(new OptionContract(symbol, expiry, right, strike), years, spot, dividendYield, atmVolatility));
    }

    /** One contract, listed strike or not (a position keeps its strike whatever the grid does). */
    public OptionQuote quote(OptionContract contract, Instant at, double spot, double dividendYield, double atmVolatility) {
        checkInputs(contract.underlying(), spot, dividendYield, atmVolatility);
        return price(contract, yearsToExpiry(at, contract.expiry()), spot, dividendYield, atmVolatility);
    }

    private OptionQuote price(OptionContract contract, double years, double spot, double dividendYield, double atmVol) {
        double strike = contract.strike().toDouble();
        double forward = spot * FastMath.exp((riskFreeRate - dividendYield) * years);
        double vol = volatility(atmVol, strike, forward);
        Greeks greeks = BlackScholes.greeks(contract.right(), spot, strike, years, vol, riskFreeRate, dividendYield);
        double stdDev = vol * Math.sqrt(years);
        double z = stdDev > 0 ? FastMath.log(strike / forward) / stdDev : 0.0;
        SpreadModel.Quote q = spreads.quote(greeks.value(), z);
        return new OptionQuote(contract, q.bid(), q.ask(), spot, vol, greeks);
    }

    private static void checkInputs(Symbol symbol, double spot, double dividendYield, double atmVolatility) {
        if (!(spot > 0) || !Double.isFinite(spot)) {
            throw new IllegalArgumentException(symbol + ": spot must be a positive price, was " + spot);
        }
        if (!(atmVolatility > 0) || !Double.isFinite(atmVolatility)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: volatility must be positive (0.25 = 25%%), was %s", symbol, atmVolatility));
        }
        if (!Double.isFinite(dividendYield)) {
            throw new IllegalArgumentException(symbol + ": dividend yield must be finite, was " + dividendYield);
        }
    }
}
