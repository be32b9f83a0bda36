package io.alluse.engine.backtest;

import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.metrics.RiskFreeRate;
import io.alluse.analytics.series.EquitySeries;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.OrderRequest;
import io.alluse.broker.paper.PaperAccount;
import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountId;
import io.alluse.domain.Defaults;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.fork.ForkDecision;
import io.alluse.domain.fork.ForkMath;
import io.alluse.domain.fork.ForkRules;
import io.alluse.domain.fork.GenAccGrowth;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.engine.CycleSchedule;
import io.alluse.engine.LedgerBook;
import io.alluse.engine.Marks;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.calendar.Session;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.strategy.CycleContext;
import io.alluse.strategy.OrderIntent;
import io.alluse.strategy.SleeveDecision;
import io.alluse.strategy.SleeveState;
import io.alluse.strategy.SleeveStrategy;
import io.alluse.strategy.Strategies;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Runs ALL-USE for many independent accounts over years of market data, in memory, through the
 * very same strategies, paper-broker matching, expiry and assignment, and ledger posting as paper
 * and live trading. Each thread has its own clock and market over the same seed; since prices
 * depend only on (seed, symbol, time), the result does not depend on the number of threads.
 */
public final class Backtest {

    /** A market for one thread, reading time from that thread's clock. */
    @FunctionalInterface
    public interface MarketFactory {
        MarketView create(SimulatedClock clock);
    }

    private final BacktestSpec spec;
    private final MarketFactory markets;

    public Backtest(BacktestSpec spec, MarketFactory markets) {
        this.spec = spec;
        this.markets = markets;
    }

