package io.alluse.market.history;

import io.alluse.domain.OptionContract;
import io.alluse.domain.Symbol;
import io.alluse.market.DailyClose;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.calendar.Session;
import io.alluse.market.chain.ChainCache;
import io.alluse.market.chain.ExpirySchedule;
import io.alluse.market.chain.MarketMaker;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import io.alluse.market.chain.SpreadModel;
import io.alluse.market.clock.MarketClock;
import io.alluse.market.pricing.FastMath;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A replay of imported daily prices as the market, driven by a (usually simulated) clock.
 *
 * <ul>
 *   <li><b>Prices</b> are adjusted for splits and dividends (each day's traded prices times
 *       {@code Adj Close / Close}), so a split does not look like a crash. Dividends are then
 *       already in the price path, so options are priced with a dividend yield of zero.</li>
 *   <li><b>Intraday</b>, the price runs in a straight line from the day's open at 09:30 to its close
 *       at the closing bell; before the open it is the previous close, after the close the close.
 *       On a day without a row (holiday, gap in the file) it is the last close before.</li>
 *   <li><b>Implied volatility</b> of every strike is the realised volatility of the last
 *       {@value #VOLATILITY_WINDOW} daily log returns of adjusted closes before the current day
 *       (no look-ahead), annualised with 252 days, bounded to 5%-300%, with the
 *       {@link MarketMaker} skew on top. With fewer than {@value #MIN_RETURNS} returns yet, a
 *       placeholder of {@value #PLACEHOLDER_VOLATILITY} is used.</li>
 *   <li>Outside the data (before the first row, or after the last row's day) every question
 *       throws {@link MarketDataException} naming the range the files cover.</li>
 * </ul>
 */
public final class HistoricalMarket implements MarketView {

    public static final int VOLATILITY_WINDOW = 20;
    public static final int MIN_RETURNS = 5;
    public static final double PLACEHOLDER_VOLATILITY = 0.30;
    private static final long QUOTE_MILLIS = 60_000;

    /** One symbol's adjusted series, in arrays for quick lookups by date. */
    private static final class Series {
        final long[] epochDays;
        final double[] open;
        final double[] close;
        final double[] volatilityBefore;

        Series(PriceHistory history) {
            List<DailyBar> bars = history.bars();
            int n = bars.size();
            epochDays = new long[n];
            open = new double[n];
            close = new double[n];
            for (int i = 0; i < n; i++) {
                DailyBar b = bars.get(i);
                epochDays[i] = b.date().toEpochDay();
                open[i] = b.open() * b.adjustment();
                close[i] = b.adjClose();
            }
            volatilityBefore = new double[n];
            for (int i = 0; i < n; i++) {
                volatilityBefore[i] = realisedVolatility(close, i);
            }
        }

        /** Index of the last row on or before {@code date}, or -1. */
        int onOrBefore(LocalDate date) {
            int i = Arrays.binarySearch(epochDays, date.toEpochDay());
            return i >= 0 ? i : -i - 2;
        }
    }

    private final MarketClock clock;
    private final ExchangeCalendar calendar = ExchangeCalendar.nyse();
    private final Map<Symbol, PriceHistory> histories;
    private final Map<Symbol, Series> series;
    private final MarketMaker maker;
    private final ExpirySchedule schedule;
    private final ChainCache chains = new ChainCache(256);
    private final String known;

    /** A 4% rate, skew 1 and the default spreads, as in the simulated market. */
    public HistoricalMarket(MarketClock clock, Collection<PriceHistory> histories) {
        this(clock, histories, 0.04, 1.0, SpreadModel.DEFAULT);
    }

    public HistoricalMarket(MarketClock clock, Collection<PriceHistory> histories, double riskFreeRate, double skew,
                            SpreadModel spreads) {
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("a replay needs at least one imported price history");
        }
        this.clock = clock;
        Map<Symbol, PriceHistory> byName = new LinkedHashMap<>();
        Map<Symbol, Series> seriesByName = new LinkedHashMap<>();
        for (PriceHistory h : histories) {
            if (byName.putIfAbsent(h.symbol(), h) != null) {
                throw new IllegalArgumentException("two price histories for " + h.symbol());
            }
            seriesByName.put(h.symbol(), new Series(h));
        }
        this.histories = Map.copyOf(byName);
        this.series = Map.copyOf(seriesByName);
        this.maker = new MarketMaker(calendar, riskFreeRate, skew, spreads);
        this.schedule = new ExpirySchedule(calendar);
        this.known = byName.keySet().stream().sorted().map(Symbol::value).collect(Collectors.joining(", "));
    }

    /** Realised volatility of the log returns of {@code closes} in the window ending just before index {@code day}. */
    static double realisedVolatility(double[] closes, int day) {
        int last = day - 1;
        int first = Math.max(1, day - VOLATILITY_WINDOW);
        int count = last - first + 1;
        if (count < MIN_RETURNS) {
            return PLACEHOLDER_VOLATILITY;
        }
        double sum = 0;
        double sumSq = 0;
        for (int i = first; i <= last; i++) {
            double r = FastMath.log(closes[i] / closes[i - 1]);
            sum += r;
            sumSq += r * r;
        }
        double mean = sum / count;
        double variance = (sumSq - count * mean * mean) / (count - 1);
        return Math.min(3.0, Math.max(0.05, Math.sqrt(Math.max(0.0, variance) * 252.0)));
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    /** The moment quotes are for: now, rounded down to the minute. */
    public Instant quoteTime() {
        return Instant.ofEpochMilli(Math.floorDiv(clock.now().toEpochMilli(), QUOTE_MILLIS) * QUOTE_MILLIS);
    }

    @Override
    public ExchangeCalendar calendar() {
        return calendar;
    }

    @Override
    public Set<Symbol> symbols() {
        return histories.keySet();
    }

    @Override
    public boolean isKnown(Symbol symbol) {
        return histories.containsKey(symbol);
    }

    @Override
    public String name() {
        return "history replay";
    }

    @Override
    public String describeKnown() {
        return known;
    }

    /** The imported history of {@code symbol}. */
    public PriceHistory history(Symbol symbol) {
        series(symbol);
        return histories.get(symbol);
    }

    @Override
    public double spot(Symbol symbol) {
        return spotAt(symbol, quoteTime());
    }

    /** The replayed price at {@code instant}. */
    public double spotAt(Symbol symbol, Instant instant) {
        Series s = series(symbol);
        LocalDate date = ExchangeCalendar.dateOf(instant);
        int i = rowFor(symbol, s, date);
        if (s.epochDays[i] != date.toEpochDay()) {
            return s.close[i];
        }
        Session session = calendar.session(date).orElse(null);
        if (session == null) {
            return s.close[i];
        }
        if (instant.isBefore(session.openInstant())) {
            if (i == 0) {
                throw outside(symbol, date);
            }
            return s.close[i - 1];
        }
        if (!instant.isBefore(session.closeInstant())) {
            return s.close[i];
        }
        double fraction = (double) (instant.toEpochMilli() - session.openInstant().toEpochMilli())
                / (session.closeInstant().toEpochMilli() - session.openInstant().toEpochMilli());
        return s.open[i] + fraction * (s.close[i] - s.open[i]);
    }

    /** The volatility options are priced at on {@code date}: realised over the window before it. */
    public double volatilityOn(Symbol symbol, LocalDate date) {
        Series s = series(symbol);
        int i = rowFor(symbol, s, date);
        // On a day with its own row, the window ends the day before; on a day without, it ends at the last row.
        return s.epochDays[i] == date.toEpochDay() ? s.volatilityBefore[i] : realisedVolatility(s.close, i + 1);
    }

    @Override
    public List<LocalDate> expiries(Symbol symbol) {
        series(symbol);
        return expiries(quoteTime());
    }

    private List<LocalDate> expiries(Instant at) {
        LocalDate today = ExchangeCalendar.dateOf(at);
        List<LocalDate> listed = new ArrayList<>(schedule.listed(today));
        listed.removeIf(d -> d.equals(today) && !at.isBefore(maker.expiryTime(d)));
        return List.copyOf(listed);
    }

    @Override
    public OptionChain chain(Symbol symbol, LocalDate expiry) {
        series(symbol);
        Instant at = quoteTime();
        return chains.get(new ChainCache.Key(symbol, expiry, at), () -> {
            if (!expiries(at).contains(expiry)) {
                throw new MarketDataException(symbol + " has no options expiring " + expiry + " listed on "
                        + ExchangeCalendar.dateOf(at) + "; listed: " + expiries(at));
            }
            return maker.chain(symbol, expiry, at, spotAt(symbol, at), 0.0, volatilityOn(symbol, ExchangeCalendar.dateOf(at)));
        });
    }

    @Override
    public OptionQuote quote(OptionContract contract) {
        Symbol symbol = contract.underlying();
        series(symbol);
        Instant at = quoteTime();
        if (at.isAfter(maker.expiryTime(contract.expiry()))) {
            throw new MarketDataException(contract + " expired at the close of " + contract.expiry());
        }
        return maker.quote(contract, at, spotAt(symbol, at), 0.0, volatilityOn(symbol, ExchangeCalendar.dateOf(at)));
    }

    @Override
    public double riskFreeRate() {
        return maker.riskFreeRate();
    }

    /** Zero: the adjusted prices already carry the dividends. */
    @Override
    public double dividendYield(Symbol symbol) {
        series(symbol);
        return 0.0;
    }

    @Override
    public List<DailyClose> closes(Symbol symbol, LocalDate from, LocalDate to) {
        Series s = series(symbol);
        Instant at = quoteTime();
        List<DailyClose> closes = new ArrayList<>();
        int start = Math.max(0, s.onOrBefore(from.minusDays(1)) + 1);
        for (int i = start; i < s.epochDays.length && s.epochDays[i] <= to.toEpochDay(); i++) {
            LocalDate date = LocalDate.ofEpochDay(s.epochDays[i]);
            Instant closeTime = calendar.session(date).map(Session::closeInstant)
                    .orElse(date.atTime(ExchangeCalendar.CLOSE).atZone(ExchangeCalendar.NEW_YORK).toInstant());
            if (closeTime.isAfter(at)) {
                break;
            }
            closes.add(new DailyClose(date, s.close[i]));
        }
        return closes;
    }

    private int rowFor(Symbol symbol, Series s, LocalDate date) {
        int i = s.onOrBefore(date);
        if (i < 0 || date.toEpochDay() > s.epochDays[s.epochDays.length - 1]) {
            throw outside(symbol, date);
        }
        return i;
    }

    private MarketDataException outside(Symbol symbol, LocalDate date) {
        PriceHistory h = histories.get(symbol);
        return new MarketDataException("the imported " + symbol + " history covers " + h.firstDate() + " to "
                + h.lastDate() + "; the replay is at " + date);
    }

    private Series series(Symbol symbol) {
        Series s = series.get(symbol);
        if (s == null) {
            throw new MarketDataException(symbol + " is not in the imported histories; they cover " + known);
        }
        return s;
    }

    @Override
    public String toString() {
        return "history replay of " + known + " (" + clock + ")";
    }
}
