package io.alluse.engine;

import io.alluse.broker.Broker;
import io.alluse.broker.BrokerAccount;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.OrderRequest;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.CashFlow;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.AuditLine;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.domain.ledger.LedgerBatch;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.OrderUpdate;
import io.alluse.domain.run.AccountHealth;
import io.alluse.domain.run.CycleRun;
import io.alluse.domain.run.CycleStatus;
import io.alluse.engine.CycleSchedule.AccountView;
import io.alluse.engine.CycleSchedule.Due;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.store.AccountLedger;
import io.alluse.strategy.CycleContext;
import io.alluse.strategy.OrderIntent;
import io.alluse.strategy.SkippedTrade;
import io.alluse.strategy.SleeveDecision;
import io.alluse.strategy.SleeveState;
import io.alluse.strategy.Strategies;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works one account: its own serial lane, its own broker (with a time limit on every call), its
 * own ledger. Everything here runs on the lane, one item at a time; nothing here can reach another
 * account's broker or rows.
 */
final class AccountWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccountWorker.class);
    private static final int ACTIVITY_PAGE = 500;

    private final AccountId id;
    private final SerialLane lane;
    private final GuardedBroker broker;
    private final AccountLedger ledger;
    private final CycleSchedule schedule;
    private final EngineEvents events;
    private final Supplier<Instant> clock;
    private final EngineSettings settings;

    private volatile Account account;
    private volatile AccountView view;
    private volatile boolean busy;
    private volatile AccountHealth health = AccountHealth.OK;
    private volatile String lastError = "";
    private int failures;
    private boolean reconciled;
    // lane-confined caches of what the ledger holds, so that an idle sync reads and writes nothing
    private String cursor;
    private Money ledgerCash;
    /** Unfinished orders in the ledger; -1 until first counted. */
    private int openOrders = -1;
    /** The ledger's unfinished orders as last read, while this worker has not changed them since; null when unknown. */
    private List<OrderRecord> knownOpen;
    /**
     * The broker's answers to a cycle's orders and the audit lines after them, not yet written: the sync that follows
     * the sends writes them with its own booking in one transaction, or first on their own (docs/decisions/0035).
     */
    private LedgerBatch pending;
    /** Forking and merging, when the engine has it on (null otherwise). */
    private volatile Forking forking;
    /** The driver's memo of {@link #wakeFor}. */
    private volatile Plan plan;

    AccountWorker(Account account, Broker broker, AccountLedger ledger, CycleSchedule schedule, EngineEvents events,
                  Supplier<Instant> clock, EngineSettings settings) {
        this.id = account.id();
        this.account = account;
        this.lane = new SerialLane(id.value());
        this.broker = new GuardedBroker(broker, settings.brokerTimeout());
        this.ledger = ledger;
        this.schedule = schedule;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        Optional<CycleRun> last = ledger.lastCycle();
        var sync = ledger.syncState();
        this.health = sync.health();
        this.failures = sync.failures();
        this.lastError = sync.lastError();
        this.view = new AccountView(account.status(), account.config().window(), account.createdAt(), last.map(CycleRun::tradingDay),
                last.map(CycleRun::status), ledger.lastSnapshotDay(), Optional.empty(), Optional.empty());
    }

    AccountId id() {
        return id;
    }

    void forking(Forking f) {
        this.forking = f;
    }

    Account account() {
        return account;
    }

    AccountHealth health() {
        return health;
    }

    String lastError() {
        return lastError;
    }

    boolean busy() {
        return busy;
    }

    Instant nextWake(Instant now) {
        return schedule.nextWake(view, now);
    }

    boolean hasDue(Instant now) {
        return !schedule.due(view, now).isEmpty();
    }

    /**
     * For the driver: {@code now} if something is due now, otherwise when to look again. With
     * thousands of accounts the driver asks every one at every step, and most have nothing due
     * until a point already known: what is due changes only with the account's view (replaced, never
     * mutated, on every change) or at an instant {@link CycleSchedule#nextWake} returns (see
     * {@code CycleScheduleTest}, also while a retry waits), so the answer is kept until either happens.
     */
    Instant wakeFor(Instant now) {
        AccountView v = view;
        Plan p = plan;
        if (p != null && p.view == v && !now.isBefore(p.from) && now.isBefore(p.wake)) {
            return p.wake;
        }
        if (!schedule.due(v, now).isEmpty()) {
            return now;
        }
        Instant wake = schedule.nextWake(v, now);
        plan = new Plan(v, now, wake);
        return wake;
    }

    /** Nothing is due for {@code view} from {@code from} until {@code wake} (exclusive). */
    private record Plan(AccountView view, Instant from, Instant wake) {
    }

    /** Does what is due now, on the lane. */
    CompletableFuture<Void> work() {
        busy = true;
        return lane.run("due work", this::doDue).whenComplete((ok, failure) -> busy = false);
    }

    /** Runs arbitrary account work on the lane, after what is queued (pause, run now, deposit ...). */
    <T> CompletableFuture<T> submit(String what, Supplier<T> work) {
        return lane.submit(what, work);
    }

    /** The account changed (status, configuration): take the new one for everything that follows. */
    void update(Account changed) {
        account = changed;
        view = new AccountView(changed.status(), changed.config().window(), view.eligibleFrom(), view.lastCycleDay(), view.lastCycle(),
                view.lastSnapshot(), view.lastSync(), view.retryAt());
    }

    private void doDue() {
        Instant now = clock.get();
        for (Due due : schedule.due(view, now)) {
            try {
                // only work that talked to the broker and succeeded proves the account healthy again
                boolean talkedToBroker = switch (due) {
                    case Due.Sync s -> {
                        sync();
                        yield true;
                    }
                    case Due.Missed m -> {
                        record(m.days(), CycleStatus.MISSED);
                        yield false;
                    }
                    case Due.Paused p -> {
                        record(p.days(), CycleStatus.PAUSED);
                        yield false;
                    }
                    case Due.RunCycle r -> {
                        runCycle(r.day());
                        yield true;
                    }
                    case Due.FailCycle f -> {
                        failCycle(f.day());
                        yield false;
                    }
                    case Due.Snapshot s -> {
                        snapshot(s.day());
                        yield true;
                    }
                };
                if (talkedToBroker) {
                    succeeded();
                }
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
        }
    }

    /**
     * Syncs now and records the outcome in the account's health, as due work does: after the user
     * fixed the cause (e.g. unlocked the credential vault) the account recovers at once instead of
     * waiting out its back-off. A failure counts as one more failure and is rethrown.
     */
    void retryNow() {
        try {
            sync();
            succeeded();
        } catch (RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    // ---- sync and reconciliation --------------------------------------------------------------

    /**
     * Books every new broker activity, refreshes order states, and checks the books against the broker's
     * cash. A sync that finds nothing new writes nothing: at the 15-minute rhythm of a trading day
     * most of them are like that.
     */
    void sync() {
        Forking f = forking;
        if (f == null) {
            doSync();
            return;
        }
        // a fork or merge may write this account's rows before the sync books: what is pending goes first
        writePending();
        if (cursor == null) {
            // a fork or merge that a crash left half done is booked as such before anything else
            f.resume(account, Marks.of(broker.market()), clock.get());
        }
        f.guarded(id, this::doSync);
        if (f.isMerging(id)) {
            continueMerge(f);
        }
    }

    /**
     * A merge under way goes on after each sync: its closing orders are stored and sent like cycle
     * orders (nothing is ever sent twice), its positions move or its cash moves once that is all it holds.
     */
    private void continueMerge(Forking f) {
        Instant now = clock.get();
        try {
            List<OrderIntent> closing = f.continueMerge(account, broker.market(), now);
            for (OrderIntent intent : closing) {
                ledger.audit(now, AuditKind.DECISION, intent.sleeve().label() + ": " + intent.rationale(), "client order id " + intent.clientOrderId());
                send(intent, now, new ArrayList<>());
            }
            if (!closing.isEmpty()) {
                f.fail(Forking.Step.AFTER_MERGE_ORDERS);
            }
        } finally {
            // the merge may have booked in this account outside this worker's caches
            cursor = null;
            openOrders = -1;
            knownOpen = null;
        }
    }

    private void doSync() {
        try {
            syncAndBook();
        } finally {
            // not folded into the booking (nothing to book, or a failure): written on their own, as before 0035
            writePending();
        }
    }

    private void writePending() {
        if (pending != null) {
            LedgerBatch p = pending;
            pending = null;
            try {
                ledger.apply(p);
            } catch (RuntimeException e) {
                // what this worker keeps of its orders may assume those answers written: read them afresh next time
                knownOpen = null;
                openOrders = -1;
                throw e;
            }
        }
    }

    private void syncAndBook() {
        Instant now = clock.get();
        MarketView market = broker.market();
        Marks marks = Marks.of(market);
        BrokerAccount balances = broker.account();
        if (cursor == null) {
            var state = ledger.syncState();
            cursor = state.activityCursor();
            ledgerCash = ledger.state().totalCash();
        }
        List<BrokerActivity> activities = new ArrayList<>();
        String last = cursor;
        while (true) {
            List<BrokerActivity> page = broker.activities(last.isEmpty() ? Optional.empty() : Optional.of(last), ACTIVITY_PAGE);
            activities.addAll(page);
            if (!page.isEmpty()) {
                last = page.getLast().id();
            }
            if (page.size() < ACTIVITY_PAGE) {
                break;
            }
        }
        boolean heldBack = false;
        if (forking != null && activities.stream().anyMatch(a -> a instanceof BrokerActivity.PositionTransfer || a instanceof BrokerActivity.CashJournal)) {
            // a merge's transfer is booked by the merge in both ledgers at once (docs/decisions/0026): until it is, this
            // account's books stop before it, so that nothing after it is booked out of order and its cash is never
            // mistaken for an external flow
            java.util.Set<String> booked = ledger.transferReferences();
            for (int i = 0; i < activities.size(); i++) {
                BrokerActivity a = activities.get(i);
                if ((a instanceof BrokerActivity.PositionTransfer || a instanceof BrokerActivity.CashJournal) && !booked.contains(a.id())) {
                    log.info("Account {}: broker activity {} belongs to a transfer not booked yet; the books wait for it", id, a.id());
                    activities = new ArrayList<>(activities.subList(0, i));
                    last = i == 0 ? cursor : activities.getLast().id();
                    heldBack = true;
                    break;
                }
            }
        }
        List<OrderUpdate> orderUpdates = openOrders == 0 ? List.of() : refreshOrders(now);
        if (!orderUpdates.isEmpty()) {
            knownOpen = null;
        }
        boolean unexplained = !heldBack && activities.isEmpty() && !balances.cash().equals(ledgerCash);
        if (activities.isEmpty() && orderUpdates.isEmpty() && !unexplained) {
            markSynced(now);
            return;
        }
        if (forking != null && !activities.isEmpty()) {
            // the user's transfer of a waiting fork's surplus is that fork's, not an external withdrawal (0020)
            forking.claimTransfersOut(id, activities, now);
        }
        LedgerBook book = new LedgerBook(id, ledger.state());
        // money a fork or merge moved is booked by it already, in both accounts at once
        java.util.Set<String> transfers = forking != null && activities.stream().anyMatch(a -> a instanceof BrokerActivity.Deposit
                || a instanceof BrokerActivity.Withdrawal || a instanceof BrokerActivity.PositionTransfer || a instanceof BrokerActivity.CashJournal) ? ledger.transferReferences() : java.util.Set.of();
        for (BrokerActivity activity : activities) {
            if (!transfers.contains(activity.id())) {
                book.apply(activity, account.config(), marks);
            }
        }
        if (unexplained) {
            // a broker without an activity for it (or money moved outside the feed): book the unexplained
            // change once, as an external flow, under a reference that the next sync recognises
            Money difference = balances.cash().minus(book.state().totalCash());
            if (!difference.isZero()) {
                String reference = "balance-" + cursor + "-" + balances.cash().cents();
                book.apply(difference.isPositive() ? new BrokerActivity.Deposit(reference, now, difference)
                        : new BrokerActivity.Withdrawal(reference, now, difference.negate()), account.config(), marks);
                book.note(new AuditLine(now, AuditKind.SYNC, "Broker cash " + balances.cash() + " differs from the ledger by " + difference
                        + " with no activity to explain it: booked as an external " + (difference.isPositive() ? "deposit" : "withdrawal"), ""));
            }
        }
        SleeveCapitals capital = book.equity(marks);
        LedgerBatch batch = book.drain(activities.isEmpty() ? Optional.empty() : Optional.of(last), Optional.of(balances.cash()), Optional.of(capital));
        if (pending != null && !batch.audit().isEmpty() && batch.cashFlows().isEmpty()) {
            // the cycle's order answers and lines, then this booking, in one transaction: the same rows in the same order
            // (the sync row's time is this booking's last line either way; a cash flow's own lines would come first, so not then)
            List<OrderUpdate> orders = new ArrayList<>(pending.orders());
            orders.addAll(orderUpdates);
            List<AuditLine> lines = new ArrayList<>(pending.audit());
            lines.addAll(batch.audit());
            ledger.apply(new LedgerBatch(batch.entries(), batch.positions(), batch.cashFlows(), orders, lines, batch.capital(), batch.newCursor(),
                    batch.brokerCash()));
            pending = null;
        } else {
            writePending();
            ledger.apply(new LedgerBatch(batch.entries(), batch.positions(), batch.cashFlows(), orderUpdates, batch.audit(), batch.capital(),
                    batch.newCursor(), batch.brokerCash()));
        }
        cursor = last;
        ledgerCash = book.state().totalCash();
        book.drainEvents().forEach(events::publish);
        for (OrderUpdate u : orderUpdates) {
            if (u.status() == OrderStatus.CANCELLED || u.status() == OrderStatus.REJECTED || u.status() == OrderStatus.EXPIRED) {
                events.publish(new EngineEvent.OrderPlaced(id, now, id + ": order " + u.clientOrderId() + " " + u.status().name().toLowerCase(java.util.Locale.ROOT)
                        + (u.message().isBlank() ? "" : " (" + u.message() + ")")));
            }
        }
        markSynced(now);
    }

    private void markSynced(Instant now) {
        view = new AccountView(view.status(), view.window(), view.eligibleFrom(), view.lastCycleDay(), view.lastCycle(), view.lastSnapshot(),
                Optional.of(now), Optional.empty());
        reconciled = true;
    }

    /**
     * Asks the broker about every order our ledger holds as unfinished. An intent the broker never
     * received is sent later only by its own cycle, and only inside that cycle's window; otherwise it
     * is closed as never sent. Nothing is ever sent twice: the lookup by client order id comes first.
     */
    private List<OrderUpdate> refreshOrders(Instant now) {
        List<OrderUpdate> updates = new ArrayList<>();
        LocalDate today = ExchangeCalendar.dateOf(now);
        int stillOpen = 0;
        boolean windowOpen = schedule.windowOn(today, account.config().window()).map(w -> w.contains(now)).orElse(false);
        if (knownOpen == null) {
            knownOpen = withPending(ledger.openOrders());
        }
        for (OrderRecord o : knownOpen) {
            Optional<BrokerOrder> atBroker = broker.order(o.clientOrderId());
            if (atBroker.isPresent()) {
                BrokerOrder b = atBroker.get();
                if (b.status() != o.status() || b.filledQuantity() != o.filledQuantity()) {
                    updates.add(new OrderUpdate(o.clientOrderId(), b.status(), b.brokerOrderId(), b.filledQuantity(), b.averageFillPrice(),
                            b.reason(), now));
                }
                if (!b.status().isFinal()) {
                    stillOpen++;
                }
            } else if (o.status() == OrderStatus.INTENT) {
                boolean stillItsCycle = view.lastCycleDay().map(today::equals).orElse(false) && view.lastCycle().orElse(null) == CycleStatus.RUNNING;
                if (!(windowOpen && stillItsCycle)) {
                    updates.add(new OrderUpdate(o.clientOrderId(), OrderStatus.CANCELLED, "", 0, Money.ZERO,
                            "never sent: its cycle ended before it could be sent", now));
                } else {
                    stillOpen++;
                }
            } else {
                updates.add(new OrderUpdate(o.clientOrderId(), OrderStatus.REJECTED, o.brokerOrderId(), o.filledQuantity(), o.averageFillPrice(),
                        "the broker no longer knows this order", now));
            }
        }
        openOrders = stillOpen;
        return updates;
    }

    /** The unfinished orders as they will be once the pending answers are written (as the rows will read then). */
    private List<OrderRecord> withPending(List<OrderRecord> open) {
        if (pending == null || pending.orders().isEmpty()) {
            return open;
        }
        Map<io.alluse.domain.ledger.ClientOrderId, OrderUpdate> last = new java.util.HashMap<>();
        pending.orders().forEach(u -> last.put(u.clientOrderId(), u));
        List<OrderRecord> result = new ArrayList<>();
        for (OrderRecord o : open) {
            OrderUpdate u = last.get(o.clientOrderId());
            OrderRecord now = u == null ? o : new OrderRecord(o.id(), o.clientOrderId(), o.sleeve(), o.cycle(), o.instrument(), o.side(), o.effect(),
                    o.quantity(), o.limitPrice(), u.status(), u.brokerOrderId() == null ? "" : u.brokerOrderId(), u.filledQuantity(),
                    u.averageFillPrice(), o.createdAt(), u.at(), u.message() == null ? "" : u.message());
            if (!now.status().isFinal()) {
                result.add(now);
            }
        }
        return result;
    }

    // ---- the daily cycle ----------------------------------------------------------------------

    private void runCycle(LocalDate day) {
        Instant now = clock.get();
        if (!(view.lastCycleDay().map(day::equals).orElse(false))) {
            if (!ledger.recordCycle(day, CycleStatus.RUNNING, "", now)) {
                reloadCycle();
                return;
            }
            view = withCycle(day, CycleStatus.RUNNING);
        }
        if (!reconciled) {
            sync();
        }
        if (account.status() != AccountStatus.ACTIVE) {
            finish(day, CycleStatus.PAUSED, "account " + account.status().name().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        MarketView market = broker.market();
        LedgerBook book = new LedgerBook(id, ledger.state());
        // open orders, and this week's finished ones: the strategies recognise a leg already traded this week
        Instant weekStart = day.with(java.time.DayOfWeek.MONDAY).atStartOfDay(ExchangeCalendar.NEW_YORK).toInstant();
        List<OrderRecord> open = ledger.cycleOrders(weekStart);
        List<AuditLine> notes = new ArrayList<>();
        int placed;
        int skipped = 0;
        List<OrderIntent> intents = new ArrayList<>();
        List<AccountLedger.NewIntent> toStore = new ArrayList<>();
        // a fork waiting for its brokerage keeps its surplus in Gen-Acc, un-traded
        Money reserved = forking == null ? Money.ZERO : forking.reserved(id);
        for (SleeveKind kind : SleeveKind.values()) {
            Money cash = kind == SleeveKind.GEN ? book.cash(kind).minus(reserved) : book.cash(kind);
            SleeveState state = new SleeveState(id, account.config().sleeve(kind), account.config().cashBuffer(), cash,
                    book.positions(kind), open.stream().filter(o -> o.sleeve() == kind).toList());
            SleeveDecision decision = Strategies.forKind(kind).decide(state, market, new CycleContext(day, now));
            for (SkippedTrade skip : decision.skipped()) {
                notes.add(new AuditLine(now, AuditKind.SKIPPED, kind.label() + ": " + skip.symbol().map(s -> s + " ").orElse("") + "skipped ("
                        + skip.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): " + skip.detail(), ""));
                skipped++;
            }
            for (OrderIntent intent : decision.orders()) {
                notes.add(new AuditLine(now, AuditKind.DECISION, kind.label() + ": " + intent.rationale(), "client order id " + intent.clientOrderId()));
            }
            // the decision lines are committed with the first intent after them (or after the orders below)
            for (OrderIntent intent : decision.orders()) {
                intents.add(intent);
                toStore.add(new AccountLedger.NewIntent(notes, intent.clientOrderId(), intent.sleeve(), intent.cycle(), intent.instrument(),
                        intent.side(), intent.effect(), intent.quantity(), intent.limitPrice(), now));
                notes.clear();
            }
        }
        placed = sendAll(intents, toStore, now, notes);
        sync();
        finish(day, CycleStatus.DONE, placed + (placed == 1 ? " order" : " orders") + " placed, " + skipped + " skipped");
        afterCycle(day);
    }

    /** Forking and merging at their cadence, after the cycle; a failure here is retried by the next sync, never repeated. */
    private void afterCycle(LocalDate day) {
        Forking f = forking;
        if (f == null) {
            return;
        }
        try {
            f.afterCycle(account, Marks.of(broker.market()), day, clock.get());
        } catch (RuntimeException e) {
            log.warn("Account {}: fork or merge check failed; the next sync resumes it: {}", id, e.toString());
            ledger.audit(clock.get(), AuditKind.ERROR, "Fork or merge check failed (resumed at the next sync): " + e.getMessage(), e.toString());
        } finally {
            // the books changed outside this worker's caches: read them afresh (and resume anything unfinished) at the next sync
            cursor = null;
            openOrders = -1;
            knownOpen = null;
        }
    }

    /**
     * Stores the intent durably, then sends it. A retry of the same decision finds the stored intent
     * (same client order id) and the broker returns its existing order: nothing is sent twice.
     */
    private boolean send(OrderIntent intent, Instant now, List<AuditLine> linesBefore) {
        knownOpen = null;
        OrderRecord stored = ledger.storeIntent(List.copyOf(linesBefore), intent.clientOrderId(), intent.sleeve(), intent.cycle(), intent.instrument(),
                intent.side(), intent.effect(), intent.quantity(), intent.limitPrice(), now);
        linesBefore.clear();
        if (stored.status() != OrderStatus.INTENT) {
            return false;
        }
        BrokerOrder order;
        try {
            order = broker.place(requestOf(intent));
        } catch (BrokerException e) {
            if (e.retryable()) {
                throw e;
            }
            ledger.updateOrder(intent.clientOrderId(), OrderStatus.REJECTED, "", 0, Money.ZERO, e.getMessage(), now);
            AuditLine refused = refusedLine(intent, e, now);
            ledger.audit(now, refused.kind(), refused.summary(), refused.detail());
            events.publish(refusedEvent(e, now));
            return false;
        }
        ledger.updateOrder(intent.clientOrderId(), order.status(), order.brokerOrderId(), order.filledQuantity(), order.averageFillPrice(),
                order.reason(), now);
        openOrders = Math.max(openOrders, 0) + (order.status().isFinal() ? 0 : 1);
        events.publish(placedEvent(intent, order, now));
        return true;
    }

    /**
     * A cycle's orders (docs/decisions/0035): every intent stored and made durable first, in one transaction and one
     * checkpoint, then each sent; what the broker answered is written in one transaction with the lines after them
     * ({@code notesAfter}): by the sync that follows, with its booking, or here when a send fails part way. An order
     * sent and not yet recorded (a crash in between) is found by its client order id at the next sync, as before.
     * Returns how many orders were placed.
     */
    private int sendAll(List<OrderIntent> intents, List<AccountLedger.NewIntent> toStore, Instant now, List<AuditLine> notesAfter) {
        if (intents.isEmpty()) {
            flushNotes(notesAfter);
            return 0;
        }
        knownOpen = null;
        List<OrderRecord> stored = ledger.storeIntents(toStore);
        List<OrderUpdate> updates = new ArrayList<>();
        List<AuditLine> lines = new ArrayList<>();
        List<EngineEvent> toPublish = new ArrayList<>();
        int placed = 0;
        try {
            for (int i = 0; i < intents.size(); i++) {
                OrderIntent intent = intents.get(i);
                if (stored.get(i).status() != OrderStatus.INTENT) {
                    continue;
                }
                BrokerOrder order;
                try {
                    order = broker.place(requestOf(intent));
                } catch (BrokerException e) {
                    if (e.retryable()) {
                        throw e;
                    }
                    updates.add(new OrderUpdate(intent.clientOrderId(), OrderStatus.REJECTED, "", 0, Money.ZERO, e.getMessage(), now));
                    lines.add(refusedLine(intent, e, now));
                    toPublish.add(refusedEvent(e, now));
                    continue;
                }
                updates.add(new OrderUpdate(intent.clientOrderId(), order.status(), order.brokerOrderId(), order.filledQuantity(), order.averageFillPrice(),
                        order.reason(), now));
                openOrders = Math.max(openOrders, 0) + (order.status().isFinal() ? 0 : 1);
                toPublish.add(placedEvent(intent, order, now));
                placed++;
            }
            lines.addAll(notesAfter);
            notesAfter.clear();
            if (!updates.isEmpty() || !lines.isEmpty()) {
                // written by the sync that follows (runCycle), with its booking
                pending = new LedgerBatch(List.of(), List.of(), List.of(), updates, lines, Optional.empty(), Optional.empty(), Optional.empty());
                updates = List.of();
                lines = List.of();
            }
        } finally {
            if (!updates.isEmpty() || !lines.isEmpty()) {
                ledger.apply(new LedgerBatch(List.of(), List.of(), List.of(), updates, lines, Optional.empty(), Optional.empty(), Optional.empty()));
            }
            toPublish.forEach(events::publish);
        }
        return placed;
    }

    private static OrderRequest requestOf(OrderIntent intent) {
        return new OrderRequest(intent.clientOrderId(), intent.instrument(), intent.side(), intent.effect(), intent.quantity(), intent.limitPrice());
    }

    private static AuditLine refusedLine(OrderIntent intent, BrokerException e, Instant now) {
        return new AuditLine(now, AuditKind.ORDER, "Order " + intent.clientOrderId() + " refused by the broker: " + e.getMessage(), e.kind().name());
    }

    private EngineEvent refusedEvent(BrokerException e, Instant now) {
        return new EngineEvent.AccountFailing(id, now, id + ": order refused by the broker: " + e.getMessage());
    }

    private EngineEvent placedEvent(OrderIntent intent, BrokerOrder order, Instant now) {
        return new EngineEvent.OrderPlaced(id, now, id + " " + intent.sleeve().label() + ": " + intent.side().name().toLowerCase(java.util.Locale.ROOT)
                + " " + intent.quantity() + " " + LedgerBook.describe(intent.instrument()) + " limit " + intent.limitPrice() + " -> " + order.status());
    }

    private void flushNotes(List<AuditLine> notes) {
        if (!notes.isEmpty()) {
            ledger.apply(new LedgerBatch(List.of(), List.of(), List.of(), List.of(), notes, Optional.empty(), Optional.empty(), Optional.empty()));
            notes.clear();
        }
    }

    private void finish(LocalDate day, CycleStatus status, String summary) {
        Instant now = clock.get();
        ledger.finishCycle(day, status, summary, now);
        view = withCycle(day, status);
        events.publish(new EngineEvent.CycleFinished(id, now, id + " cycle " + day + ": " + summary));
    }

    private void failCycle(LocalDate day) {
        Instant now = clock.get();
        String why = lastError.isBlank() ? "its window closed before it could finish" : "its window closed before it could finish: " + lastError;
        ledger.finishCycle(day, CycleStatus.FAILED, why, now);
        if (view.lastCycleDay().map(day::equals).orElse(false)) {
            view = withCycle(day, CycleStatus.FAILED);
        }
        events.publish(new EngineEvent.AccountFailing(id, now, id + " cycle " + day + " failed: " + why));
    }

    private void record(List<LocalDate> days, CycleStatus status) {
        Instant now = clock.get();
        String why = status == CycleStatus.MISSED ? "the app was not running during the window" : "the account was paused";
        int recorded = 0;
        for (LocalDate day : days) {
            if (ledger.recordCycle(day, status, why, now)) {
                recorded++;
            }
        }
        LocalDate last = days.getLast();
        if (view.lastCycleDay().map(d -> d.isBefore(last)).orElse(true)) {
            view = withCycle(last, status);
        }
        if (status == CycleStatus.MISSED && recorded > 0) {
            String span = days.size() == 1 ? days.getFirst().toString() : days.size() + " cycles, " + days.getFirst() + " to " + last;
            events.publish(new EngineEvent.CycleMissed(id, now, id + ": missed " + span + " (the app was not running during the window)"));
        }
    }

    private void reloadCycle() {
        Optional<CycleRun> last = ledger.lastCycle();
        view = new AccountView(view.status(), view.window(), view.eligibleFrom(), last.map(CycleRun::tradingDay), last.map(CycleRun::status),
                view.lastSnapshot(), view.lastSync(), view.retryAt());
    }

    private AccountView withCycle(LocalDate day, CycleStatus status) {
        return new AccountView(view.status(), view.window(), view.eligibleFrom(), Optional.of(day), Optional.of(status), view.lastSnapshot(),
                view.lastSync(), view.retryAt());
    }

    /** "Run now": today's cycle outside its window (the caller checked the market is open). */
    void runCycleNow(LocalDate day) {
        runCycle(day);
        succeeded();
    }

    /** Cancels every order still open at the broker (closing the account). */
    void cancelOpenOrders() {
        Instant now = clock.get();
        knownOpen = null;
        for (OrderRecord o : ledger.openOrders()) {
            if (o.status() == OrderStatus.INTENT) {
                ledger.updateOrder(o.clientOrderId(), OrderStatus.CANCELLED, "", 0, Money.ZERO, "never sent: the account was closed", now);
                continue;
            }
            BrokerOrder b = broker.cancel(o.clientOrderId());
            ledger.updateOrder(o.clientOrderId(), b.status(), b.brokerOrderId(), b.filledQuantity(), b.averageFillPrice(),
                    "cancelled: the account was closed", now);
        }
        sync();
    }

    // ---- end of day ---------------------------------------------------------------------------

    private void snapshot(LocalDate day) {
        sync();
        Marks marks = Marks.of(broker.market());
        LedgerBook book = new LedgerBook(id, ledger.state());
        Instant dayStart = day.atStartOfDay(ExchangeCalendar.NEW_YORK).toInstant();
        Map<SleeveKind, Money> flows = ledger.flowsBetween(dayStart, day.plusDays(1).atStartOfDay(ExchangeCalendar.NEW_YORK).toInstant());
        List<EquitySnapshot> snapshots = new ArrayList<>();
        for (SleeveKind kind : SleeveKind.values()) {
            Money cash = book.cash(kind);
            Money positions = book.positionsValue(kind, marks);
            snapshots.add(new EquitySnapshot(id, kind, day, cash, positions, cash.plus(positions), flows.get(kind)));
        }
        // the tree shows each sleeve at its end-of-day value
        ledger.closeDay(snapshots, book.equity(marks));
        view = new AccountView(view.status(), view.window(), view.eligibleFrom(), view.lastCycleDay(), view.lastCycle(), Optional.of(day),
                view.lastSync(), view.retryAt());
    }

    // ---- health -------------------------------------------------------------------------------

    private void succeeded() {
        if (failures > 0 || health != AccountHealth.OK) {
            Instant now = clock.get();
            boolean wasError = health == AccountHealth.ERROR;
            failures = 0;
            health = AccountHealth.OK;
            ledger.recordHealth(AccountHealth.OK, 0, "", now);
            if (wasError) {
                events.publish(new EngineEvent.AccountRecovered(id, now, id + " is working again"));
            }
        }
    }

    private void failed(RuntimeException e) {
        Instant now = clock.get();
        failures++;
        lastError = e.getMessage() == null ? e.toString() : e.getMessage();
        AccountHealth before = health;
        health = settings.backoff().isError(failures) ? AccountHealth.ERROR : AccountHealth.RETRYING;
        Instant retryAt = now.plus(settings.backoff().delay(failures, id.value()));
        view = new AccountView(view.status(), view.window(), view.eligibleFrom(), view.lastCycleDay(), view.lastCycle(), view.lastSnapshot(),
                view.lastSync(), Optional.of(retryAt));
        if (!(e instanceof BrokerException) && !(e instanceof io.alluse.market.MarketDataException)) {
            log.error("Account {}: unexpected failure", id, e);
        } else {
            log.warn("Account {}: {} (failure {} in a row, retry at {})", id, lastError, failures, retryAt);
        }
        try {
            ledger.recordHealth(health, failures, lastError, now);
        } catch (RuntimeException storeFailure) {
            log.error("Account {}: could not record its health", id, storeFailure);
        }
        if (health == AccountHealth.ERROR && before != AccountHealth.ERROR) {
            events.publish(new EngineEvent.AccountFailing(id, now, id + " is in error after " + failures + " failures in a row: " + lastError
                    + " (still retrying every " + settings.backoff().max().toMinutes() + " min at most)"));
        }
    }

    String describeView() {
        return view.toString();
    }

    static String joinDays(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        lane.close();
        broker.close();
    }
}