    /** Runs it; {@code progress} receives the account-days done so far, from any thread. */
    public BacktestResult run(LongConsumer progress) throws InterruptedException {
        List<AccountId> ids = new ArrayList<>();
        Map<AccountId, ExecutionWindow> windows = new TreeMap<>();
        List<ExecutionWindow> taken = new ArrayList<>();
        for (int i = 1; i <= spec.accounts(); i++) {
            AccountId id = new AccountId("account-" + i);
            ExecutionWindow w = ExecutionWindow.suggest(taken);
            taken.add(w);
            ids.add(id);
            windows.put(id, w);
        }
        int threads = Math.min(spec.threads(), spec.accounts());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        try {
            List<Future<Lane>> lanes = new ArrayList<>();
            for (List<AccountId> mine : byLane(ids, windows, threads)) {
                lanes.add(pool.submit(() -> {
                    Lane lane = new Lane(mine, windows);
                    lane.run(n -> progress.accept(done.addAndGet(n)));
                    return lane;
                }));
            }
            List<Lane> finished = new ArrayList<>();
            for (Future<Lane> f : lanes) {
                finished.add(f.get());
            }
            return result(finished);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Accounts with the same execution window go to the same lane: they quote at the same minutes, so
     * they share that lane's option chains instead of each lane building its own copy. Whole groups
     * go to the lane with the fewest accounts so far. Which lane runs an account changes no result.
     */
    private static List<List<AccountId>> byLane(List<AccountId> ids, Map<AccountId, ExecutionWindow> windows, int threads) {
        Map<ExecutionWindow, List<AccountId>> groups = new java.util.LinkedHashMap<>();
        for (AccountId id : ids) {
            groups.computeIfAbsent(windows.get(id), w -> new ArrayList<>()).add(id);
        }
        List<List<AccountId>> lanes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            lanes.add(new ArrayList<>());
        }
        for (List<AccountId> group : groups.values()) {
            List<AccountId> smallest = lanes.getFirst();
            for (List<AccountId> lane : lanes) {
                if (lane.size() < smallest.size()) {
                    smallest = lane;
                }
            }
            smallest.addAll(group);
        }
        lanes.removeIf(List::isEmpty);
        return lanes;
    }

    private BacktestResult result(List<Lane> lanes) {
        Map<AccountId, AccountResult> byId = new TreeMap<>(Backtest::byNumber);
        Map<AccountId, EquitySeries> series = new TreeMap<>(Backtest::byNumber);
        int forked = 0;
        int merged = 0;
        Lane first = lanes.getFirst();
        int days = first.days.size();
        long[] totalEquity = new long[days];
        long[] noFlows = new long[days];
        Money premium = Money.ZERO;
        int sold = 0;
        int assigned = 0;
        int called = 0;
        for (Lane lane : lanes) {
            forked += lane.forked;
            merged += lane.merged;
            for (Sim a : lane.accounts) {
                // a fork's series starts on its fork day; a merged one ends the day before its merge
                int from = a.firstDay;
                int to = a.mergedOn < 0 ? days : a.mergedOn;
                if (to <= from) {
                    continue;
                }
                long[] flow = new long[to - from];
                flow[0] = a.equity[from];
                EquitySeries s = EquitySeries.of(lane.days.subList(from, to).toArray(LocalDate[]::new),
                        java.util.Arrays.copyOfRange(a.equity, from, to), flow);
                series.put(a.id, s);
                Performance p = Performance.of(s, RiskFreeRate.ZERO);
                byId.put(a.id, new AccountResult(a.id, a.initialCapital, Money.ofCents(a.equity[days - 1]), p.cagr().orElse(0),
                        p.maxDrawdown().map(d -> d.depth()).orElse(0.0), a.premium, a.optionsSold, a.assignments, a.calledAway));
                for (int d = 0; d < days; d++) {
                    totalEquity[d] = Math.addExact(totalEquity[d], a.equity[d]);
                }
                premium = premium.plus(a.premium);
                sold += a.optionsSold;
                assigned += a.assignments;
                called += a.calledAway;
            }
        }
        Performance total = Performance.of(EquitySeries.of(first.days.toArray(LocalDate[]::new), totalEquity, noFlows), RiskFreeRate.ZERO);
        AccountResult all = new AccountResult(new AccountId("all"), spec.initialCapital().times(spec.accounts()), Money.ofCents(totalEquity[days - 1]),
                total.cagr().orElse(0), total.maxDrawdown().map(d -> d.depth()).orElse(0.0), premium, sold, assigned, called);
        return new BacktestResult(spec, first.days.getFirst(), first.days.getLast(), days, List.copyOf(byId.values()), all,
                java.util.Collections.unmodifiableMap(series), forked, merged);
    }

    /** account-2 before account-10; a fork (account-2-f1) right after its parent. */
    private static int byNumber(AccountId a, AccountId b) {
        String[] x = a.value().substring("account-".length()).split("-f");
        String[] y = b.value().substring("account-".length()).split("-f");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** One thread's accounts, clock and market. */
    private final class Lane {
        final List<Sim> accounts = new ArrayList<>();
        final List<LocalDate> days = new ArrayList<>();
        final SimulatedClock clock;
        final MarketView market;
        final ExchangeCalendar calendar;
        final CycleSchedule schedule;
        final Map<SleeveKind, SleeveStrategy> strategies = new EnumMap<>(SleeveKind.class);
        int forked;
        int merged;

        Lane(List<AccountId> ids, Map<AccountId, ExecutionWindow> windows) {
            LocalDate start = spec.start();
            this.clock = new SimulatedClock(start.atTime(8, 0).atZone(ExchangeCalendar.NEW_YORK).toInstant());
            this.market = markets.create(clock);
            this.calendar = market.calendar();
            this.schedule = new CycleSchedule(calendar, Duration.ofMinutes(15));
            for (SleeveKind kind : SleeveKind.values()) {
                strategies.put(kind, Strategies.forKind(kind));
            }
            for (AccountId id : ids) {
                accounts.add(new Sim(id, Defaults.config(windows.get(id)), market, spec.initialCapital(), null, 0));
            }
        }

        void run(LongConsumer progress) {
            LocalDate end = spec.start().plusYears(spec.years());
            int expected = calendar.tradingDaysBetween(spec.start().minusDays(1), end.minusDays(1));
            for (Sim a : accounts) {
                a.equity = new long[expected];
            }
            for (LocalDate day = spec.start(); day.isBefore(end); day = day.plusDays(1)) {
                Optional<Session> session = calendar.session(day);
                if (session.isEmpty()) {
                    continue;
                }
                LocalDate today = day;
                TreeMap<Instant, List<Sim>> byWindow = new TreeMap<>();
                // thousands of accounts share a few dozen windows: work each one out once a day
                Map<ExecutionWindow, Optional<CycleSchedule.Window>> windowsToday = new java.util.HashMap<>();
                for (Sim a : accounts) {
                    if (a.mergedOn >= 0) {
                        continue;
                    }
                    windowsToday.computeIfAbsent(a.config.window(), w -> schedule.windowOn(today, w))
                            .ifPresent(w -> byWindow.computeIfAbsent(w.start(), k -> new ArrayList<>()).add(a));
                }
                for (Map.Entry<Instant, List<Sim>> group : byWindow.entrySet()) {
                    clock.setTo(group.getKey());
                    for (Sim a : group.getValue()) {
                        cycle(a, today, group.getKey());
                    }
                }
                clock.setTo(session.get().closeInstant());
                Marks marks = Marks.of(market);
                int index = days.size();
                for (Sim a : accounts) {
                    a.sync(marks);
                }
                if (spec.forking().isPresent()) {
                    forkAndMerge(spec.forking().get(), today, marks, index, expected);
                }
                for (Sim a : accounts) {
                    a.equity[index] = a.book.equity(marks).total().cents();
                }
                days.add(day);
                progress.accept(accounts.size());
            }
            if (days.size() != expected) {
                throw new IllegalStateException("trading days counted " + days.size() + " but the calendar said " + expected);
            }
        }

        /**
         * ALL-USE forking and merging after the close, by the engine's rules (ForkMath): money moves between the two paper accounts and both books at once, never
         * through the sync, so it is never booked as an external flow.
         */
        private void forkAndMerge(ForkRules rules, LocalDate day, Marks marks, int index, int expected) {
            List<Sim> founded = new ArrayList<>();
            for (Sim a : accounts) {
                if (a.mergedOn >= 0 || !ForkMath.due(rules.cadence(), Optional.ofNullable(a.lastCheck), day)) {
                    continue;
                }
                a.lastCheck = day;
                if (a.parent != null && a.parent.mergedOn < 0 && a.book.state().positions().isEmpty() && a.paper.openOrders().isEmpty()
                        && ForkMath.shouldMerge(rules, a.book.equity(marks).total())) {
                    Money cash = a.book.state().totalCash();
                    a.cursor = a.paper.withdraw(cash).id();
                    a.parent.cursor = a.parent.paper.deposit(cash).id();
                    a.book = LedgerBook.unrecorded(a.id, new LedgerState(Map.of(), List.of()));
                    a.parent.book = moved(a.parent, SleeveKind.COM, cash);
                    a.mergedOn = index;
                    merged++;
                    continue;
                }
                Money genCash = a.book.cash(SleeveKind.GEN);
                Money equity = genCash.plus(a.book.positionsValue(SleeveKind.GEN, marks));
                Money free = genCash.minus(genCommitted(a));
                if (ForkMath.decide(rules, new GenAccGrowth(equity, a.genCapitalIn, free)) instanceof ForkDecision.Fork fork) {
                    try {
                        a.cursor = a.paper.withdraw(fork.surplus()).id();
                    } catch (BrokerException e) {
                        continue;
                    }
                    a.book = moved(a, SleeveKind.GEN, fork.surplus().negate());
                    a.forks++;
                    AccountConfig config = a.config.withTargets(rules.childTargets().get(SleeveKind.GEN), rules.childTargets().get(SleeveKind.REV),
                            rules.childTargets().get(SleeveKind.COM));
                    Sim child = new Sim(new AccountId(a.id.value() + "-f" + a.forks), config, market, fork.surplus(), a, index);
                    child.equity = new long[expected];
                    child.lastCheck = day;
                    founded.add(child);
                    forked++;
                }
            }
            accounts.addAll(founded);
        }

        /** Gen-Acc cash that is not free: short puts' collateral and what open orders may take. */
        private static Money genCommitted(Sim a) {
            Money total = Money.ZERO;
            for (io.alluse.domain.ledger.Position p : a.book.positions(SleeveKind.GEN)) {
                if (p.quantity() < 0 && p.instrument() instanceof OptionContract o && o.right() == OptionRight.PUT) {
                    total = total.plus(o.strike().times(OptionContract.MULTIPLIER).times(-p.quantity()));
                }
            }
            for (BrokerOrder o : a.paper.openOrders()) {
                if (LedgerBookAccess.sleeveOf(o) == SleeveKind.GEN) {
                    total = total.plus(o.request().limitPrice().times(o.request().instrument().multiplier()).times(o.request().quantity()));
                    if (o.request().instrument() instanceof OptionContract c && c.right() == OptionRight.PUT) {
                        total = total.plus(c.strike().times(OptionContract.MULTIPLIER).times(o.request().quantity()));
                    }
                }
            }
            return total;
        }

        private static LedgerBook moved(Sim a, SleeveKind sleeve, Money amount) {
            LedgerState s = a.book.state();
            EnumMap<SleeveKind, Money> cash = new EnumMap<>(s.cash());
            cash.merge(sleeve, amount, Money::plus);
            return LedgerBook.unrecorded(a.id, new LedgerState(cash, s.positions()));
        }

        /**
         * The engine's cycle, in memory: strategies see open orders and this week's finished ones (as the
         * engine reads them from its ledger), and a client order id used before is never sent again (as
         * the engine's stored intents guarantee).
         */
        private void cycle(Sim a, LocalDate day, Instant now) {
            Marks marks = Marks.of(market);
            a.sync(marks);
            LocalDate monday = day.with(java.time.DayOfWeek.MONDAY);
            if (!monday.equals(a.week)) {
                a.week = monday;
                a.weekOrders.values().removeIf(o -> o.status().isFinal());
            }
            for (BrokerOrder o : a.paper.openOrders()) {
                a.weekOrders.put(o.request().clientOrderId(), LedgerBookAccess.record(o, LedgerBookAccess.sleeveOf(o)));
            }
            for (SleeveKind kind : SleeveKind.values()) {
                List<OrderRecord> sleeveOrders = new ArrayList<>();
                for (OrderRecord o : a.weekOrders.values()) {
                    if (o.sleeve() == kind) {
                        sleeveOrders.add(o);
                    }
                }
                SleeveState state = new SleeveState(a.id, a.config.sleeve(kind), a.config.cashBuffer(), a.book.cash(kind), a.book.positions(kind),
                        sleeveOrders);
                if (Strategies.isIdle(state, day)) {
                    continue; // decide would place nothing (and only say why): most sleeves on most days
                }
                SleeveDecision decision = strategies.get(kind).decide(state, market, new CycleContext(day, now));
                for (OrderIntent intent : decision.orders()) {
                    if (a.weekOrders.containsKey(intent.clientOrderId())) {
                        continue;
                    }
                    try {
                        BrokerOrder placed = a.paper.place(new OrderRequest(intent.clientOrderId(), intent.instrument(), intent.side(), intent.effect(),
                                intent.quantity(), intent.limitPrice()));
                        a.weekOrders.put(intent.clientOrderId(), LedgerBookAccess.record(placed, kind));
                    } catch (BrokerException e) {
                        a.rejected++;
                    }
                }
            }
            a.sync(marks);
        }
    }

    /** One simulated account: its paper brokerage account and its books. */
    private final class Sim {
        final AccountId id;
        final AccountConfig config;
        final PaperAccount paper;
        LedgerBook book;
        String cursor;
        final Money initialCapital;
        /** Gen-Acc's capital-in: its share of the opening deposit (a backtest has no deposits). */
        final Money genCapitalIn;
        /** The account this one was forked from, or null. */
        final Sim parent;
        /** Index of the first trading day in this account's life. */
        final int firstDay;
        int mergedOn = -1;
        int forks;
        LocalDate lastCheck;
        long[] equity;
        Money premium = Money.ZERO;
        int optionsSold;
        int assignments;
        int calledAway;
        int rejected;
        LocalDate week;
        final Map<io.alluse.domain.ledger.ClientOrderId, OrderRecord> weekOrders = new java.util.LinkedHashMap<>();

        Sim(AccountId id, AccountConfig config, MarketView market, Money initialCapital, Sim parent, int firstDay) {
            this.id = id;
            this.config = config;
            this.initialCapital = initialCapital;
            this.parent = parent;
            this.firstDay = firstDay;
            this.paper = PaperAccount.open("PAPER-" + id.value().toUpperCase(java.util.Locale.ROOT), market, spec.paper(), initialCapital);
            BrokerActivity opening = paper.activities(Optional.empty(), 1).getFirst();
            this.cursor = opening.id();
            SleeveCapitals split = SleeveCapitals.split(initialCapital, config);
            this.genCapitalIn = split.of(SleeveKind.GEN);
            this.book = LedgerBook.unrecorded(id, new LedgerState(split.byKind(), List.of()));
        }

        void sync(Marks marks) {
            while (true) {
                List<BrokerActivity> page = paper.activities(Optional.of(cursor), 500);
                for (BrokerActivity activity : page) {
                    count(activity);
                    book.apply(activity, config, marks);
                    cursor = activity.id();
                }
                if (page.size() < 500) {
                    break;
                }
            }
            // what became of this week's orders (fills, day-end expiry), read before the broker forgets them
            for (Map.Entry<io.alluse.domain.ledger.ClientOrderId, OrderRecord> e : weekOrders.entrySet()) {
                if (!e.getValue().status().isFinal()) {
                    paper.order(e.getKey()).ifPresent(o -> e.setValue(LedgerBookAccess.record(o, e.getValue().sleeve())));
                }
            }
            // keep memory flat over years: the books keep no rows, the paper account no old history
            book.drain(Optional.empty(), Optional.empty(), Optional.empty());
            book.drainEvents();
            paper.forgetHistory(cursor);
        }

        private void count(BrokerActivity activity) {
            switch (activity) {
                case BrokerActivity.Fill f when f.instrument() instanceof OptionContract && f.side() == OrderSide.SELL -> {
                    optionsSold += (int) f.quantity();
                    premium = premium.plus(f.price().times(OptionContract.MULTIPLIER).times(f.quantity()));
                }
                case BrokerActivity.Assignment x when x.option().right() == OptionRight.PUT -> assignments += (int) x.contracts();
                case BrokerActivity.Assignment x -> calledAway += (int) x.contracts();
                default -> {
                }
            }
        }
    }
}
