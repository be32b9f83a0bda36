package io.alluse.bench;

import io.alluse.domain.AccountId;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveConfig;
import io.alluse.domain.Stock;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.Position;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.strategy.OrderIntent;
import io.alluse.strategy.SleeveState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sleeve's cash, positions and this week's orders, kept just well enough for the strategy
 * bench to walk through time: every order fills at its limit, options expire at their expiry's
 * simulated close (in-the-money puts assigned, in-the-money calls called away). Not a backtest:
 * no fees, no partial fills, no early assignment.
 */
final class WalkLedger {

    private final AccountId account;
    private final SleeveConfig config;
    private long cash;
    private final Map<Instrument, long[]> held = new LinkedHashMap<>();   // quantity, cost basis cents, opened (epoch ms)
    private final List<OrderRecord> thisWeek = new ArrayList<>();
    private long orderIds;

    WalkLedger(AccountId account, SleeveConfig config, long cashCents) {
        this.account = account;
        this.config = config;
        this.cash = cashCents;
    }

    /** The sleeve as the engine would hand it to the strategy: positions and the current week's (filled) orders. */
    SleeveState state(Percent buffer) {
        List<Position> positions = new ArrayList<>(held.size());
        for (Map.Entry<Instrument, long[]> e : held.entrySet()) {
            long[] q = e.getValue();
            positions.add(new Position(config.kind(), e.getKey(), q[0], Money.ofCents(q[1]), Instant.ofEpochMilli(q[2])));
        }
        return new SleeveState(account, config, buffer, Money.ofCents(cash), positions, thisWeek);
    }

    void newWeek() {
        thisWeek.clear();
    }

    void fill(OrderIntent o, Instant at) {
        long notional = o.notional().cents();
        boolean buy = o.side() == OrderSide.BUY;
        cash += buy ? -notional : notional;
        add(o.instrument(), buy ? o.quantity() : -o.quantity(), buy ? notional : -notional, at);
        thisWeek.add(new OrderRecord(++orderIds, o.clientOrderId(), o.sleeve(), o.cycle(), o.instrument(), o.side(), o.effect(),
                o.quantity(), o.limitPrice(), OrderStatus.FILLED, "B" + orderIds, o.quantity(), o.limitPrice(), at, at, ""));
    }

    /** Options expiring on {@code day} settle at its close. */
    void settle(LocalDate day, SimulatedMarket market, Instant after) {
        Iterator<Map.Entry<Instrument, long[]>> it = held.entrySet().iterator();
        List<long[]> shareChanges = new ArrayList<>();
        List<Stock> shareSymbols = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<Instrument, long[]> e = it.next();
            if (!(e.getKey() instanceof OptionContract c) || !c.expiry().equals(day)) {
                continue;
            }
            it.remove();
            long contracts = -e.getValue()[0];
            double close = market.closeOn(c.underlying(), day);
            long strike = c.strike().cents();
            if (c.right() == OptionRight.PUT && close < c.strike().toDouble()) {
                cash -= strike * 100 * contracts;
                shareChanges.add(new long[] {100 * contracts, strike * 100 * contracts});
                shareSymbols.add(new Stock(c.underlying()));
            } else if (c.right() == OptionRight.CALL && close > c.strike().toDouble()) {
                cash += strike * 100 * contracts;
                shareChanges.add(new long[] {-100 * contracts, 0});
                shareSymbols.add(new Stock(c.underlying()));
            }
        }
        for (int i = 0; i < shareChanges.size(); i++) {
            add(shareSymbols.get(i), shareChanges.get(i)[0], shareChanges.get(i)[1], after);
        }
    }

    private void add(Instrument instrument, long quantity, long cost, Instant at) {
        long[] q = held.computeIfAbsent(instrument, k -> new long[] {0, 0, at.toEpochMilli()});
        if (q[0] != 0 && Long.signum(q[0]) != Long.signum(quantity)) {
            long closed = Math.min(Math.abs(quantity), Math.abs(q[0]));
            q[1] -= q[1] * closed / Math.abs(q[0]);
            q[0] += quantity;
        } else {
            q[0] += quantity;
            q[1] += cost;
        }
        if (q[0] == 0) {
            held.remove(instrument);
        }
    }
}
