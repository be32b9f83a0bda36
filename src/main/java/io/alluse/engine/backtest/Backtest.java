package io.alluse.engine.backtest;

import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.metrics.RiskFreeRate;
import io.alluse.analytics.series.Aggregation;
import io.alluse.analytics.series.EquitySeries;
import io.alluse.analytics.series.SleeveSeries;
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
import io.alluse.engine.MergeOrders;
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

    /** {@code SleeveKind.values()} copies its array on every call; the end-of-day loop reads this one. */
    private static final SleeveKind[] SLEEVES = SleeveKind.values();

    private final BacktestSpec spec;
    private final MarketFactory markets;
    private final BacktestSnapshots snapshots;
    /** Simulate every account, also those identical to another (see {@link #simulatingEveryAccount}). */
    private final boolean everyAccount;
    /**
     * Value each account's sleeves with marks of its own instead of the lane's shared ones, and keep every holding in the books
     * for the whole run: the straightforward path, for tests.
     */
    private final boolean ownMarks;

    public Backtest(BacktestSpec spec, MarketFactory markets) {
        this(spec, markets, BacktestSnapshots.NONE);
    }

    /** @param snapshots receives every account's end-of-day snapshots as well (the report does not need it) */
    public Backtest(BacktestSpec spec, MarketFactory markets, BacktestSnapshots snapshots) {
        this(spec, markets, snapshots, false, false);
    }

    private Backtest(BacktestSpec spec, MarketFactory markets, BacktestSnapshots snapshots, boolean everyAccount, boolean ownMarks) {
        this.spec = spec;
        this.markets = markets;
        this.snapshots = java.util.Objects.requireNonNull(snapshots, "snapshots");
        this.everyAccount = everyAccount;
        this.ownMarks = ownMarks;
    }

    /**
     * The same backtest with every account simulated. By default, without forking, accounts whose
     * inputs are identical (same configuration, execution window included, same capital, same market:
     * a default backtest's accounts differ only in their window) are simulated once and the result is
     * reported for each of them, under its own id, to its own snapshot recorder: deduplication, not a
     * faster simulation (docs/decisions/0028). This switches it off, to measure the simulation itself
     * and to test that both give the same result.
     */
    public Backtest simulatingEveryAccount() {
        return new Backtest(spec, markets, snapshots, true, ownMarks);
    }

    /** Every account simulated, valued with its own marks and keeping every closed holding, as before the shortcuts: the reference for tests. */
    Backtest straightforward() {
        return new Backtest(spec, markets, snapshots, true, true);
    }

    private Marks marks(MarketView market) {
        return ownMarks ? Marks.of(market) : new SharedMarks(Marks.of(market));
    }

    /** Runs it; {@code progress} receives the account-days done so far, from any thread. */
    public BacktestResult run(LongConsumer progress) throws InterruptedException {
        List<AccountId> ids = new ArrayList<>();
        Map<AccountId, ExecutionWindow> windows = new TreeMap<>();
        List<ExecutionWindow> suggested = ExecutionWindow.suggestMany(spec.accounts());
        for (int i = 1; i <= spec.accounts(); i++) {
            AccountId id = new AccountId("account-" + i);
            ids.add(id);
            windows.put(id, suggested.get(i - 1));
        }
        // accounts identical to an earlier one: only with forking off (a fork's id and history set it apart)
        Map<AccountId, List<AccountId>> copies = new java.util.HashMap<>();
        List<AccountId> simulated = ids;
        if (!everyAccount && spec.forking().isEmpty()) {
            simulated = new ArrayList<>();
            Map<ExecutionWindow, AccountId> firstWith = new java.util.HashMap<>();
            for (AccountId id : ids) {
                AccountId first = firstWith.putIfAbsent(windows.get(id), id);
                if (first == null) {
                    simulated.add(id);
                } else {
                    copies.computeIfAbsent(first, k -> new ArrayList<>()).add(id);
                }
            }
        }
        int threads = Math.min(spec.threads(), simulated.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        try {
            List<Future<Lane>> lanes = new ArrayList<>();
            for (List<AccountId> mine : byLane(simulated, windows, threads)) {
                lanes.add(pool.submit(() -> {
                    Lane lane = new Lane(mine, windows, copies);
                    lane.run(n -> progress.accept(done.addAndGet(n)));
                    lane.report();
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

    /**
     * The report from the sleeves' snapshots, through the analytics the app uses on the engine's
     * snapshots: each account is its sleeves combined, the total all sleeves of all accounts combined
     * (so fork and merge transfers, an outflow of one and an inflow of another the same day, cancel).
     * Each lane has already built its own accounts' part ({@link Lane#report}) on its thread.
     */
    private BacktestResult result(List<Lane> lanes) {
        Map<AccountId, AccountResult> byId = new TreeMap<>(Backtest::byNumber);
        Map<AccountId, EquitySeries> series = new TreeMap<>(Backtest::byNumber);
        Map<AccountId, List<SleeveSeries>> bySleeve = new TreeMap<>(Backtest::byNumber);
        List<SleeveSeries> everySleeve = new ArrayList<>();
        int forked = 0;
        int merged = 0;
        Lane first = lanes.getFirst();
        int days = first.days.size();
        Money premium = Money.ZERO;
        int sold = 0;
        int assigned = 0;
        int called = 0;
        for (Lane lane : lanes) {
            forked += lane.forked;
            merged += lane.merged;
            for (Reported r : lane.reported) {
                series.put(r.result().account(), r.equity());
                bySleeve.put(r.result().account(), r.sleeves());
                everySleeve.addAll(r.sleeves());
                byId.put(r.result().account(), r.result());
                premium = premium.plus(r.result().premiumCollected());
                sold += r.result().optionsSold();
                assigned += r.result().assignments();
                called += r.result().calledAway();
            }
        }
        EquitySeries whole = Aggregation.total(everySleeve);
        Performance total = Performance.of(whole, RiskFreeRate.ZERO);
        AccountResult all = new AccountResult(new AccountId("all"), spec.initialCapital().times(spec.accounts()), whole.equity(whole.size() - 1),
                total.timeWeightedReturn(), total.cagr(), total.maxDrawdown().map(d -> d.depth()).orElse(0.0), premium, sold, assigned, called);
        return new BacktestResult(spec, first.days.getFirst(), first.days.getLast(), days, List.copyOf(byId.values()), all,
                java.util.Collections.unmodifiableMap(series), forked, merged, java.util.Collections.unmodifiableMap(bySleeve));
    }

    /** One reported account's part of the result: its figures, its combined series and its sleeves' series. */
    private record Reported(AccountResult result, EquitySeries equity, List<SleeveSeries> sleeves) {
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
        /** This lane's accounts as the report shows them ({@link #report}), copies included. */
        final List<Reported> reported = new ArrayList<>();
        /** Scratch for the end-of-day snapshots: cents per sleeve, reused for every account. */
        final long[] cash = new long[SleeveKind.values().length];
        final long[] positions = new long[SleeveKind.values().length];

        Lane(List<AccountId> ids, Map<AccountId, ExecutionWindow> windows, Map<AccountId, List<AccountId>> copies) {
            LocalDate start = spec.start();
            this.clock = new SimulatedClock(start.atTime(8, 0).atZone(ExchangeCalendar.NEW_YORK).toInstant());
            this.market = markets.create(clock);
            this.calendar = market.calendar();
            this.schedule = new CycleSchedule(calendar, Duration.ofMinutes(15));
            for (SleeveKind kind : SleeveKind.values()) {
                strategies.put(kind, Strategies.forKind(kind));
            }
            for (AccountId id : ids) {
                Sim a = new Sim(id, Defaults.config(windows.get(id)), market, spec.initialCapital(), null, 0);
                for (AccountId copy : copies.getOrDefault(id, List.of())) {
                    a.copies.add(new Copy(copy, snapshots.open(copy, spec.initialCapital())));
                }
                accounts.add(a);
            }
        }

        void run(LongConsumer progress) {
            LocalDate end = spec.start().plusYears(spec.years());
            int expected = calendar.tradingDaysBetween(spec.start().minusDays(1), end.minusDays(1));
            for (Sim a : accounts) {
                a.history = new SleeveHistory(0, expected);
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
                    Marks marks = marks(market); // one valuation per instrument for the whole group
                    for (Sim a : group.getValue()) {
                        cycle(a, today, group.getKey(), marks);
                    }
                }
                clock.setTo(session.get().closeInstant());
                Marks marks = marks(market); // each holding valued once a day, for every account holding it
                int index = days.size();
                for (Sim a : accounts) {
                    a.sync(marks);
                }
                if (spec.forking().isPresent()) {
                    forkAndMerge(spec.forking().get(), today, marks, index, expected);
                }
                for (Sim a : accounts) {
                    if (a.mergedOn < 0 || a.mergedOn == index) {
                        a.endOfDay(today, marks, cash, positions);
                    }
                    if (!ownMarks && index % 5 == 4) {
                        // a week after their expiry, contracts long closed cannot come back: reading the book stays as cheap in year ten as in year one
                        a.book.forgetExpired(today.minusDays(7));
                    }
                }
                days.add(day);
                int reported = 0;
                for (Sim a : accounts) {
                    reported += 1 + a.copies.size();
                }
                progress.accept(reported);
            }
            if (days.size() != expected) {
                throw new IllegalStateException("trading days counted " + days.size() + " but the calendar said " + expected);
            }
        }

        /**
         * This lane's part of the report, on its own thread. An account and its copies have the same
         * snapshots, so its series and metrics are computed once and reported under each id: the
         * series are immutable and shared, only the id differs.
         */
        void report() {
            int[] epochDays = days.stream().mapToInt(d -> Math.toIntExact(d.toEpochDay())).toArray();
            for (Sim a : accounts) {
                // a fork's series starts on its fork day; a merged one ends on its merge day, emptied by a transfer out
                if (a.history.size() == 0) {
                    continue;
                }
                List<SleeveSeries> sleeves = a.history.series(a.id, epochDays);
                EquitySeries s = Aggregation.combine(sleeves.stream().map(SleeveSeries::series).toList());
                Performance p = Performance.of(s, RiskFreeRate.ZERO);
                AccountResult simulated = new AccountResult(a.id, a.initialCapital, s.equity(s.size() - 1), p.timeWeightedReturn(), p.cagr(),
                        p.maxDrawdown().map(d -> d.depth()).orElse(0.0), a.premium, a.optionsSold, a.assignments, a.calledAway);
                reported.add(new Reported(simulated, s, sleeves));
                for (Copy c : a.copies) {
                    List<SleeveSeries> copied = new ArrayList<>(sleeves.size());
                    for (SleeveSeries one : sleeves) {
                        copied.add(new SleeveSeries(c.id(), one.sleeve(), one.series()));
                    }
                    reported.add(new Reported(new AccountResult(c.id(), simulated.initialCapital(), simulated.finalEquity(), simulated.totalReturn(),
                            simulated.cagr(), simulated.maxDrawdown(), simulated.premiumCollected(), simulated.optionsSold(), simulated.assignments(),
                            simulated.calledAway()), s, copied));
                }
            }
        }

        /**
         * ALL-USE forking and merging after the close, by the engine's rules (ForkMath): money moves between the two paper accounts and both books at once, never
         * through the sync; the day's snapshots book it as an external flow of each side (as the engine books a fork's transfer), which
         * cancels wherever both sides are combined.
         */
        private void forkAndMerge(ForkRules rules, LocalDate day, Marks marks, int index, int expected) {
            List<Sim> founded = new ArrayList<>();
            for (Sim a : accounts) {
                if (a.mergedOn >= 0 || (!a.merging && !ForkMath.due(rules.cadence(), Optional.ofNullable(a.lastCheck), day))) {
                    continue;
                }
                a.lastCheck = day;
                if (a.parent != null && a.parent.mergedOn < 0 && (a.merging || ForkMath.shouldMerge(rules, a.book.equity(marks).total()))) {
                    // as the engine (docs/decisions/0019): positions are closed at the market first, at the account's
                    // next windows, then the cash moves; a merging account opens nothing new
                    a.merging = true;
                    if (rules.mergeMode() == ForkRules.MergeMode.TRANSFER_AT_MARKET && !a.book.state().positions().isEmpty()) {
                        // both accounts are at the (in-memory) paper brokerage: positions and cash move as they are (0026)
                        if (a.paper.openOrders().isEmpty() && transferIntoParent(a, marks)) {
                            a.mergedOn = index;
                            merged++;
                        }
                        continue;
                    }
                    Money cash = a.book.state().totalCash();
                    if (a.book.state().positions().isEmpty() && a.paper.openOrders().isEmpty() && cash.isPositive()) {
                        for (SleeveKind kind : SleeveKind.values()) {
                            a.flowToday[kind.ordinal()] -= a.book.cash(kind).cents();
                        }
                        a.parent.flowToday[SleeveKind.COM.ordinal()] += cash.cents();
                        a.cursor = a.paper.withdraw(cash).id();
                        a.parent.cursor = a.parent.paper.deposit(cash).id();
                        a.book = LedgerBook.unrecorded(a.id, new LedgerState(Map.of(), List.of()));
                        a.parent.book = moved(a.parent, SleeveKind.COM, cash);
                        a.mergedOn = index;
                        merged++;
                    }
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
                    a.flowToday[SleeveKind.GEN.ordinal()] -= fork.surplus().cents();
                    a.forks++;
                    AccountConfig config = a.config.withTargets(rules.childTargets().get(SleeveKind.GEN), rules.childTargets().get(SleeveKind.REV),
                            rules.childTargets().get(SleeveKind.COM));
                    Sim child = new Sim(new AccountId(a.id.value() + "-f" + a.forks), config, market, fork.surplus(), a, index);
                    child.history = new SleeveHistory(index, expected - index);
                    child.lastCheck = day;
                    founded.add(child);
                    forked++;
                }
            }
            accounts.addAll(founded);
        }

        /**
         * The engine's merge by transfer (docs/decisions/0026) between two in-memory paper accounts: both books first take
         * what fell due, then the brokerage moves everything in one step, then each child sleeve's cash and positions join the
         * parent's sleeve of the same kind, valued at market as the day's flow of both. False if the brokerage refused.
         */
        private boolean transferIntoParent(Sim a, Marks marks) {
            Sim parent = a.parent;
            a.sync(marks);
            parent.sync(marks);
            io.alluse.broker.paper.PaperTransfer t;
            try {
                t = PaperAccount.transfer(a.id.value() + ".merge.transfer", a.paper, parent.paper);
            } catch (BrokerException e) {
                return false;
            }
            a.cursor = t.out().getLast().id();
            parent.cursor = t.in().getLast().id();
            io.alluse.domain.SleeveCapitals equity = a.book.equity(marks);
            for (SleeveKind kind : SleeveKind.values()) {
                a.flowToday[kind.ordinal()] -= equity.of(kind).cents();
                parent.flowToday[kind.ordinal()] += equity.of(kind).cents();
            }
            // the parent's Gen-Acc grew by what arrived, not by its own trading: capital-in, as the engine's MERGE_IN
            parent.genCapitalIn = parent.genCapitalIn.plus(equity.of(SleeveKind.GEN));
            parent.book = LedgerBook.unrecorded(parent.id, io.alluse.engine.MergeTransferBooking.combined(parent.book.state(), a.book.state()));
            a.book = LedgerBook.unrecorded(a.id, new LedgerState(Map.of(), List.of()));
            return true;
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
        private void cycle(Sim a, LocalDate day, Instant now, Marks marks) {
            a.sync(marks);
            if (a.merging) {
                if (spec.forking().map(r -> r.mergeMode() == ForkRules.MergeMode.TRANSFER_AT_MARKET).orElse(false)) {
                    a.sync(marks); // its positions move after the close, once its day orders have ended
                } else {
                    closeForMerge(a, marks);
                }
                return;
            }
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

        /** A merging account's window: the engine's closing orders (MergeOrders), each client order id sent once. */
        private void closeForMerge(Sim a, Marks marks) {
            List<OrderRecord> open = new ArrayList<>();
            for (BrokerOrder o : a.paper.openOrders()) {
                open.add(LedgerBookAccess.record(o, LedgerBookAccess.sleeveOf(o)));
            }
            for (OrderIntent intent : MergeOrders.closing(a.id, a.book.state().positions(), open, a.mergeOrders, market, a.parent.id.value())) {
                try {
                    a.mergeOrders.add(LedgerBookAccess.record(a.paper.place(new OrderRequest(intent.clientOrderId(), intent.instrument(), intent.side(),
                            intent.effect(), intent.quantity(), intent.limitPrice())), intent.sleeve()));
                } catch (BrokerException e) {
                    a.rejected++;
                }
            }
            a.sync(marks);
        }
    }

    /** An account reported with the results of an identical one that was simulated. */
    private record Copy(AccountId id, BacktestSnapshots.Recorder recorder) {
    }

    /** One simulated account: its paper brokerage account and its books. */
    private final class Sim {
        final AccountId id;
        final AccountConfig config;
        final PaperAccount paper;
        LedgerBook book;
        String cursor;
        final Money initialCapital;
        /** Gen-Acc's capital-in: its share of the opening deposit (a backtest has no deposits), plus what a merge by transfer brought. */
        Money genCapitalIn;
        /** The account this one was forked from, or null. */
        final Sim parent;
        /** Index of the first trading day in this account's life. */
        final int firstDay;
        int mergedOn = -1;
        /** At its merge amount: closes its positions at its windows, then merges. */
        boolean merging;
        /** The closing orders a merge sent (they number the attempts in the client order ids). */
        final List<OrderRecord> mergeOrders = new ArrayList<>();
        int forks;
        LocalDate lastCheck;
        /** The report's copy of this account's snapshots. */
        SleeveHistory history;
        /** The sink's recorder for this account. */
        final BacktestSnapshots.Recorder recorder;
        /** External flows booked today per sleeve, cents: the opening on the first day, fork and merge transfers. */
        final long[] flowToday = new long[SleeveKind.values().length];
        Money premium = Money.ZERO;
        int optionsSold;
        int assignments;
        int calledAway;
        int rejected;
        LocalDate week;
        final Map<io.alluse.domain.ledger.ClientOrderId, OrderRecord> weekOrders = new java.util.LinkedHashMap<>();
        /** Accounts identical to this one, reported with its results (empty with forking or when every account is simulated). */
        final List<Copy> copies = new ArrayList<>();


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
            for (SleeveKind kind : SleeveKind.values()) {
                flowToday[kind.ordinal()] = split.of(kind).cents();
            }
            this.recorder = snapshots.open(id, initialCapital);
        }

        /** The day's snapshots, after the close and any fork or merge: to the report's history and to the sink. */
        void endOfDay(LocalDate day, Marks marks, long[] cash, long[] positions) {
            for (SleeveKind kind : SLEEVES) {
                cash[kind.ordinal()] = book.cash(kind).cents();
            }
            book.positionsValues(marks, positions);
            history.endOfDay(day, cash, positions, flowToday);
            recorder.endOfDay(day, cash, positions, flowToday);
            for (int i = 0; i < copies.size(); i++) {
                copies.get(i).recorder().endOfDay(day, cash, positions, flowToday);
            }
            java.util.Arrays.fill(flowToday, 0);
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
