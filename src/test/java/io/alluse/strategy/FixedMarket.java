package io.alluse.strategy;

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
import io.alluse.market.chain.TestChains;
import io.alluse.market.pricing.Greeks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A market whose every quote is written out in the test: spots, listed expiries, and the option
 * quotes (bid, ask, delta) that a hand-checked scenario needs. A test fixture with explicit data,
 * not a mock: it answers exactly like a {@link MarketView}, including {@link MarketDataException}
 * for what it does not list. Strikes quoted only on one side get a placeholder on the other side
 * (bid 0, ask 0.01, delta NaN) that no delta band ever selects.
 */
final class FixedMarket implements MarketView {

    private final Instant now;
    private final Map<Symbol, Double> spots = new LinkedHashMap<>();
    private final Map<Symbol, TreeSet<LocalDate>> expiries = new HashMap<>();
    private final Map<Symbol, Map<LocalDate, TreeMap<Long, OptionQuote[]>>> quotes = new HashMap<>();
    private final Map<String, OptionChain> chains = new HashMap<>();

    FixedMarket(Instant now) {
        this.now = now;
    }

    FixedMarket spot(Symbol symbol, double price) {
        spots.put(symbol, price);
        expiries.computeIfAbsent(symbol, s -> new TreeSet<>());
        return this;
    }

    /** Lists an expiry (with no quotes unless some are added). */
    FixedMarket expiry(Symbol symbol, LocalDate expiry) {
        expiries.computeIfAbsent(symbol, s -> new TreeSet<>()).add(expiry);
        quotes.computeIfAbsent(symbol, s -> new HashMap<>()).computeIfAbsent(expiry, e -> new TreeMap<>());
        return this;
    }

    /** A put quote; strike, bid and ask in dollars as written ("395", "5.80"), delta signed as quoted (-0.45). */
    FixedMarket put(Symbol symbol, LocalDate expiry, String strike, String bid, String ask, double delta) {
        return quote(symbol, expiry, OptionRight.PUT, strike, bid, ask, delta);
    }

    FixedMarket call(Symbol symbol, LocalDate expiry, String strike, String bid, String ask, double delta) {
        return quote(symbol, expiry, OptionRight.CALL, strike, bid, ask, delta);
    }

    private FixedMarket quote(Symbol symbol, LocalDate expiry, OptionRight right, String strike, String bid, String ask, double delta) {
        expiry(symbol, expiry);
        chains.clear();
        Money k = Money.of(new BigDecimal(strike));
        Money b = Money.of(new BigDecimal(bid));
        Money a = Money.of(new BigDecimal(ask));
        OptionQuote q = new OptionQuote(new OptionContract(symbol, expiry, right, k), b, a, spots.getOrDefault(symbol, 0.0), 0.3,
                new Greeks((b.cents() + a.cents()) / 200.0, delta, 0, 0, 0, 0));
        OptionQuote[] pair = quotes.get(symbol).get(expiry).computeIfAbsent(k.cents(), c -> new OptionQuote[2]);
        pair[right == OptionRight.CALL ? 0 : 1] = q;
        return this;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public ExchangeCalendar calendar() {
        return ExchangeCalendar.nyse();
    }

    @Override
    public Set<Symbol> symbols() {
        return spots.keySet();
    }

    @Override
    public boolean isKnown(Symbol symbol) {
        return spots.containsKey(symbol);
    }

    @Override
    public String name() {
        return "fixed test market";
    }

    @Override
    public String describeKnown() {
        return spots.keySet().toString();
    }

    @Override
    public double spot(Symbol symbol) {
        Double s = spots.get(symbol);
        if (s == null) {
            throw new MarketDataException(symbol + " is not quoted by the fixed test market");
        }
        return s;
    }

    @Override
    public List<LocalDate> expiries(Symbol symbol) {
        spot(symbol);
        return List.copyOf(expiries.get(symbol));
    }

    @Override
    public synchronized OptionChain chain(Symbol symbol, LocalDate expiry) {
        spot(symbol);
        Map<LocalDate, TreeMap<Long, OptionQuote[]>> bySymbol = quotes.get(symbol);
        if (bySymbol == null || !bySymbol.containsKey(expiry)) {
            throw new MarketDataException(symbol + " has no options expiring " + expiry + " in the fixed test market");
        }
        return chains.computeIfAbsent(symbol + " " + expiry, k -> build(symbol, expiry, bySymbol.get(expiry)));
    }

    private OptionChain build(Symbol symbol, LocalDate expiry, TreeMap<Long, OptionQuote[]> rows) {
        List<Money> strikes = new ArrayList<>();
        List<OptionQuote> calls = new ArrayList<>();
        List<OptionQuote> puts = new ArrayList<>();
        for (Map.Entry<Long, OptionQuote[]> row : rows.entrySet()) {
            Money k = Money.ofCents(row.getKey());
            strikes.add(k);
            calls.add(row.getValue()[0] != null ? row.getValue()[0] : placeholder(symbol, expiry, OptionRight.CALL, k));
            puts.add(row.getValue()[1] != null ? row.getValue()[1] : placeholder(symbol, expiry, OptionRight.PUT, k));
        }
        return TestChains.of(symbol, expiry, now, spots.get(symbol), strikes, calls, puts);
    }

    private static OptionQuote placeholder(Symbol symbol, LocalDate expiry, OptionRight right, Money strike) {
        return new OptionQuote(new OptionContract(symbol, expiry, right, strike), Money.ZERO, Money.ofCents(1), 0, 0.3,
                new Greeks(0.005, Double.NaN, 0, 0, 0, 0));
    }

    @Override
    public OptionQuote quote(OptionContract contract) {
        return chain(contract.underlying(), contract.expiry()).quote(contract.right(), contract.strike())
                .orElseThrow(() -> new MarketDataException(contract + " is not quoted by the fixed test market"));
    }

    @Override
    public double riskFreeRate() {
        return 0.04;
    }

    @Override
    public double dividendYield(Symbol symbol) {
        return 0;
    }

    @Override
    public List<DailyClose> closes(Symbol symbol, LocalDate from, LocalDate to) {
        return List.of();
    }
}
