package io.alluse.broker.alpaca;

import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerException.Kind;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Symbol;
import io.alluse.market.DailyClose;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import io.alluse.market.pricing.BlackScholes;
import io.alluse.market.pricing.Greeks;
import io.alluse.market.pricing.ImpliedVolatility;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market one Alpaca account's strategies read: option contracts from the trading API
 * ({@code GET /v2/options/contracts}), option quotes, implied volatilities and greeks from the market
 * data API ({@code GET /v1beta1/options/snapshots/{underlying}}) and stock prices
 * ({@code GET /v2/stocks/{symbol}/snapshot}), with that account's own keys.
 *
 * <p>Clock, exchange calendar, risk-free rate, dividend yields, symbol catalogue and closing-price
 * history come from the {@code reference} market (the app's); only what is priced comes from Alpaca.
 *
 * <p>Answers are cached per quote minute (contract listings per New York day), so every reader
 * within a minute sees the same chain and one cycle costs a handful of requests. Feeds: the
 * real-time ones (OPRA for options, SIP for stocks) are tried first; when Alpaca refuses them (403,
 * no subscription) the adapter falls back to the free ones (indicative, IEX) for the rest of the
 * session. A 403 on the free feeds means the keys may read no market data at all: that is a
 * {@link BrokerException} (the account goes into error), while a contract without a usable quote is
 * a {@link MarketDataException} (the strategy skips it and says so).
 *
 * <p>Where Alpaca sends no greeks (indicative feed, illiquid strikes) delta is computed with our
 * Black-Scholes from Alpaca's implied volatility, or from the volatility implied by the mid price.
 */
public final class AlpacaMarket implements MarketView {

    /** Alpaca's market data API, the same for paper and live accounts. */
    public static final URI DATA_BASE = URI.create("https://data.alpaca.markets");
    /** How far ahead contracts are listed: beyond the longest default DTE range (45 days) with room for custom ones. */
    static final int HORIZON_DAYS = 70;
    private static final int MAX_PAGES = 200;
    private static final Logger log = LoggerFactory.getLogger(AlpacaMarket.class);

    private final AlpacaHttp trading;
    private final AlpacaHttp data;
    private final MarketView reference;
    private volatile String optionFeed = "opra";
    private volatile String stockFeed = "sip";
    private volatile Cache minute = new Cache(Long.MIN_VALUE);
    private volatile Cache day = new Cache(Long.MIN_VALUE);

    /**
     * @param trading   the account's trading API settings (paper or live base URL)
     * @param dataBase  Alpaca's market data API ({@link #DATA_BASE}; a loopback server in tests)
     * @param reference the app's market, for the clock, calendar, rates and history
     */
    public static AlpacaMarket create(AlpacaSettings trading, URI dataBase, AlpacaCredentials credentials, MarketView reference) {
        HttpClient client = AlpacaHttp.defaultClient(trading);
        return new AlpacaMarket(trading, dataBase, credentials, reference, client, Thread::sleep);
    }

    AlpacaMarket(AlpacaSettings trading, URI dataBase, AlpacaCredentials credentials, MarketView reference, HttpClient client,
                 AlpacaHttp.Pause pause) {
        this.trading = new AlpacaHttp(trading, credentials, client, pause);
        AlpacaSettings dataSettings = new AlpacaSettings(trading.mode(), dataBase, trading.timeout(), trading.maxRetries(), trading.maxWait());
        this.data = new AlpacaHttp(dataSettings, credentials, client, pause);
        this.reference = reference;
    }

    /** The options feed in use: "opra", or "indicative" after Alpaca refused OPRA. */
    public String optionFeed() {
        return optionFeed;
    }

    // ---- from the reference market --------------------------------------------------------------

    @Override
    public Instant now() {
        return reference.now();
    }

    @Override
    public ExchangeCalendar calendar() {
        return reference.calendar();
    }

    @Override
    public Set<Symbol> symbols() {
        return reference.symbols();
    }

    @Override
    public boolean isKnown(Symbol symbol) {
        return reference.isKnown(symbol);
    }

    @Override
    public String name() {
        return "Alpaca market data";
    }

    @Override
    public String describeKnown() {
        return reference.describeKnown();
    }

    @Override
    public double riskFreeRate() {
        return reference.riskFreeRate();
    }

    @Override
    public double dividendYield(Symbol symbol) {
        try {
            return reference.dividendYield(symbol);
        } catch (MarketDataException unknown) {
            return 0.0;
        }
    }

    @Override
    public List<DailyClose> closes(Symbol symbol, LocalDate from, LocalDate to) {
        return reference.closes(symbol, from, to);
    }

    // ---- from Alpaca ------------------------------------------------------------------------------

    @Override
    public double spot(Symbol symbol) {
        return minuteCache().get("spot:" + symbol.value(), k -> stockPrice(symbol));
    }

    @Override
    public List<LocalDate> expiries(Symbol symbol) {
        Instant now = now();
        LocalDate today = ExchangeCalendar.dateOf(now);
        Instant todaysClose = calendar().closeInstantOrNull(today);
        boolean afterClose = todaysClose == null || !now.isBefore(todaysClose);
        return contracts(symbol).keySet().stream()
                .filter(d -> d.isAfter(today) || (d.equals(today) && !afterClose))
                .toList();
    }

    @Override
    public OptionChain chain(Symbol symbol, LocalDate expiry) {
        List<LocalDate> listed = expiries(symbol);
        if (!listed.contains(expiry)) {
            throw new MarketDataException("Alpaca lists no " + symbol + " options expiring " + expiry + " (listed: "
                    + (listed.isEmpty() ? "none" : listed.stream().limit(8).map(LocalDate::toString).reduce((a, b) -> a + ", " + b).orElse("")) + ")");
        }
        return minuteCache().get("chain:" + symbol.value() + ":" + expiry, k -> loadChain(symbol, expiry));
    }

    @Override
    public OptionQuote quote(OptionContract contract) {
        Instant now = now();
        Instant close = calendar().closeInstantOrNull(contract.expiry());
        if (close == null || !now.isBefore(close)) {
            throw new MarketDataException(contract.describe() + " has expired: no quote after " + contract.expiry() + "'s close");
        }
        try {
            Optional<OptionQuote> listed = chain(contract.underlying(), contract.expiry()).quote(contract.right(), contract.strike());
            if (listed.isPresent()) {
                return listed.get();
            }
        } catch (MarketDataException notInChain) {
            // a held contract whose expiry Alpaca no longer lists with quotes: ask for it alone
        }
        return minuteCache().get("quote:" + contract.code(), k -> loadQuote(contract));
    }

    // ---- loading ----------------------------------------------------------------------------------

    private double stockPrice(Symbol symbol) {
        String path = "/v2/stocks/" + URLEncoder.encode(symbol.value(), StandardCharsets.UTF_8) + "/snapshot";
        JsonObject snap = JsonObject.of(dataGet(path, Feed.STOCKS, symbol.value()), "the stock snapshot");
        try {
            Optional<Double> trade = snap.optObject("latestTrade").flatMap(t -> t.optDouble("p")).filter(p -> p > 0);
            if (trade.isPresent()) {
                return trade.get();
            }
            Optional<JsonObject> quote = snap.optObject("latestQuote");
            double bid = quote.flatMap(q -> q.optDouble("bp")).orElse(0.0);
            double ask = quote.flatMap(q -> q.optDouble("ap")).orElse(0.0);
            if (bid > 0 && ask >= bid) {
                return (bid + ask) / 2.0;
            }
            for (String bar : List.of("dailyBar", "prevDailyBar")) {
                Optional<Double> c = snap.optObject(bar).flatMap(b -> b.optDouble("c")).filter(p -> p > 0);
                if (c.isPresent()) {
                    return c.get();
                }
            }
        } catch (IllegalArgumentException e) {
            throw data.unreadable("GET", path, e);
        }
        throw new MarketDataException("Alpaca has no price for " + symbol + " (feed " + stockFeed + "): no trade, quote or daily bar.");
    }

    /** Contracts of one underlying from today to the horizon, by expiry ascending; read once per New York day. */
    private Map<LocalDate, List<OptionContract>> contracts(Symbol symbol) {
        LocalDate today = ExchangeCalendar.dateOf(now());
        Cache c = day;
        if (c.stamp != today.toEpochDay()) {
            c = new Cache(today.toEpochDay());
            day = c;
        }
        return c.get("contracts:" + symbol.value(), k -> loadContracts(symbol, today));
    }

    private Map<LocalDate, List<OptionContract>> loadContracts(Symbol symbol, LocalDate today) {
        String base = "/v2/options/contracts?underlying_symbols=" + URLEncoder.encode(symbol.value(), StandardCharsets.UTF_8)
                + "&status=active&expiration_date_gte=" + today + "&expiration_date_lte=" + today.plusDays(HORIZON_DAYS) + "&limit=10000";
        TreeMap<LocalDate, List<OptionContract>> out = new TreeMap<>();
        String token = null;
        Set<String> seen = new HashSet<>();
        for (int page = 0; ; page++) {
            String path = token == null ? base : base + "&page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            JsonObject body = JsonObject.of(trading.get(path), "the option contracts");
            try {
                for (JsonObject c : body.optList("option_contracts")) {
                    if (!c.optText("tradable").map(Boolean::parseBoolean).orElse(true)) {
                        continue;
                    }
                    LocalDate expiry = LocalDate.parse(c.text("expiration_date"));
                    OptionRight right = "call".equalsIgnoreCase(c.text("type")) ? OptionRight.CALL : OptionRight.PUT;
                    OptionContract contract = new OptionContract(symbol, expiry, right, c.money("strike_price"));
                    out.computeIfAbsent(expiry, d -> new ArrayList<>()).add(contract);
                }
                token = body.optText("next_page_token").filter(t -> !t.isBlank()).orElse(null);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw trading.unreadable("GET", "/v2/options/contracts", new IllegalArgumentException(e.getMessage(), e));
            }
            if (token == null) {
                break;
            }
            if (!seen.add(token) || page >= MAX_PAGES) {
                // a repeating token would loop for ever; a silently cut list would look like a small one
                throw new BrokerException(Kind.UNAVAILABLE, "Alpaca's option contract listing for " + symbol
                        + " did not end (page " + (page + 1) + "); the account retries later.");
            }
        }
        if (out.isEmpty()) {
            throw new BrokerException(Kind.NOT_FOUND, "Alpaca lists no tradable " + symbol + " options expiring by " + today.plusDays(HORIZON_DAYS)
                    + ". Check that " + symbol + " has listed options and that this account is approved for options trading, "
                    + "or remove " + symbol + " from the sleeve's symbols.");
        }
        out.replaceAll((d, list) -> List.copyOf(list));
        log.debug("Alpaca lists {} expiries of {} options", out.size(), symbol);
        return java.util.Collections.unmodifiableMap(out);
    }

    private OptionChain loadChain(Symbol symbol, LocalDate expiry) {
        List<OptionContract> contracts = contracts(symbol).getOrDefault(expiry, List.of());
        Map<String, JsonObject> snapshots = new java.util.HashMap<>();
        String base = "/v1beta1/options/snapshots/" + URLEncoder.encode(symbol.value(), StandardCharsets.UTF_8)
                + "?expiration_date=" + expiry + "&limit=1000";
        String token = null;
        Set<String> seen = new HashSet<>();
        for (int page = 0; ; page++) {
            String path = token == null ? base : base + "&page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            JsonObject body = JsonObject.of(dataGet(path, Feed.OPTIONS, symbol + " options"), "the option snapshots");
            try {
                body.optObject("snapshots").ifPresent(s -> s.fields().forEach((occ, snap) -> snapshots.put(occ, JsonObject.of(snap, occ))));
                token = body.optText("next_page_token").filter(t -> !t.isBlank()).orElse(null);
            } catch (IllegalArgumentException e) {
                throw data.unreadable("GET", base, e);
            }
            if (token == null) {
                break;
            }
            if (!seen.add(token) || page >= MAX_PAGES) {
                throw new BrokerException(Kind.UNAVAILABLE, "Alpaca's option snapshots for " + symbol + " " + expiry
                        + " did not end (page " + (page + 1) + "); the account retries later.");
            }
        }
        Instant now = now();
        double spot = spot(symbol);
        double years = years(now, expiry);
        TreeMap<Long, OptionQuote[]> byStrike = new TreeMap<>();
        for (OptionContract c : contracts) {
            JsonObject snap = snapshots.get(AlpacaSymbols.of(c));
            OptionQuote q = snap == null ? null : toQuote(c, snap, spot, years);
            if (q != null) {
                byStrike.computeIfAbsent(c.strike().cents(), k -> new OptionQuote[2])[c.right() == OptionRight.CALL ? 0 : 1] = q;
            }
        }
        List<OptionQuote> calls = new ArrayList<>();
        List<OptionQuote> puts = new ArrayList<>();
        byStrike.values().stream().filter(pair -> pair[0] != null && pair[1] != null).forEach(pair -> {
            calls.add(pair[0]);
            puts.add(pair[1]);
        });
        if (calls.isEmpty()) {
            throw new MarketDataException("Alpaca has no usable quotes for " + symbol + " options expiring " + expiry + " (feed " + optionFeed
                    + ", " + contracts.size() + " contracts listed, " + snapshots.size() + " snapshots): no strike has a bid and an ask above it.");
        }
        return OptionChain.of(symbol, expiry, now, spot, years, riskFreeRate(), dividendYield(symbol), calls, puts);
    }

    private OptionQuote loadQuote(OptionContract contract) {
        String occ = AlpacaSymbols.of(contract);
        JsonObject body = JsonObject.of(dataGet("/v1beta1/options/snapshots?symbols=" + occ, Feed.OPTIONS, occ), "the option snapshots");
        JsonObject snap = body.optObject("snapshots").flatMap(s -> s.optObject(occ)).orElse(null);
        OptionQuote q = snap == null ? null : toQuote(contract, snap, spot(contract.underlying()), years(now(), contract.expiry()));
        if (q == null) {
            throw new MarketDataException("Alpaca has no usable quote for " + contract.describe() + " (feed " + optionFeed + ").");
        }
        return q;
    }

    /** A two-sided quote with greeks, or null when Alpaca has none (no bid/ask, crossed, no volatility fits). */
    OptionQuote toQuote(OptionContract c, JsonObject snap, double spot, double years) {
        Optional<JsonObject> latest = snap.optObject("latestQuote");
        Optional<Double> bp = latest.flatMap(q -> q.optDouble("bp"));
        Optional<Double> ap = latest.flatMap(q -> q.optDouble("ap"));
        if (bp.isEmpty() || ap.isEmpty() || !(spot > 0)) {
            return null;
        }
        Money bid = Money.roundedFrom(bp.get());
        Money ask = Money.roundedFrom(ap.get());
        if (bid.isNegative() || !ask.isGreaterThan(bid)) {
            return null;
        }
        double strike = c.strike().cents() / 100.0;
        double rate = riskFreeRate();
        double yield = dividendYield(c.underlying());
        double iv = snap.optDouble("impliedVolatility").filter(v -> v > 0 && Double.isFinite(v)).orElse(Double.NaN);
        if (Double.isNaN(iv)) {
            double mid = (bid.cents() + ask.cents()) / 200.0;
            try {
                iv = ImpliedVolatility.solve(c.right(), mid, spot, strike, years, rate, yield);
            } catch (RuntimeException noVolatilityFits) {
                // e.g. a mid below intrinsic value: the quote is stale against the spot; leave the strike out
                log.debug("No implied volatility for {} at mid {}: {}", c, mid, noVolatilityFits.getMessage());
                return null;
            }
        }
        Greeks model = BlackScholes.greeks(c.right(), spot, strike, years, iv, rate, yield);
        Optional<Double> delta = snap.optObject("greeks").flatMap(g -> g.optDouble("delta")).filter(Double::isFinite);
        Greeks greeks = delta.isEmpty() ? model
                : new Greeks(model.value(), delta.get(), model.gamma(), model.theta(), model.vega(), model.rho());
        return new OptionQuote(c, bid, ask, spot, iv, greeks);
    }

    private double years(Instant now, LocalDate expiry) {
        Instant close = calendar().closeInstantOrNull(expiry);
        if (close == null) {
            throw new MarketDataException(expiry + " is not a trading day, so no option expires on it");
        }
        return Math.max(0.0, Duration.between(now, close).toMillis() / 1000.0 / (365.0 * 86_400.0));
    }

    private enum Feed {
        OPTIONS, STOCKS
    }

    /**
     * A market data GET with the feed in use, falling back to the free feed once when Alpaca refuses
     * the real-time one. 403 on the free feed: no market data for these keys at all.
     */
    private Object dataGet(String path, Feed feed, String what) {
        while (true) {
            String current = feed == Feed.OPTIONS ? optionFeed : stockFeed;
            String withFeed = path + (path.contains("?") ? "&" : "?") + "feed=" + current;
            try {
                return data.get(withFeed);
            } catch (AlpacaRefusal e) {
                if (e.status() == 403 && feed == Feed.OPTIONS && current.equals("opra")) {
                    log.info("Alpaca refused the OPRA options feed for these keys; using the indicative feed (15 minutes delayed)");
                    optionFeed = "indicative";
                    continue;
                }
                if (e.status() == 403 && feed == Feed.STOCKS && current.equals("sip")) {
                    log.info("Alpaca refused the SIP stock feed for these keys; using the IEX feed");
                    stockFeed = "iex";
                    continue;
                }
                if (e.status() == 403) {
                    throw new BrokerException(Kind.AUTHENTICATION, "Alpaca refuses market data for " + what + " to these keys (403, feed " + current
                            + "): " + e.getMessage() + " Options quotes need an account approved for options trading and market data access "
                            + "for its API keys (see docs/brokers.md, 'Market data'). Only this account is affected.", e);
                }
                if (e.status() == 404 || e.status() == 422) {
                    throw new MarketDataException("Alpaca has no market data for " + what + " (" + e.status() + "): " + e.getMessage());
                }
                throw e;
            }
        }
    }

    private Cache minuteCache() {
        long stamp = now().getEpochSecond() / 60;
        Cache c = minute;
        if (c.stamp != stamp) {
            c = new Cache(stamp);
            minute = c;
        }
        return c;
    }

    /** Answers of one quote minute (or day); a new stamp starts an empty cache and the old one is dropped. */
    private static final class Cache {
        final long stamp;
        private final Map<String, Object> entries = new ConcurrentHashMap<>();

        Cache(long stamp) {
            this.stamp = stamp;
        }

        @SuppressWarnings("unchecked")
        <T> T get(String key, Function<String, T> load) {
            Object v = entries.get(key);
            if (v == null) {
                // not computeIfAbsent: loading a chain reads the spot through this same cache
                v = load.apply(key);
                entries.put(key, v);
            }
            return (T) v;
        }
    }

    @Override
    public String toString() {
        return "AlpacaMarket[" + optionFeed + "]";
    }
}
