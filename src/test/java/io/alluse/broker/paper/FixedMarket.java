package io.alluse.broker.paper;

import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.Symbol;
import io.alluse.market.DailyClose;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.pricing.Greeks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A market whose every number the test sets by hand: bid/ask per contract, spot per symbol and
 * official closes per day, on the real NYSE calendar and a simulated clock. It lists no chains,
 * so the paper broker quotes each contract on its own (its fallback path).
 */
final class FixedMarket implements MarketView {

    private final SimulatedClock clock;
    private final Map<OptionContract, Money[]> quotes = new HashMap<>();
    private final Map<Symbol, Double> spots = new HashMap<>();
    private final Map<Symbol, Map<LocalDate, Double>> closes = new HashMap<>();

    FixedMarket(Instant start) {
        this.clock = new SimulatedClock(start);
    }

    /** New York wall time to an instant. */
    static Instant ny(String date, String time) {
        return ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), ExchangeCalendar.NEW_YORK).toInstant();
    }

    FixedMarket at(String date, String time) {
        clock.setTo(ny(date, time));
        return this;
    }

    FixedMarket quote(OptionContract contract, String bid, String ask) {
        quotes.put(contract, new Money[] {Money.of(new java.math.BigDecimal(bid)), Money.of(new java.math.BigDecimal(ask))});
        return this;
    }

    FixedMarket spot(String symbol, double price) {
        spots.put(new Symbol(symbol), price);
        return this;
    }

    FixedMarket close(String symbol, String date, double price) {
        closes.computeIfAbsent(new Symbol(symbol), s -> new HashMap<>()).put(LocalDate.parse(date), price);
        return this;
    }

    SimulatedClock clock() {
        return clock;
    }

    @Override
    public Instant now() {
        return clock.now();
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
        return List.of();
    }

    @Override
    public OptionChain chain(Symbol symbol, LocalDate expiry) {
        throw new MarketDataException("the fixed test market lists no chains");
    }

    @Override
    public OptionQuote quote(OptionContract contract) {
        Money[] q = quotes.get(contract);
        if (q == null) {
            throw new MarketDataException(contract + " is not quoted by the fixed test market");
        }
        double mid = (q[0].toDouble() + q[1].toDouble()) / 2;
        return new OptionQuote(contract, q[0], q[1], spots.getOrDefault(contract.underlying(), 0.0), 0.3,
                new Greeks(mid, 0, 0, 0, 0, 0));
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
        List<DailyClose> list = new ArrayList<>();
        Map<LocalDate, Double> byDay = closes.getOrDefault(symbol, Map.of());
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            var session = calendar().session(d);
            if (byDay.containsKey(d) && session.isPresent() && !session.get().closeInstant().isAfter(now())) {
                list.add(new DailyClose(d, byDay.get(d)));
            }
        }
        return list;
    }
}
