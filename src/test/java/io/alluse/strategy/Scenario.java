package io.alluse.strategy;

import io.alluse.domain.AccountId;
import io.alluse.domain.Defaults;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.SleeveConfig;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Stock;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.Position;
import io.alluse.market.calendar.ExchangeCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Names and builders shared by the hand-checked scenarios. The week used is 2026-W46 (Mon 9 - Fri 13 November 2026). */
final class Scenario {

    static final AccountId ACCOUNT = new AccountId("account-1");
    static final Symbol TSLA = new Symbol("TSLA");
    static final Symbol NVDA = new Symbol("NVDA");
    static final Symbol AAPL = new Symbol("AAPL");
    static final Symbol AMZN = new Symbol("AMZN");
    static final Symbol MSFT = new Symbol("MSFT");

    static final LocalDate MON = LocalDate.of(2026, 11, 9);
    static final LocalDate TUE = LocalDate.of(2026, 11, 10);
    static final LocalDate WED = LocalDate.of(2026, 11, 11);
    static final LocalDate THU = LocalDate.of(2026, 11, 12);
    static final LocalDate FRI = LocalDate.of(2026, 11, 13);
    static final LocalDate NEXT_WED = LocalDate.of(2026, 11, 18);
    static final LocalDate NEXT_FRI = LocalDate.of(2026, 11, 20);
    static final LocalDate LAST_THU = LocalDate.of(2026, 11, 5);

    private Scenario() {
    }

    /** 11:00 New York on {@code day}: inside a typical execution window. */
    static Instant window(LocalDate day) {
        return day.atTime(LocalTime.of(11, 0)).atZone(ExchangeCalendar.NEW_YORK).toInstant();
    }

    static CycleContext on(LocalDate day) {
        return new CycleContext(day, window(day));
    }

    static SleeveConfig gen() {
        return Defaults.sleeve(SleeveKind.GEN);
    }

    static SleeveConfig rev() {
        return Defaults.sleeve(SleeveKind.REV);
    }

    static SleeveConfig com() {
        return Defaults.sleeve(SleeveKind.COM);
    }

    static SleeveState state(SleeveConfig config, String cash, List<Position> positions, List<OrderRecord> orders) {
        return new SleeveState(ACCOUNT, config, Defaults.CASH_BUFFER, dollars(cash), positions, orders);
    }

    static SleeveState state(SleeveConfig config, String cash, Position... positions) {
        return state(config, cash, List.of(positions), List.of());
    }

    static Money dollars(String amount) {
        return Money.of(new BigDecimal(amount));
    }

    static OptionContract option(Symbol symbol, LocalDate expiry, OptionRight right, String strike) {
        return new OptionContract(symbol, expiry, right, dollars(strike));
    }

    /** {@code contracts} short puts sold for {@code premium} a share: cost basis is minus the premium received. */
    static Position shortPut(SleeveKind sleeve, Symbol symbol, LocalDate expiry, String strike, long contracts, String premium,
                             LocalDate opened) {
        return new Position(sleeve, option(symbol, expiry, OptionRight.PUT, strike), -contracts,
                dollars(premium).times(100 * contracts).negate(), window(opened));
    }

    static Position shortCall(SleeveKind sleeve, Symbol symbol, LocalDate expiry, String strike, long contracts, String premium,
                              LocalDate opened) {
        return new Position(sleeve, option(symbol, expiry, OptionRight.CALL, strike), -contracts,
                dollars(premium).times(100 * contracts).negate(), window(opened));
    }

    static Position shares(SleeveKind sleeve, Symbol symbol, long quantity, String totalCost, LocalDate opened) {
        return new Position(sleeve, new Stock(symbol), quantity, dollars(totalCost), window(opened));
    }

    /** The ledger's record of an order the strategy decided, in the given state. */
    static OrderRecord recorded(OrderIntent intent, OrderStatus status, long filled, Instant at) {
        return new OrderRecord(1, intent.clientOrderId(), intent.sleeve(), intent.cycle(), intent.instrument(), intent.side(),
                intent.effect(), intent.quantity(), intent.limitPrice(), status, status == OrderStatus.INTENT ? "" : "B-1", filled,
                filled > 0 ? intent.limitPrice() : Money.ZERO, at, at, "");
    }
}
