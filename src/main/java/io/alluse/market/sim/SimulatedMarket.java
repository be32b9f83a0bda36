package io.alluse.market.sim;

import io.alluse.domain.OptionContract;
import io.alluse.domain.Symbol;
import io.alluse.market.DailyClose;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.chain.ChainCache;
import io.alluse.market.chain.ExpirySchedule;
import io.alluse.market.chain.MarketMaker;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import io.alluse.market.clock.MarketClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The paper market: seeded geometric Brownian motion per symbol ({@link PricePath}) and
 * Black-Scholes option chains ({@link MarketMaker}), driven by a {@link MarketClock}.
 *
 * <p>Every price is a pure function of (settings, symbol, moment): a thousand accounts asking on
 * many threads in any order see exactly the prices a single thread would, and the same seed
 * replays the same market. The market's moment is the clock's time rounded down to the quote
 * interval; chains are built once per (symbol, expiry, moment) and shared. Nothing is kept per
 * simulated day, so memory does not grow however long the simulation runs.
 */
public final class SimulatedMarket implements MarketView {

    private final MarketClock clock;
    private final SimulationSettings settings;
    private final ExchangeCalendar calendar = ExchangeCalendar.nyse();
    private final Map<Symbol, SymbolProfile> profiles;
    private final Map<Symbol, PricePath> paths;
    private final MarketMaker maker;
    private final ExpirySchedule schedule;
    private final ChainCache chains;
    private final long quoteMillis;
    private final String known;
    /**
     * The last price asked for per symbol and the last day's listing: every account in a quote
     * minute asks for the same ones, and re-deriving them (an intraday bridge; a listing from the
     * calendar) was most of a strategy's time. Each is an immutable pair swapped whole, so readers
     * on any thread see a matching key and value; a miss just recomputes the pure function.
     */
    private final Map<Symbol, SpotMemo[]> spotMemos;
    private volatile Listing listing;

    private record SpotMemo(long epochMilli, double price) {
    }

    private record Listing(LocalDate day, List<LocalDate> expiries) {
    }

    public SimulatedMarket(MarketClock clock, SimulationSettings settings) {
        this.clock = clock;
        this.settings = settings;
        Map<Symbol, SymbolProfile> byName = new LinkedHashMap<>();
        Map<Symbol, PricePath> pathByName = new LinkedHashMap<>();
        for (SymbolProfile p : settings.profiles()) {
            byName.put(p.symbol(), p);
            pathByName.put(p.symbol(), new PricePath(settings.seed(), p, settings.startDate(), calendar));
        }
        this.profiles = Map.copyOf(byName);
        this.paths = Map.copyOf(pathByName);
        Map<Symbol, SpotMemo[]> memos = new LinkedHashMap<>();
        for (Symbol symbol : pathByName.keySet()) {
            memos.put(symbol, new SpotMemo[1]);
        }
        this.spotMemos = Map.copyOf(memos);
        this.maker = new MarketMaker(calendar, settings.riskFreeRate(), settings.skew(), settings.spreads());
        this.schedule = new ExpirySchedule(calendar);
        this.chains = new ChainCache(settings.chainCacheSize());
        this.quoteMillis = settings.quoteInterval().toMillis();
        this.known = profiles.keySet().stream().sorted().map(Symbol::value).collect(Collectors.joining(", "));
    }

    /** The default universe and parameters, starting at the clock's current New York date. */
    public static SimulatedMarket withDefaults(MarketClock clock, long seed) {
        return new SimulatedMarket(clock, SimulationSettings.defaults(seed, clock.todayInNewYork()));
    }

    public SimulationSettings settings() {
        return settings;
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    /** The moment prices are quoted for: now, rounded down to the quote interval. */
    public Instant quoteTime() {
        long millis = clock.now().toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(millis, quoteMillis) * quoteMillis);
    }

    @Override
    public ExchangeCalendar calendar() {
        return calendar;
    }

    @Override
    public Set<Symbol> symbols() {
        return profiles.keySet();
    }

    @Override
    public boolean isKnown(Symbol symbol) {
        return profiles.containsKey(symbol);
    }

    @Override
    public String name() {
        return "paper market";
    }

    @Override
    public String describeKnown() {
        return known;
    }

    @Override
    public double spot(Symbol symbol) {
        return spotAt(symbol, quoteTime());
    }

