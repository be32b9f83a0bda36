package io.alluse.bench;

import io.alluse.domain.OptionContract;
import io.alluse.domain.Symbol;
import io.alluse.market.DailyClose;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import io.alluse.market.sim.SimulatedMarket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated market with {@code expiries} and {@code spot} remembered per symbol and quote
 * minute, the way it already shares chains. Both are pure functions of (symbol, quote moment), so
 * the answers are the same; only the cost of asking again changes. Bench code: it shows how much of
 * a decision is the strategy and how much is the market re-deriving the same answer.
 */
record PerMinuteMarket(SimulatedMarket delegate, ConcurrentHashMap<Symbol, Memo> memo) implements MarketView {

    record Memo(Instant at, List<LocalDate> expiries, double spot) {
    }

    PerMinuteMarket(SimulatedMarket delegate) {
        this(delegate, new ConcurrentHashMap<>());
    }

    private Memo memo(Symbol symbol) {
        Instant at = delegate.quoteTime();
        Memo m = memo.get(symbol);
        if (m == null || !m.at().equals(at)) {
            m = new Memo(at, delegate.expiries(symbol), delegate.spot(symbol));
            memo.put(symbol, m);
        }
        return m;
    }

    @Override
    public List<LocalDate> expiries(Symbol symbol) {
        return memo(symbol).expiries();
    }

    @Override
    public double spot(Symbol symbol) {
        return memo(symbol).spot();
    }

    @Override
    public Instant now() {
        return delegate.now();
    }

    @Override
    public ExchangeCalendar calendar() {
        return delegate.calendar();
    }

    @Override
    public Set<Symbol> symbols() {
        return delegate.symbols();
    }

    @Override
    public OptionChain chain(Symbol symbol, LocalDate expiry) {
        return delegate.chain(symbol, expiry);
    }

    @Override
    public OptionQuote quote(OptionContract contract) {
        return delegate.quote(contract);
    }

    @Override
    public double riskFreeRate() {
        return delegate.riskFreeRate();
    }

    @Override
    public double dividendYield(Symbol symbol) {
        return delegate.dividendYield(symbol);
    }

    @Override
    public List<DailyClose> closes(Symbol symbol, LocalDate from, LocalDate to) {
        return delegate.closes(symbol, from, to);
    }

    @Override
    public boolean isKnown(Symbol symbol) {
        return delegate.isKnown(symbol);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String describeKnown() {
        return delegate.describeKnown();
    }
}
