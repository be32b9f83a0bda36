package io.alluse.broker.paper;

import io.alluse.broker.BrokerAccount;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerException.Kind;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.BrokerPosition;
import io.alluse.broker.OrderRequest;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Stock;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.PositionEffect;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.calendar.Session;
import io.alluse.market.chain.OptionQuote;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One paper brokerage account held in memory: the matching, expiry and assignment logic that the
 * backtest, paper trading and (as the reference) live trading share. No I/O, deterministic, and
 * cheap enough for a thousand accounts over ten years; {@link PaperBrokerage} wraps it to keep
 * each change in the database.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Time.</b> Every call first catches the account up to {@code market.now()}: in time
 *       order, each day order still open at its session's close expires (status
 *       {@link OrderStatus#EXPIRED}), and each option position is settled at its expiry's close.
 *       Resting orders are re-checked against the quote of the moment whenever a call finds the
 *       session of their placement still running. The market gives quotes only for its current
 *       moment, so an order is checked at the moments the account is asked, not in between.
 *       The account's clock never runs backwards: a market clock set back is treated as standing
 *       still at the account's last change.</li>
 *   <li><b>Orders</b> are day limit orders, accepted only while the regular session is open,
 *       idempotent by client order id (the same id returns the existing order and does nothing
 *       else). They fill completely or not at all: a sell whose limit is at or below
 *       {@code mid - slippage} fills at once at {@code mid - slippage}, a buy whose limit is at or
 *       above {@code mid + slippage} at {@code mid + slippage}; otherwise the order rests. Mid is
 *       the option quote's mid in cents (half a cent rounds up), or the stock's spot rounded to
 *       the cent. Commission per option contract or per share is charged on each fill.</li>
 *   <li><b>Cash account.</b> A short put needs strike x 100 x contracts of free cash as
 *       collateral; a call may be sold to open only against 100 shares per contract held and not
 *       covering other calls or sell orders; a buy needs its limit cost plus commission (a buy to
 *       close a short put may use the collateral it frees); no short stock, no naked calls.
 *       Free cash (buying power) = cash - collateral of short puts - what open orders reserve.</li>
 *   <li><b>Expiry</b>, at the closing bell of the expiry day: an option is in the money when the
 *       underlying's official close, rounded to the cent, is at least one cent beyond the strike
 *       (below it for a put, above it for a call: the OCC's exercise-by-exception threshold);
 *       at the strike or beyond it the other way it expires worthless
 *       ({@link BrokerActivity.Expiration}). In the money, a short put is assigned (100 shares a
 *       contract bought at the strike), a short call is assigned (shares delivered at the strike),
 *       and a long option is exercised as far as the cash (call) or free shares (put) allow, the
 *       rest expiring. Assignments and exercises settle at the strike without commission; the
 *       shares' cost basis is the strike (the premium stays with the option's own record).
 *       Positions settle in a fixed order: first those that bring shares in (short puts, long
 *       calls), then those that take shares out, each group by underlying, expiry, right (calls first) and strike.</li>
 *   <li><b>Cost basis</b> of a position is the cash paid for it including commission (negative:
 *       received net of commission); closing part of a position removes the same fraction of it.</li>
 *   <li><b>Activity ids</b> are the activity's number, zero-padded to twelve digits, so they
 *       increase both as numbers and as text; broker order ids are {@code PO} and ten digits.</li>
 * </ul>
 *
 * <p>Thread-safe: every call holds the account's lock (one account's calls are serial anyway).
 */
public final class PaperAccount implements PaperBroker {

