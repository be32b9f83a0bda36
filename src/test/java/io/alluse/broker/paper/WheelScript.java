package io.alluse.broker.paper;

import static io.alluse.broker.paper.FixedMarket.ny;

import io.alluse.broker.BrokerPosition;
import io.alluse.broker.OrderRequest;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Stock;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.PositionEffect;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.market.sim.SimulationSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A four-week wheel on the seeded simulated market, the same calls every time it runs: short puts
 * on four weekly AAPL expiries (strikes picked, by peeking at the simulated closes, so that some
 * are assigned and some expire), a resting order that expires at the close, a covered call on
 * assigned shares that is called away, a deposit and a withdrawal. Between its calls the broker
 * is either left alone or asked for its account twice every trading day.
 */
final class WheelScript {

    static final Symbol AAPL = new Symbol("AAPL");
    static final Instant START = ny("2026-01-05", "10:00");
    static final Instant SECOND_MONDAY = ny("2026-01-12", "10:00");
    static final Instant END = ny("2026-02-02", "10:00");
    static final Money INITIAL = Money.ofDollars(200_000);

    final SimulatedClock clock = new SimulatedClock(START);
    final SimulatedMarket market;
    /** The puts sold, and whether the strike was chosen to end in the money. */
    final List<OptionContract> puts = new ArrayList<>();
    OptionContract call;

    WheelScript(long seed) {
        market = new SimulatedMarket(clock, SimulationSettings.defaults(seed, LocalDate.of(2026, 1, 2)));
    }

    PaperAccount newAccount() {
        return PaperAccount.open("PAPER-WHEEL", market, PaperSettings.DEFAULTS, INITIAL);
    }

    /**
     * Runs the script. {@code broker} is asked for the broker before each call, so a test may swap
     * it (reopen the database) at {@code halfway}, which runs after the second Monday's calls.
     */
    void run(Supplier<PaperBroker> broker, boolean touchDaily, Runnable halfway) {
        clock.setTo(START);
        List<LocalDate> weeks = market.expiries(AAPL).subList(0, 4);
        for (int i = 0; i < weeks.size(); i++) {
            LocalDate expiry = weeks.get(i);
            OptionContract put = strikeAround(OptionRight.PUT, expiry, i % 2 == 0);
            puts.add(put);
            broker.get().place(order("put-" + i, put, OrderSide.SELL, PositionEffect.OPEN, 1, market.quote(put).bid()));
        }
        OptionQuote resting = market.quote(puts.get(1));
        broker.get().place(order("rest-1", puts.get(1), OrderSide.SELL, PositionEffect.OPEN, 1, resting.ask().plus(Money.ofDollars(5))));
        broker.get().deposit(Money.ofDollars(1_000));

        advance(broker, SECOND_MONDAY, touchDaily);
        long shares = broker.get().positions().stream().filter(p -> p.instrument() instanceof Stock)
                .mapToLong(BrokerPosition::quantity).sum();
        if (shares >= 100) {
            call = strikeAround(OptionRight.CALL, weeks.get(2), true);
            broker.get().place(order("call-1", call, OrderSide.SELL, PositionEffect.OPEN, shares / 100, market.quote(call).bid()));
        }
        broker.get().withdraw(Money.ofDollars(500));
        halfway.run();

        advance(broker, END, touchDaily);
        broker.get().account();
    }

    private void advance(Supplier<PaperBroker> broker, Instant to, boolean touchDaily) {
        if (touchDaily) {
            ExchangeCalendar cal = market.calendar();
            for (LocalDate d = ExchangeCalendar.dateOf(clock.now()); d.isBefore(ExchangeCalendar.dateOf(to)); d = d.plusDays(1)) {
                if (!cal.isTradingDay(d)) {
                    continue;
                }
                for (String time : List.of("12:00", "17:00")) {
                    Instant t = ny(d.toString(), time);
                    if (t.isAfter(clock.now()) && t.isBefore(to)) {
                        clock.setTo(t);
                        broker.get().account();
                    }
                }
            }
        }
        clock.setTo(to);
    }

    /**
     * A listed strike a few dollars on the chosen side of the underlying's close at expiry:
     * in the money when {@code inTheMoney}, out of it otherwise.
     */
    OptionContract strikeAround(OptionRight right, LocalDate expiry, boolean inTheMoney) {
        double close = market.closeOn(AAPL, expiry);
        OptionChain chain = market.chain(AAPL, expiry);
        // a put is in the money above the close, a call below it
        boolean above = (right == OptionRight.PUT) == inTheMoney;
        Money strike = null;
        for (Money s : chain.strikes()) {
            if (above && s.toDouble() > close + 1 && strike == null) {
                strike = s;
            }
            if (!above && s.toDouble() < close - 1) {
                strike = s;
            }
        }
        return new OptionContract(AAPL, expiry, right, strike);
    }

    static OrderRequest order(String id, OptionContract c, OrderSide side, PositionEffect effect, long qty, Money limit) {
        return new OrderRequest(new ClientOrderId("wheel." + id), c, side, effect, qty, limit.isPositive() ? limit : Money.ofCents(1));
    }
}
