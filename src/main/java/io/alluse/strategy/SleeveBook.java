package io.alluse.strategy;

import io.alluse.domain.Instrument;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Stock;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.Position;
import io.alluse.domain.ledger.PositionEffect;
import io.alluse.market.calendar.ExchangeCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * One sleeve's positions and orders summed per underlying. A sleeve trades a handful of symbols,
 * so the books sit in a small list searched linearly: cheaper than hashing for three entries.
 */
final class SleeveBook {

    private static final ZoneRules NEW_YORK_RULES = ExchangeCalendar.NEW_YORK.getRules();

    private final List<SymbolBook> books = new ArrayList<>(4);
    /** Options with a buy-to-close working, or one placed today (today's profit-take id is spent). */
    private final List<Instrument> closing = new ArrayList<>(2);
    private final LocalDate tradingDay;
    private Instant weekStart;
    private Instant weekEnd;

    SleeveBook(SleeveState state, LocalDate tradingDay) {
        this.tradingDay = tradingDay;
        List<Symbol> symbols = state.config().parameters().symbols();
        for (int i = 0; i < symbols.size(); i++) {
            books.add(new SymbolBook(symbols.get(i)));
        }
        List<Position> positions = state.positions();
        for (int i = 0; i < positions.size(); i++) {
            addPosition(positions.get(i));
        }
        List<OrderRecord> orders = state.openOrders();
        if (!orders.isEmpty()) {
            String weekCycle = Cycles.week(tradingDay);
            String dayCycle = Cycles.day(tradingDay);
            for (int i = 0; i < orders.size(); i++) {
                addOrder(orders.get(i), weekCycle, dayCycle);
            }
        }
    }

    /** The book of {@code symbol}, created empty if the sleeve has nothing in it. */
    SymbolBook of(Symbol symbol) {
        for (SymbolBook b : books) {
            if (b.symbol.equals(symbol)) {
                return b;
            }
        }
        SymbolBook b = new SymbolBook(symbol);
        books.add(b);
        return b;
    }

    /** Every book: the configured symbols first, in their order, then any other symbol held. */
    List<SymbolBook> all() {
        return books;
    }

    boolean isClosing(Instrument instrument) {
        return closing.contains(instrument);
    }

    void markClosing(Instrument instrument) {
        closing.add(instrument);
    }

    long committedCents() {
        long sum = 0;
        for (SymbolBook b : books) {
            sum += b.committedCents();
        }
        return sum;
    }

    /** Cash securing puts and working buys: what the ledger cash must still cover (share cost is spent already). */
    long cashEncumberedCents() {
        long sum = 0;
        for (SymbolBook b : books) {
            sum += b.putCollateralCents + b.pendingPutCollateralCents + b.pendingBuyCents;
        }
        return sum;
    }

    /** Whether {@code openedAt} lies in the ISO week (Monday to Sunday, New York) of the trading day. */
    boolean inThisWeek(Instant openedAt) {
        if (openedAt == null) {
            return false;
        }
        if (weekStart == null) {
            LocalDate monday = tradingDay.minusDays(tradingDay.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
            weekStart = midnightInNewYork(monday);
            weekEnd = midnightInNewYork(monday.plusDays(7));
        }
        return !openedAt.isBefore(weekStart) && openedAt.isBefore(weekEnd);
    }

    /**
     * 00:00 New York on a Monday. Clocks change at 02:00 on Sundays, so the offset five hours after
     * midnight UTC of that Monday is the offset in force at its New York midnight; one lookup in the
     * zone's rules instead of resolving a local date-time.
     */
    static Instant midnightInNewYork(LocalDate monday) {
        long utcMidnight = monday.toEpochDay() * 86_400L;
        int offset = NEW_YORK_RULES.getOffset(Instant.ofEpochSecond(utcMidnight + 5 * 3_600L)).getTotalSeconds();
        return Instant.ofEpochSecond(utcMidnight - offset);
    }

    private void addPosition(Position p) {
        switch (p.instrument()) {
            case Stock s -> {
                SymbolBook b = of(s.underlying());
                b.shares += p.quantity();
                b.shareCostCents += p.costBasis().cents();
                b.lastStockOpened = SymbolBook.later(b.lastStockOpened, p.openedAt());
            }
            case OptionContract o -> {
                if (p.quantity() >= 0) {
                    return; // long options are paid for: they commit nothing more
                }
                SymbolBook b = of(o.underlying());
                long contracts = -p.quantity();
                if (o.right() == OptionRight.PUT) {
                    b.shortPuts += contracts;
                    b.putCollateralCents += Math.multiplyExact(o.collateralPerContract().cents(), contracts);
                    b.lastPutOpened = SymbolBook.later(b.lastPutOpened, p.openedAt());
                } else {
                    b.shortCalls += contracts;
                    b.lastCallOpened = SymbolBook.later(b.lastCallOpened, p.openedAt());
                }
            }
        }
    }

    private void addOrder(OrderRecord o, String weekCycle, String dayCycle) {
        Instrument instrument = o.instrument();
        SymbolBook b = of(instrument.underlying());
        boolean working = !o.status().isFinal();
        long unfilled = Math.max(0, o.quantity() - o.filledQuantity());
        boolean thisWeek = weekCycle.equals(o.cycle());
        if (o.effect() == PositionEffect.CLOSE) {
            if (o.side() == OrderSide.BUY && (working || dayCycle.equals(o.cycle()))) {
                closing.add(instrument);
            }
        } else if (instrument instanceof Stock) {
            b.stockOrderThisWeek |= thisWeek && o.side() == OrderSide.BUY;
        } else if (instrument instanceof OptionContract c && o.side() == OrderSide.SELL) {
            if (c.right() == OptionRight.PUT) {
                b.putOrderThisWeek |= thisWeek;
                if (working) {
                    b.pendingPutCollateralCents += Math.multiplyExact(c.collateralPerContract().cents(), unfilled);
                }
            } else {
                b.callOrderThisWeek |= thisWeek;
                if (working) {
                    b.pendingCallSales += unfilled;
                }
            }
        }
        if (working && o.side() == OrderSide.BUY) {
            b.pendingBuyCents += Math.multiplyExact(Math.multiplyExact(o.limitPrice().cents(), unfilled), (long) instrument.multiplier());
            if (instrument instanceof Stock && o.effect() == PositionEffect.OPEN) {
                b.pendingShareBuys += unfilled;
            }
        }
    }
}