    private static final Logger log = LoggerFactory.getLogger(PaperAccount.class);
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int ACTIVITY_ID_DIGITS = 12;
    private static final DateTimeFormatter NY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ExchangeCalendar.NEW_YORK);
    private static final DateTimeFormatter NY_DAY = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm", Locale.US)
            .withZone(ExchangeCalendar.NEW_YORK);

    /** A position, mutable; {@code expiresAt} is the option's settlement moment (null for stock). */
    private static final class Holding {
        final Instrument instrument;
        final Instant expiresAt;
        long quantity;
        long costCents;

        Holding(Instrument instrument, ExchangeCalendar calendar) {
            this.instrument = instrument;
            this.expiresAt = instrument instanceof OptionContract c ? Sessions.expiryClose(calendar, c.expiry()) : null;
        }

        BrokerPosition toPosition() {
            return new BrokerPosition(instrument, quantity, Money.ofCents(costCents));
        }
    }

    /**
     * The order positions are listed and settled in: by underlying, its shares first, then options
     * by expiry, calls before puts, and strike. Cheaper than comparing OCC codes, which must be formatted.
     */
    private static final Comparator<Holding> BY_INSTRUMENT = (x, y) -> compareInstruments(x.instrument, y.instrument);

    static int compareInstruments(Instrument a, Instrument b) {
        int c = a.underlying().compareTo(b.underlying());
        if (c != 0) {
            return c;
        }
        if (a instanceof OptionContract x && b instanceof OptionContract y) {
            c = x.expiry().compareTo(y.expiry());
            if (c == 0) {
                c = x.right().compareTo(y.right());
            }
            return c != 0 ? c : x.strike().compareTo(y.strike());
        }
        return Boolean.compare(a instanceof OptionContract, b instanceof OptionContract);
    }

    /** An order, mutable; {@code reservedCents} is the free cash it holds back while open. */
    private static final class Order {
        final long seq;
        final OrderRequest request;
        final String brokerOrderId;
        final Instant submittedAt;
        final Instant expiresAt;
        final long reservedCents;
        OrderStatus status;
        long filledQuantity;
        long averageFillCents;
        Instant updatedAt;
        String reason;

        Order(long seq, OrderRequest request, Instant submittedAt, Instant expiresAt, long reservedCents) {
            this.seq = seq;
            this.request = request;
            this.brokerOrderId = brokerOrderId(seq);
            this.submittedAt = submittedAt;
            this.expiresAt = expiresAt;
            this.reservedCents = reservedCents;
            this.status = OrderStatus.SUBMITTED;
            this.updatedAt = submittedAt;
            this.reason = "";
        }

        boolean isOpen() {
            return !status.isFinal();
        }

        BrokerOrder toBrokerOrder() {
            return new BrokerOrder(request, brokerOrderId, status, filledQuantity, Money.ofCents(averageFillCents), submittedAt,
                    updatedAt, reason);
        }

        PaperState.OrderState toState() {
            return new PaperState.OrderState(seq, toBrokerOrder(), expiresAt);
        }
    }

    /** What changed since the last {@link #drainChanges()}: only tracked for the persistent account. */
    private static final class Changes {
        boolean account;
        final Set<Order> orders = new LinkedHashSet<>();
        final Set<Instrument> positions = new LinkedHashSet<>();
        long firstUnsavedActivitySeq;

        boolean isEmpty() {
            return !account && orders.isEmpty() && positions.isEmpty();
        }
    }

    private final String accountId;
    private final MarketView market;
    private final ExchangeCalendar calendar;
    private final PaperSettings settings;

    private long cashCents;
    private Instant lastChangeAt;
    private long nextActivitySeq;
    private long nextOrderSeq;
    /** Positions in {@link #BY_INSTRUMENT} order: an account holds a handful, so a sorted list beats hashing records. */
    private final List<Holding> holdings = new ArrayList<>();
    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    private final List<Order> openOrders = new ArrayList<>();
    private final ArrayList<BrokerActivity> activities = new ArrayList<>();
    /** Sequence number of {@code activities.get(0)}: earlier ones were forgotten. */
    private long firstActivitySeq;

    /**
     * Kept up to date with every change, so that a call with nothing due and no order open touches
     * little more than this object: a backtest cycles through a thousand accounts, and each pointer
     * followed into a cold account costs a cache miss.
     */
    private long putCollateralCents;
    private long reservedCents;
    /** The earliest order expiry or option settlement ahead; recomputed when orders or positions change. */
    private Instant nextEventAt;
    private boolean eventsStale = true;
    /** The moment resting orders were last compared with the market: no need to do it twice. */
    private Instant lastOrderCheckAt;

    private Changes changes;

    private PaperAccount(String accountId, MarketView market, PaperSettings settings) {
        this.accountId = checkAccountId(accountId);
        this.market = market;
        this.calendar = market.calendar();
        this.settings = settings;
    }

    /**
     * Opens a new paper account at the market's current moment, with {@code initialDeposit} booked
     * as its first activity (none when zero).
     */
    public static PaperAccount open(String accountId, MarketView market, PaperSettings settings, Money initialDeposit) {
        if (market == null || settings == null || initialDeposit == null) {
            throw new IllegalArgumentException("a paper account needs a market, settings and an initial deposit (may be $0.00)");
        }
        if (initialDeposit.isNegative()) {
            throw new BrokerException(Kind.REJECTED, "initial deposit must be $0.00 or more, was " + initialDeposit);
        }
        PaperAccount account = new PaperAccount(accountId, market, settings);
        account.lastChangeAt = market.now();
        account.nextActivitySeq = 1;
        account.firstActivitySeq = 1;
        account.nextOrderSeq = 1;
        if (initialDeposit.isPositive()) {
            account.deposit(initialDeposit);
        }
        return account;
    }

    /** An account exactly as {@code state} describes it, answering as the account it was taken from would. */
    public static PaperAccount restore(PaperState state, MarketView market) {
        PaperAccount account = new PaperAccount(state.accountId(), market, state.settings());
        account.cashCents = state.cash().cents();
        account.lastChangeAt = state.lastChangeAt();
        account.nextActivitySeq = state.nextActivitySeq();
        account.nextOrderSeq = state.nextOrderSeq();
        for (BrokerPosition p : state.positions()) {
            Holding h = new Holding(p.instrument(), account.calendar);
            h.quantity = p.quantity();
            h.costCents = p.costBasis().cents();
            int at = account.find(p.instrument());
            account.holdings.add(-at - 1, h);
            account.putCollateralCents += shortPutCollateral(p.instrument(), p.quantity());
        }
        for (PaperState.OrderState s : state.orders()) {
            BrokerOrder b = s.order();
            Order o = new Order(s.seq(), b.request(), b.submittedAt(), s.expiresAt(), account.reservation(b.request()));
            o.status = b.status();
            o.filledQuantity = b.filledQuantity();
            o.averageFillCents = b.averageFillPrice().cents();
            o.updatedAt = b.updatedAt();
            o.reason = b.reason();
            account.orders.put(b.request().clientOrderId(), o);
            if (o.isOpen()) {
                account.addOpen(o);
            }
        }
        account.activities.addAll(state.activities());
        account.firstActivitySeq = state.activities().isEmpty() ? state.nextActivitySeq()
                : parseActivityId(state.activities().getFirst().id());
        return account;
    }

    // ---------------------------------------------------------------------------------------------
    // Broker

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public PaperSettings settings() {
        return settings;
    }

    @Override
    public MarketView market() {
        return market;
    }

    @Override
    public synchronized BrokerAccount account() {
        catchUp();
        long equity = cashCents;
        for (Holding h : holdings) {
            equity = Math.addExact(equity, Math.multiplyExact(markCents(h.instrument), Math.multiplyExact(h.quantity,
                    (long) h.instrument.multiplier())));
        }
        return new BrokerAccount(accountId, Money.ofCents(cashCents), Money.ofCents(freeCashCents()), Money.ofCents(equity), true,
                "ACTIVE");
    }

    @Override
    public synchronized List<BrokerPosition> positions() {
        catchUp();
        return sortedPositions();
    }

    private List<BrokerPosition> sortedPositions() {
        List<BrokerPosition> list = new ArrayList<>(holdings.size());
        for (Holding h : holdings) {
            list.add(h.toPosition());
        }
        return list;
    }

    @Override
    public synchronized BrokerOrder place(OrderRequest request) {
        if (request == null) {
            throw new BrokerException(Kind.REJECTED, "no order given");
        }
        Instant now = catchUp();
        Order existing = orders.get(request.clientOrderId());
        if (existing != null) {
            return existing.toBrokerOrder();
        }
        Instant close = sessionCloseIfOpen(now);
        Money mid = acceptanceChecks(request, now);
        long reserved;
        try {
            reserved = reservation(request);
            checkFunds(request, reserved);
        } catch (ArithmeticException e) {
            throw new BrokerException(Kind.REJECTED, "Order " + request.clientOrderId() + " is too large to be handled ("
                    + request.quantity() + " at " + request.limitPrice() + ").");
        }
        Order order = new Order(nextOrderSeq++, request, now, close, reserved);
        orders.put(request.clientOrderId(), order);
        addOpen(order);
        touchAccount(now);
        changed(order);
        tryFill(order, mid, now);
        return order.toBrokerOrder();
    }

    @Override
    public synchronized Optional<BrokerOrder> order(ClientOrderId id) {
        catchUp();
        Order o = orders.get(id);
        return o == null ? Optional.empty() : Optional.of(o.toBrokerOrder());
    }

    @Override
    public synchronized List<BrokerOrder> openOrders() {
        catchUp();
        List<BrokerOrder> list = new ArrayList<>(openOrders.size());
        for (Order o : openOrders) {
            list.add(o.toBrokerOrder());
        }
        return list;
    }

    @Override
    public synchronized BrokerOrder cancel(ClientOrderId id) {
        Instant now = catchUp();
        Order o = orders.get(id);
        if (o == null) {
            throw new BrokerException(Kind.NOT_FOUND, "Paper account " + accountId + " has no order with client order id " + id + ".");
        }
        if (o.isOpen()) {
            o.status = OrderStatus.CANCELLED;
            o.updatedAt = now;
            o.reason = "cancelled on request";
            removeOpen(o);
            touchAccount(now);
            changed(o);
        }
        return o.toBrokerOrder();
    }

    @Override
    public synchronized List<BrokerActivity> activities(Optional<String> afterId, int limit) {
        if (limit < 1) {
            throw new BrokerException(Kind.REJECTED, "activity limit must be at least 1, was " + limit);
        }
        long after = 0;
        if (afterId != null && afterId.isPresent()) {
            after = parseCursor(afterId.get());
        }
        catchUp();
        if (after >= nextActivitySeq) {
            throw new BrokerException(Kind.NOT_FOUND, "Paper account " + accountId + " never issued activity id " + afterId.get()
                    + "; its latest is " + (nextActivitySeq == 1 ? "none yet" : activityId(nextActivitySeq - 1)) + ".");
        }
        long fromSeq = Math.max(after + 1, firstActivitySeq);
        int from = (int) (fromSeq - firstActivitySeq);
        if (from >= activities.size()) {
            return List.of();
        }
        int to = (int) Math.min(activities.size(), from + (long) limit);
        return List.copyOf(activities.subList(from, to));
    }

    @Override
    public synchronized BrokerActivity.Deposit deposit(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw new BrokerException(Kind.REJECTED, "deposit amount must be positive, was " + amount);
        }
        Instant now = catchUp();
        cashCents = Math.addExact(cashCents, amount.cents());
        touchAccount(now);
        return (BrokerActivity.Deposit) record(new BrokerActivity.Deposit(activityId(nextActivitySeq), now, amount));
    }

    @Override
    public synchronized BrokerActivity.Withdrawal withdraw(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw new BrokerException(Kind.REJECTED, "withdrawal amount must be positive, was " + amount);
        }
        Instant now = catchUp();
        long free = freeCashCents();
        if (amount.cents() > free) {
            throw new BrokerException(Kind.INSUFFICIENT_FUNDS, "Cannot withdraw " + amount + ": at most " + Money.ofCents(Math.max(0, free))
                    + " is free (cash " + Money.ofCents(cashCents) + " less " + Money.ofCents(cashCents - free)
                    + " securing short puts and open orders).");
        }
        cashCents -= amount.cents();
        touchAccount(now);
        return (BrokerActivity.Withdrawal) record(new BrokerActivity.Withdrawal(activityId(nextActivitySeq), now, amount));
    }

    /**
     * Moves everything {@code from} holds, every position with its cost basis and all its cash, into
     * {@code to}, as one step of both accounts (docs/decisions/0026): each feed gets one
     * {@link BrokerActivity.PositionTransfer} per position and one {@link BrokerActivity.CashJournal},
     * all at the same moment and under {@code transferId}. Idempotent: if {@code from}'s feed already holds
     * this transfer id, nothing moves and the earlier activities come back ({@code repeated}). Both accounts
     * first settle what fell due. Refused ({@code REJECTED}, nothing changed) while {@code from} has open
     * orders, or if it holds nothing. The caller holds both accounts' monitors.
     */
    static PaperTransfer transferAll(String transferId, PaperAccount from, PaperAccount to) {
        if (transferId == null || transferId.isBlank() || transferId.length() > 64) {
            throw new BrokerException(Kind.REJECTED, "a transfer id of 1 to 64 characters is required, was '" + transferId + "'");
        }
        if (from == to || from.accountId.equals(to.accountId)) {
            throw new BrokerException(Kind.REJECTED, "cannot transfer paper account " + from.accountId + " into itself");
        }
        List<BrokerActivity> doneOut = from.activitiesOf(transferId);
        if (!doneOut.isEmpty()) {
            return new PaperTransfer(transferId, from.accountId, to.accountId, doneOut, to.activitiesOf(transferId), true);
        }
        Instant fromNow = from.catchUp();
        Instant toNow = to.catchUp();
        Instant now = fromNow.isAfter(toNow) ? fromNow : toNow;
        if (!from.openOrders.isEmpty()) {
            throw new BrokerException(Kind.REJECTED, "Paper account " + from.accountId + " has " + from.openOrders.size()
                    + " open order(s); cancel them or let them end before transferring the account.");
        }
        if (from.holdings.isEmpty() && from.cashCents <= 0) {
            throw new BrokerException(Kind.REJECTED, "Paper account " + from.accountId + " holds nothing to transfer.");
        }
        List<BrokerActivity> out = new ArrayList<>();
        List<BrokerActivity> in = new ArrayList<>();
        for (Holding h : List.copyOf(from.holdings)) {
            long quantity = h.quantity;
            long cost = h.costCents;
            from.changePosition(h.instrument, -quantity, -cost);
            to.changePosition(h.instrument, quantity, cost);
            out.add(from.record(new BrokerActivity.PositionTransfer(activityId(from.nextActivitySeq), now, transferId, to.accountId, h.instrument,
                    -quantity, Money.ofCents(cost))));
            in.add(to.record(new BrokerActivity.PositionTransfer(activityId(to.nextActivitySeq), now, transferId, from.accountId, h.instrument,
                    quantity, Money.ofCents(cost))));
        }
        long cash = from.cashCents;
        if (cash > 0) {
            from.cashCents = 0;
            to.cashCents = Math.addExact(to.cashCents, cash);
            out.add(from.record(new BrokerActivity.CashJournal(activityId(from.nextActivitySeq), now, transferId, to.accountId, Money.ofCents(-cash))));
            in.add(to.record(new BrokerActivity.CashJournal(activityId(to.nextActivitySeq), now, transferId, from.accountId, Money.ofCents(cash))));
        }
        from.touchAccount(now);
        to.touchAccount(now);
        return new PaperTransfer(transferId, from.accountId, to.accountId, out, in, false);
    }

    /** The activities of a transfer under {@code transferId} still in the feed, oldest first. */
    synchronized List<BrokerActivity> activitiesOf(String transferId) {
        List<BrokerActivity> found = new ArrayList<>();
        for (BrokerActivity a : activities) {
            if ((a instanceof BrokerActivity.PositionTransfer p && p.transferId().equals(transferId))
                    || (a instanceof BrokerActivity.CashJournal j && j.transferId().equals(transferId))) {
                found.add(a);
            }
        }
        return found;
    }

    /**
     * The backtest's transfer between two in-memory accounts: {@link #transferAll} holding both monitors in
     * account id order, so two transfers can never wait on each other.
     */
    public static PaperTransfer transfer(String transferId, PaperAccount from, PaperAccount to) {
        PaperAccount first = from.accountId.compareTo(to.accountId) <= 0 ? from : to;
        PaperAccount second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                return transferAll(transferId, from, to);
            }
        }
    }

    /** Everything the account is, for saving, comparing and restoring. */
    public synchronized PaperState state() {
        List<BrokerPosition> positions = sortedPositions();
        List<PaperState.OrderState> orderStates = new ArrayList<>(orders.size());
        for (Order o : orders.values()) {
            orderStates.add(o.toState());
        }
        return new PaperState(accountId, settings, Money.ofCents(cashCents), lastChangeAt, nextActivitySeq, nextOrderSeq, positions,
                orderStates, activities);
    }

    /**
     * For long backtests: forgets the activities up to and including {@code throughActivityId} and
     * every order already in a final state, so memory stays flat however many years run. A
     * forgotten client order id is no longer recognised. Not for paper trading, where the feed and
     * the orders must stay answerable; the persistent account does not offer it.
     */
    public synchronized void forgetHistory(String throughActivityId) {
        long through = Math.min(parseCursor(throughActivityId), nextActivitySeq - 1);
        if (through >= firstActivitySeq) {
            activities.subList(0, (int) (through - firstActivitySeq + 1)).clear();
            firstActivitySeq = through + 1;
        }
        orders.values().removeIf(o -> !o.isOpen());
    }

    @Override
    public String toString() {
        return "paper account " + accountId;
    }

    // ---------------------------------------------------------------------------------------------
    // Catching up with the market

    /** The account's current moment: the market's, but never before the account's last change. */
    private Instant now() {
        Instant t = market.now();
        return t.isBefore(lastChangeAt) ? lastChangeAt : t;
    }

    /** Settles everything due by now, in time order, then re-checks resting orders; returns now. */
    private Instant catchUp() {
        Instant now = now();
        while (true) {
            Instant next = nextEventAt();
            if (next == null || next.isAfter(now)) {
                break;
            }
            settleAt(next);
        }
        // An order still open was placed in a session whose close is still ahead: the market is open.
        if (!openOrders.isEmpty() && !now.equals(lastOrderCheckAt)) {
            lastOrderCheckAt = now;
            for (Order o : List.copyOf(openOrders)) {
                Money mid;
                try {
                    mid = mid(o.request.instrument());
                } catch (MarketDataException e) {
                    log.debug("{}: no quote for resting order {} at {}: {}", accountId, o.request.clientOrderId(), now, e.getMessage());
                    continue;
                }
                tryFill(o, mid, now);
            }
        }
        return now;
    }

    private Instant nextEventAt() {
        if (eventsStale) {
            Instant next = null;
            for (Order o : openOrders) {
                if (next == null || o.expiresAt.isBefore(next)) {
                    next = o.expiresAt;
                }
            }
            for (Holding h : holdings) {
                if (h.expiresAt != null && (next == null || h.expiresAt.isBefore(next))) {
                    next = h.expiresAt;
                }
            }
            nextEventAt = next;
            eventsStale = false;
        }
        return nextEventAt;
    }

    private void addOpen(Order o) {
        openOrders.add(o);
        reservedCents += o.reservedCents;
        eventsStale = true;
    }

    private void removeOpen(Order o) {
        openOrders.remove(o);
        reservedCents -= o.reservedCents;
        eventsStale = true;
    }

    /** Everything due at the closing bell {@code close}: day orders expire, then options settle. */
    private void settleAt(Instant close) {
        for (Iterator<Order> it = openOrders.iterator(); it.hasNext(); ) {
            Order o = it.next();
            if (!o.expiresAt.isAfter(close)) {
                it.remove();
                reservedCents -= o.reservedCents;
                eventsStale = true;
                o.status = OrderStatus.EXPIRED;
                o.updatedAt = o.expiresAt;
                o.reason = "day order not filled by the close (" + NY_TIME.format(o.expiresAt) + " New York)";
                changed(o);
                touchAccount(o.expiresAt);
            }
        }
        List<Holding> expiring = null;
        for (Holding h : holdings) {
            if (h.expiresAt != null && !h.expiresAt.isAfter(close)) {
                if (expiring == null) {
                    expiring = new ArrayList<>(4);
                }
                expiring.add(h);
            }
        }
        if (expiring == null) {
            return;
        }
        // All the closes first: if the market cannot tell one, nothing of this close is settled yet.
        LocalDate day = Sessions.tradingDayOf(close);
        expiring.sort(SETTLEMENT_ORDER);
        long[] closes = new long[expiring.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = Sessions.officialClose(market, expiring.get(i).instrument.underlying(), day, accountId);
        }
        for (int i = 0; i < closes.length; i++) {
            Holding h = expiring.get(i);
            settle(h, (OptionContract) h.instrument, closes[i], close);
        }
        touchAccount(close);
    }

    /** Positions that bring shares in settle first, so that those that take shares out find them. */
    private static final Comparator<Holding> SETTLEMENT_ORDER =
            Comparator.comparingInt((Holding h) -> bringsSharesIn(h) ? 0 : 1).thenComparing(BY_INSTRUMENT);

    private static boolean bringsSharesIn(Holding h) {
        OptionContract c = (OptionContract) h.instrument;
        return (c.right() == OptionRight.PUT) == (h.quantity < 0);
    }

    private void settle(Holding h, OptionContract c, long closeCents, Instant at) {
        long strike = c.strike().cents();
        boolean inTheMoney = c.right() == OptionRight.PUT ? closeCents < strike : closeCents > strike;
        long qty = h.quantity;
        if (!inTheMoney) {
            record(new BrokerActivity.Expiration(activityId(nextActivitySeq), at, c, qty));
            removeOption(h);
            return;
        }
        Stock stock = new Stock(c.underlying());
        long perContract = Math.multiplyExact(strike, (long) OptionContract.MULTIPLIER);
        if (qty < 0) {
            long n = -qty;
            long amount = Math.multiplyExact(perContract, n);
            long shares = n * OptionContract.MULTIPLIER;
            record(new BrokerActivity.Assignment(activityId(nextActivitySeq), at, c, n));
            removeOption(h);
            if (c.right() == OptionRight.PUT) {
                cashCents = Math.subtractExact(cashCents, amount);
                changePosition(stock, shares, amount);
            } else {
                cashCents = Math.addExact(cashCents, amount);
                changePosition(stock, -shares, -amount);
            }
            return;
        }
        long possible = c.right() == OptionRight.CALL
                ? Math.max(0, freeCashCents()) / perContract
                : Math.max(0, freeShares(c.underlying())) / OptionContract.MULTIPLIER;
        long exercised = Math.min(qty, possible);
        if (exercised > 0) {
            long amount = Math.multiplyExact(perContract, exercised);
            long shares = exercised * OptionContract.MULTIPLIER;
            record(new BrokerActivity.Exercise(activityId(nextActivitySeq), at, c, exercised));
            changePosition(c, -exercised, 0);
            if (c.right() == OptionRight.CALL) {
                cashCents = Math.subtractExact(cashCents, amount);
                changePosition(stock, shares, amount);
            } else {
                cashCents = Math.addExact(cashCents, amount);
                changePosition(stock, -shares, -amount);
            }
        }
        if (exercised < qty) {
            record(new BrokerActivity.Expiration(activityId(nextActivitySeq), at, c, qty - exercised));
            removeOption(h);
        }
    }

    private void removeOption(Holding h) {
        holdings.remove(h);
        putCollateralCents -= shortPutCollateral(h.instrument, h.quantity);
        eventsStale = true;
        changed(h.instrument);
    }

    // ---------------------------------------------------------------------------------------------
    // Orders

    /** The closing bell of the session open now; MARKET_CLOSED, naming the next opening, when none is. */
    private Instant sessionCloseIfOpen(Instant now) {
        Optional<Sessions.Bells> open = Sessions.openAt(calendar, now);
        if (open.isPresent()) {
            return open.get().close();
        }
        LocalDate today = ExchangeCalendar.dateOf(now);
        Optional<Session> session = calendar.session(today);
        Session next = session.isPresent() && now.isBefore(session.get().openInstant()) ? session.get()
                : calendar.session(calendar.nextTradingDay(today)).orElseThrow();
        throw new BrokerException(Kind.MARKET_CLOSED, "The market is closed (" + NY_DAY.format(now) + " New York); it opens "
                + NY_DAY.format(next.openInstant()) + ". Paper orders are accepted only during the regular session.");
    }

    /** Checks the order against what the account holds; returns the mid it would fill against. */
    private Money acceptanceChecks(OrderRequest r, Instant now) {
        Instrument instrument = r.instrument();
        if (instrument instanceof OptionContract c && !Sessions.expiryClose(calendar, c.expiry()).isAfter(now)) {
            throw new BrokerException(Kind.REJECTED, "Cannot trade " + c + ": it expired at the close of " + c.expiry() + ".");
        }
        Money mid;
        try {
            mid = mid(instrument);
        } catch (MarketDataException e) {
            throw new BrokerException(Kind.REJECTED, "Cannot trade " + describe(instrument) + ": " + e.getMessage(), e);
        }
        long held = heldQuantity(instrument);
        if (instrument instanceof Stock s) {
            if (r.side() == OrderSide.SELL && r.effect() == PositionEffect.OPEN) {
                throw new BrokerException(Kind.REJECTED, what(r) + ": short selling stock is not allowed in a cash account.");
            }
            if (r.side() == OrderSide.BUY && r.effect() == PositionEffect.CLOSE) {
                throw new BrokerException(Kind.REJECTED, what(r) + ": there is no short stock position to close in a cash account.");
            }
            if (r.side() == OrderSide.SELL) {
                long free = freeShares(s.underlying());
                if (r.quantity() > free) {
                    throw new BrokerException(Kind.REJECTED, what(r) + ": only " + Math.max(0, free) + " of the " + held + " " + s
                            + " shares held are free; the others cover short calls or other sell orders.");
                }
            }
            return mid;
        }
        OptionContract c = (OptionContract) instrument;
        if (r.effect() == PositionEffect.OPEN) {
            if (r.side() == OrderSide.BUY && held < 0) {
                throw new BrokerException(Kind.REJECTED, what(r) + ": the account is short " + -held + " of this contract; buy to CLOSE instead.");
            }
            if (r.side() == OrderSide.SELL && held > 0) {
                throw new BrokerException(Kind.REJECTED, what(r) + ": the account holds " + held + " of this contract; sell to CLOSE instead.");
            }
            if (r.side() == OrderSide.SELL && c.right() == OptionRight.CALL) {
                long needed = Math.multiplyExact(r.quantity(), (long) OptionContract.MULTIPLIER);
                long shares = heldQuantity(new Stock(c.underlying()));
                long free = freeShares(c.underlying());
                if (needed > free) {
                    throw new BrokerException(Kind.REJECTED, what(r) + ": a covered call needs " + needed + " " + c.underlying()
                            + " shares to cover it (a cash account cannot sell naked calls); " + Math.max(0, shares) + " held, "
                            + Math.max(0, shares - Math.max(0, free)) + " of them already cover other calls or sell orders.");
                }
            }
        } else {
            long pending = pendingClose(c, r.side());
            long closable = r.side() == OrderSide.BUY ? Math.max(0, -held) - pending : Math.max(0, held) - pending;
            if (r.quantity() > closable) {
                String position = held == 0 ? "no position" : held < 0 ? "short " + -held : "long " + held;
                throw new BrokerException(Kind.REJECTED, what(r) + ": the account holds " + position + " in this contract"
                        + (pending > 0 ? " and open orders already close " + pending : "") + ", so at most "
                        + Math.max(0, closable) + " can be closed.");
            }
        }
        return mid;
    }

    /** Free cash the order holds back while open: collateral for a short put, the cost of a buy. */
    private long reservation(OrderRequest r) {
        long mult = r.instrument().multiplier();
        long gross = Math.multiplyExact(Math.multiplyExact(r.limitPrice().cents(), mult), r.quantity());
        long commission = commissionCents(r.instrument(), r.quantity());
        if (r.side() == OrderSide.BUY) {
            long cost = Math.addExact(gross, commission);
            if (r.effect() == PositionEffect.CLOSE && r.instrument() instanceof OptionContract c && c.right() == OptionRight.PUT) {
                return Math.max(0, cost - collateralCents(c, r.quantity()));
            }
            return cost;
        }
        long shortfall = Math.max(0, commission - gross);
        if (r.effect() == PositionEffect.OPEN && r.instrument() instanceof OptionContract c && c.right() == OptionRight.PUT) {
            return Math.addExact(collateralCents(c, r.quantity()), shortfall);
        }
        return shortfall;
    }

    private void checkFunds(OrderRequest r, long reserved) {
        long free = freeCashCents();
        if (reserved <= free) {
            return;
        }
        String need;
        if (r.side() == OrderSide.SELL && r.instrument() instanceof OptionContract c) {
            need = "needs " + Money.ofCents(reserved) + " of free cash as collateral (" + r.quantity() + " x 100 x strike "
                    + c.strike() + ")";
        } else {
            long mult = r.instrument().multiplier();
            boolean freesCollateral = r.effect() == PositionEffect.CLOSE && r.instrument() instanceof OptionContract c
                    && c.right() == OptionRight.PUT;
            need = "at up to " + r.limitPrice() + " needs " + Money.ofCents(reserved) + " (" + r.quantity()
                    + (mult == 1 ? "" : " x " + mult) + " x " + r.limitPrice() + " + "
                    + Money.ofCents(commissionCents(r.instrument(), r.quantity())) + " commission"
                    + (freesCollateral ? ", less the collateral it frees" : "") + ")";
        }
        throw new BrokerException(Kind.INSUFFICIENT_FUNDS, what(r) + " " + need + "; free cash is " + Money.ofCents(Math.max(0, free))
                + " (cash " + Money.ofCents(cashCents) + " less " + Money.ofCents(cashCents - free)
                + " securing short puts and open orders).");
    }

    /** Fills the whole order at mid -/+ slippage if its limit allows; otherwise leaves it resting. */
    private void tryFill(Order o, Money mid, Instant now) {
        OrderRequest r = o.request;
        long slip = settings.slippage().cents();
        long price = r.side() == OrderSide.SELL ? mid.cents() - slip : mid.cents() + slip;
        if (price <= 0) {
            return;
        }
        boolean marketable = r.side() == OrderSide.SELL ? r.limitPrice().cents() <= price : r.limitPrice().cents() >= price;
        if (!marketable) {
            return;
        }
        long qty = r.quantity();
        long gross = Math.multiplyExact(Math.multiplyExact(price, (long) r.instrument().multiplier()), qty);
        long commission = commissionCents(r.instrument(), qty);
        long paid = r.side() == OrderSide.BUY ? gross + commission : commission - gross;
        cashCents = Math.subtractExact(cashCents, paid);
        changePosition(r.instrument(), r.side() == OrderSide.BUY ? qty : -qty, paid);
        o.status = OrderStatus.FILLED;
        o.filledQuantity = qty;
        o.averageFillCents = price;
        o.updatedAt = now;
        removeOpen(o);
        changed(o);
        touchAccount(now);
        record(new BrokerActivity.Fill(activityId(nextActivitySeq), now, r.clientOrderId(), r.instrument(), r.side(), qty,
                Money.ofCents(price), Money.ofCents(commission)));
    }

    // ---------------------------------------------------------------------------------------------
    // Positions and cash

    /**
     * Adds {@code delta} units to the position in {@code instrument}, for {@code paidCents} of cash
     * (negative when received). Adding to a position adds the cash to its cost basis; reducing it
     * removes the same fraction of the basis; crossing zero opens the rest at its share of the cash.
     */
    private void changePosition(Instrument instrument, long delta, long paidCents) {
        int at = find(instrument);
        Holding h;
        if (at >= 0) {
            h = holdings.get(at);
        } else {
            h = new Holding(instrument, calendar);
            holdings.add(-at - 1, h);
            if (h.expiresAt != null) {
                eventsStale = true;
            }
        }
        long old = h.quantity;
        long now = Math.addExact(old, delta);
        if (old == 0 || Long.signum(old) == Long.signum(delta)) {
            h.costCents = Math.addExact(h.costCents, paidCents);
        } else if (Long.signum(now) == Long.signum(old)) {
            h.costCents -= Math.multiplyExact(h.costCents, Math.abs(delta)) / Math.abs(old);
        } else {
            // closes all of the old position, opens the rest (never by the checks of a cash account)
            h.costCents = now == 0 ? 0 : Math.multiplyExact(paidCents, Math.abs(now)) / Math.abs(delta);
        }
        putCollateralCents += shortPutCollateral(instrument, now) - shortPutCollateral(instrument, old);
        h.quantity = now;
        if (now == 0) {
            holdings.remove(h);
            if (h.expiresAt != null) {
                eventsStale = true;
            }
        }
        changed(instrument);
    }

    private long heldQuantity(Instrument instrument) {
        int at = find(instrument);
        return at < 0 ? 0 : holdings.get(at).quantity;
    }

    /** Index of the position in {@code instrument}, or {@code -(insertion point) - 1}. */
    private int find(Instrument instrument) {
        int lo = 0;
        int hi = holdings.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareInstruments(holdings.get(mid).instrument, instrument);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    /** Cash less the collateral of short puts and what open orders reserve. */
    private long freeCashCents() {
        return cashCents - putCollateralCents - reservedCents;
    }

    /** What a position of {@code quantity} in {@code instrument} holds back as collateral: only short puts do. */
    private static long shortPutCollateral(Instrument instrument, long quantity) {
        return quantity < 0 && instrument instanceof OptionContract c && c.right() == OptionRight.PUT ? collateralCents(c, -quantity) : 0;
    }

    /** Shares of {@code symbol} held and not covering short calls, open call sales or stock sell orders. */
    private long freeShares(Symbol symbol) {
        long free = heldQuantity(new Stock(symbol));
        for (Holding h : holdings) {
            if (h.quantity < 0 && h.instrument instanceof OptionContract c && c.right() == OptionRight.CALL
                    && c.underlying().equals(symbol)) {
                free -= -h.quantity * OptionContract.MULTIPLIER;
            }
        }
        for (Order o : openOrders) {
            OrderRequest r = o.request;
            if (r.side() != OrderSide.SELL || !r.instrument().underlying().equals(symbol)) {
                continue;
            }
            if (r.instrument() instanceof Stock) {
                free -= r.quantity();
            } else if (r.effect() == PositionEffect.OPEN && ((OptionContract) r.instrument()).right() == OptionRight.CALL) {
                free -= r.quantity() * OptionContract.MULTIPLIER;
            }
        }
        return free;
    }

    /** Contracts that open orders on the same side already close. */
    private long pendingClose(OptionContract c, OrderSide side) {
        long pending = 0;
        for (Order o : openOrders) {
            OrderRequest r = o.request;
            if (r.effect() == PositionEffect.CLOSE && r.side() == side && r.instrument().equals(c)) {
                pending += r.quantity();
            }
        }
        return pending;
    }

    private static long collateralCents(OptionContract c, long contracts) {
        return Math.multiplyExact(Math.multiplyExact(c.strike().cents(), (long) OptionContract.MULTIPLIER), contracts);
    }

    private long commissionCents(Instrument instrument, long quantity) {
        Money rate = instrument instanceof OptionContract ? settings.commissionPerContract() : settings.commissionPerShare();
        return Math.multiplyExact(rate.cents(), quantity);
    }

    /** The price a fill is measured from: an option's quoted mid, or the stock's spot to the cent. */
    private Money mid(Instrument instrument) {
        return switch (instrument) {
            case OptionContract c -> quote(c).mid();
            case Stock s -> Money.roundedFrom(market.spot(s.underlying()));
        };
    }

    private long markCents(Instrument instrument) {
        try {
            return mid(instrument).cents();
        } catch (MarketDataException e) {
            throw new BrokerException(Kind.UNAVAILABLE, "Paper account " + accountId + " cannot value " + describe(instrument) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The market's quote for one contract. The chain of its expiry is asked first because the market
     * builds each chain once per quote moment and shares it: the thousand accounts of a backtest
     * that quote the same contracts then pay a lookup each, not a pricing. Both give the same quote.
     */
    private OptionQuote quote(OptionContract c) {
        try {
            Optional<OptionQuote> q = market.chain(c.underlying(), c.expiry()).quote(c.right(), c.strike());
            if (q.isPresent()) {
                return q.get();
            }
        } catch (MarketDataException notListed) {
            // an expiry off the listing (e.g. far out): quote the contract on its own
        }
        return market.quote(c);
    }

    // ---------------------------------------------------------------------------------------------
    // Bookkeeping

    private BrokerActivity record(BrokerActivity activity) {
        activities.add(activity);
        nextActivitySeq++;
        if (changes != null) {
            changes.account = true;
        }
        return activity;
    }

    private void touchAccount(Instant at) {
        if (at.isAfter(lastChangeAt)) {
            lastChangeAt = at;
        }
        if (changes != null) {
            changes.account = true;
        }
    }

    private void changed(Order o) {
        if (changes != null) {
            changes.orders.add(o);
        }
    }

    private void changed(Instrument instrument) {
        if (changes != null) {
            changes.positions.add(instrument);
        }
    }

    /** From now on, remember what changes so that {@link #drainChanges()} can hand it to the store. */
    synchronized void trackChanges() {
        changes = new Changes();
        changes.firstUnsavedActivitySeq = nextActivitySeq;
    }

    /** What changed since the last call (or since tracking began), and forget it. */
    synchronized PaperChanges drainChanges() {
        if (changes == null) {
            throw new IllegalStateException("changes are not tracked for " + this);
        }
        if (changes.isEmpty() && changes.firstUnsavedActivitySeq == nextActivitySeq) {
            return PaperChanges.NONE;
        }
        List<PaperState.OrderState> changedOrders = new ArrayList<>(changes.orders.size());
        for (Order o : changes.orders) {
            changedOrders.add(o.toState());
        }
        List<BrokerPosition> changedPositions = new ArrayList<>(changes.positions.size());
        for (Instrument i : changes.positions) {
            int at = find(i);
            changedPositions.add(at < 0 ? new BrokerPosition(i, 0, Money.ZERO) : holdings.get(at).toPosition());
        }
        int from = (int) (changes.firstUnsavedActivitySeq - firstActivitySeq);
        List<BrokerActivity> added = List.copyOf(activities.subList(from, activities.size()));
        PaperChanges result = new PaperChanges(Money.ofCents(cashCents), lastChangeAt, nextActivitySeq, nextOrderSeq, changedOrders,
                changedPositions, added);
        changes = new Changes();
        changes.firstUnsavedActivitySeq = nextActivitySeq;
        return result;
    }

    // ---------------------------------------------------------------------------------------------
    // Ids and text

    static String activityId(long seq) {
        return pad(seq, ACTIVITY_ID_DIGITS);
    }

    static long parseActivityId(String id) {
        return Long.parseLong(id);
    }

    private long parseCursor(String id) {
        boolean digits = id != null && !id.isEmpty() && id.length() <= 18;
        for (int i = 0; digits && i < id.length(); i++) {
            digits = id.charAt(i) >= '0' && id.charAt(i) <= '9';
        }
        if (!digits) {
            throw new BrokerException(Kind.REJECTED, "'" + id + "' is not an activity id of paper account " + accountId
                    + " (ids are " + ACTIVITY_ID_DIGITS + " digits, e.g. " + activityId(42) + ").");
        }
        return Long.parseLong(id);
    }

    static String brokerOrderId(long seq) {
        return "PO" + pad(seq, 10);
    }

    private static String pad(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative sequence " + value);
        }
        char[] digits = new char[Math.max(width, 19)];
        int i = digits.length;
        do {
            digits[--i] = (char) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        int start = Math.min(i, digits.length - width);
        Arrays.fill(digits, start, i, '0');
        return new String(digits, start, digits.length - start);
    }

    private static String checkAccountId(String id) {
        if (id == null || !ACCOUNT_ID.matcher(id).matches()) {
            throw new BrokerException(Kind.REJECTED, "'" + id + "' is not a paper account id: use 1-64 letters, digits, dots, dashes"
                    + " or underscores, starting with a letter or digit (e.g. PAPER-ACCOUNT-1).");
        }
        return id;
    }

    /** "Selling 3 AAPL 2026-01-16 220.00 P to open", "Buying 100 AAPL shares". */
    private static String what(OrderRequest r) {
        return (r.side() == OrderSide.BUY ? "Buying " : "Selling ") + r.quantity() + " " + describe(r.instrument())
                + (r.instrument() instanceof OptionContract ? " to " + r.effect().name().toLowerCase(Locale.ROOT) : "");
    }

    private static String describe(Instrument instrument) {
        return instrument instanceof Stock s ? s.underlying() + " shares" : instrument.toString();
    }
}