    /** The price at any moment, past or future: the pure function behind every quote. */
    public double spotAt(Symbol symbol, Instant instant) {
        PricePath path = path(symbol);
        SpotMemo[] slot = spotMemos.get(symbol);
        long millis = instant.toEpochMilli();
        SpotMemo memo = (SpotMemo) SPOT_SLOT.getAcquire(slot, 0);
        if (memo != null && memo.epochMilli() == millis) {
            return memo.price();
        }
        double price = path.priceAt(instant);
        SPOT_SLOT.setRelease(slot, 0, new SpotMemo(millis, price));
        return price;
    }

    private static final java.lang.invoke.VarHandle SPOT_SLOT = java.lang.invoke.MethodHandles.arrayElementVarHandle(SpotMemo[].class);

    /** The close of any trading day, past or future (the last close before it on a closed day). */
    public double closeOn(Symbol symbol, LocalDate date) {
        return path(symbol).closeOn(date);
    }

    @Override
    public List<LocalDate> expiries(Symbol symbol) {
        profile(symbol);
        return expiries(symbol, quoteTime());
    }

    private List<LocalDate> expiries(Symbol symbol, Instant at) {
        LocalDate today = ExchangeCalendar.dateOf(at);
        Listing l = listing;
        if (l == null || !l.day().equals(today)) {
            l = new Listing(today, schedule.listed(today));
            listing = l;
        }
        List<LocalDate> listed = l.expiries();
        // Today's expiry is gone once its closing bell has rung (listed ascends, so it is the first).
        if (!listed.isEmpty() && listed.getFirst().equals(today) && !at.isBefore(maker.expiryTime(today))) {
            return listed.subList(1, listed.size());
        }
        return listed;
    }

    @Override
    public OptionChain chain(Symbol symbol, LocalDate expiry) {
        SymbolProfile profile = profile(symbol);
        Instant at = quoteTime();
        // The listing check runs only when a chain is built: a failed build is not cached, so a
        // cache hit is always a listed expiry and the thousand accounts after the first skip it.
        return chains.get(new ChainCache.Key(symbol, expiry, at), () -> {
            LocalDate today = ExchangeCalendar.dateOf(at);
            if (!expiries(symbol, at).contains(expiry)) {
                throw new MarketDataException(symbol + " has no options expiring " + expiry + " listed on " + today
                        + "; listed: " + expiries(symbol, at));
            }
            return maker.chain(symbol, expiry, at, spotAt(symbol, at), profile.dividendYield(), profile.volatility());
        });
    }

    @Override
    public OptionQuote quote(OptionContract contract) {
        SymbolProfile profile = profile(contract.underlying());
        Instant at = quoteTime();
        if (at.isAfter(maker.expiryTime(contract.expiry()))) {
            throw new MarketDataException(contract + " expired at the close of " + contract.expiry());
        }
        return maker.quote(contract, at, spotAt(contract.underlying(), at), profile.dividendYield(), profile.volatility());
    }

    @Override
    public double riskFreeRate() {
        return settings.riskFreeRate();
    }

    @Override
    public double dividendYield(Symbol symbol) {
        return profile(symbol).dividendYield();
    }

    @Override
    public List<DailyClose> closes(Symbol symbol, LocalDate from, LocalDate to) {
        PricePath path = path(symbol);
        Instant at = quoteTime();
        List<DailyClose> closes = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            var session = calendar.session(d);
            if (session.isPresent() && !session.get().closeInstant().isAfter(at)) {
                closes.add(new DailyClose(d, path.closeOn(d)));
            }
        }
        return closes;
    }

    /** Option chains built so far (for tests and benchmarks of the sharing). */
    int chainsBuilt() {
        return chains.builds();
    }

    int chainsCached() {
        return chains.size();
    }

    private SymbolProfile profile(Symbol symbol) {
        SymbolProfile p = profiles.get(symbol);
        if (p == null) {
            throw new MarketDataException(symbol + " is not quoted by the paper market; it quotes " + known);
        }
        return p;
    }

    private PricePath path(Symbol symbol) {
        profile(symbol);
        return paths.get(symbol);
    }

    @Override
    public String toString() {
        return "paper market (seed " + settings.seed() + ", " + profiles.size() + " symbols, " + clock + ")";
    }
}
