package io.alluse.engine;

import io.alluse.broker.BrokerActivity;
import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountId;
import io.alluse.domain.CashFlow;
import io.alluse.domain.FundChange;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Stock;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.AuditLine;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerBatch;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.NewEntry;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.Position;
import io.alluse.domain.ledger.PositionChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account's books in memory: applies broker activities to each sleeve's cash and positions
 * and collects the rows to write. Pure and deterministic; the engine and the backtest both book
 * through it, so paper trading and backtests account for the same activity identically.
 *
 * <p>Which sleeve an activity belongs to: fills by the sleeve in our client order id; assignments,
 * exercises and expirations by the sleeve(s) holding the option; deposits and withdrawals are
 * re-split over all sleeves to their targets ({@link FundChange}); fees by target share.
 */
public final class LedgerBook {

    private record Key(SleeveKind sleeve, String instrument) {
    }

    private static final class Holding {
        final Instrument instrument;
        long quantity;
        long costCents;
        Instant openedAt;

        Holding(Instrument instrument, long quantity, long costCents, Instant openedAt) {
            this.instrument = instrument;
            this.quantity = quantity;
            this.costCents = costCents;
            this.openedAt = openedAt;
        }
    }

    private final AccountId account;
    private final EnumMap<SleeveKind, Long> cash = new EnumMap<>(SleeveKind.class);
    private final Map<Key, Holding> holdings = new LinkedHashMap<>();

    private final List<NewEntry> entries = new ArrayList<>();
    private final List<PositionChange> positionChanges = new ArrayList<>();
    private final List<FundChange> cashFlows = new ArrayList<>();
    private final List<AuditLine> audit = new ArrayList<>();
    private final List<EngineEvent> events = new ArrayList<>();

    /**
     * False for a book that keeps cash and holdings only: it writes no rows, position changes, audit
     * lines or events, so it formats no text. The backtest drains and discards those every day; the
     * numbers are booked by the same code either way.
     */
    private final boolean records;

    public LedgerBook(AccountId account, LedgerState state) {
        this(account, state, true);
    }

    /** A book that keeps cash and holdings only, for a backtest; its drains are always empty. */
    public static LedgerBook unrecorded(AccountId account, LedgerState state) {
        return new LedgerBook(account, state, false);
    }

    private LedgerBook(AccountId account, LedgerState state, boolean records) {
        this.account = account;
        this.records = records;
        for (SleeveKind kind : SleeveKind.values()) {
            cash.put(kind, state.cash(kind).cents());
        }
        for (Position p : state.positions()) {
            holdings.put(new Key(p.sleeve(), p.instrument().code()), new Holding(p.instrument(), p.quantity(), p.costBasis().cents(), p.openedAt()));
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    public Money cash(SleeveKind kind) {
        return Money.ofCents(cash.get(kind));
    }

    public List<Position> positions(SleeveKind kind) {
        List<Position> result = new ArrayList<>();
        for (Map.Entry<Key, Holding> e : holdings.entrySet()) {
            Holding h = e.getValue();
            if (e.getKey().sleeve() == kind && h.quantity != 0) {
                result.add(new Position(kind, h.instrument, h.quantity, Money.ofCents(h.costCents), h.openedAt));
            }
        }
        return result;
    }

    public LedgerState state() {
        List<Position> all = new ArrayList<>();
        for (SleeveKind kind : SleeveKind.values()) {
            all.addAll(positions(kind));
        }
        EnumMap<SleeveKind, Money> c = new EnumMap<>(SleeveKind.class);
        cash.forEach((k, v) -> c.put(k, Money.ofCents(v)));
        return new LedgerState(c, all);
    }

    /** Market value of what one sleeve holds (short options negative). */
    public Money positionsValue(SleeveKind kind, Marks marks) {
        long total = 0;
        for (Map.Entry<Key, Holding> e : holdings.entrySet()) {
            Holding h = e.getValue();
            if (e.getKey().sleeve() == kind && h.quantity != 0) {
                Money fallback = Money.ofCents(h.quantity == 0 ? 0 : h.costCents / h.quantity);
                total = Math.addExact(total, Math.multiplyExact(marks.unitValue(h.instrument, fallback).cents(), h.quantity));
            }
        }
        return Money.ofCents(total);
    }

    /**
     * {@link #positionsValue} of every sleeve in one pass over the holdings: cents into {@code out} at
     * each sleeve's ordinal (the backtest values every account's three sleeves every day).
     */
    public void positionsValues(Marks marks, long[] out) {
        java.util.Arrays.fill(out, 0, SleeveKind.values().length, 0);
        for (Map.Entry<Key, Holding> e : holdings.entrySet()) {
            Holding h = e.getValue();
            if (h.quantity != 0) {
                Money fallback = Money.ofCents(h.costCents / h.quantity);
                int k = e.getKey().sleeve().ordinal();
                out[k] = Math.addExact(out[k], Math.multiplyExact(marks.unitValue(h.instrument, fallback).cents(), h.quantity));
            }
        }
    }

    /**
     * Forgets the closed holdings of option contracts that expired before {@code before}. A closed holding
     * stays in the book (a contract sold again keeps its place in the order of positions), so a book
     * kept for years, as a backtest keeps it, would otherwise scan every contract it ever held on each
     * read; an expired contract can never be traded again. Changes no figure and no order of positions.
     */
    public void forgetExpired(java.time.LocalDate before) {
        holdings.values().removeIf(h -> h.quantity == 0 && h.instrument instanceof OptionContract o && o.expiry().isBefore(before));
    }

    /** Holdings kept, open or closed (for tests of {@link #forgetExpired}). */
    int holdingsKept() {
        return holdings.size();
    }

    public SleeveCapitals equity(Marks marks) {
        EnumMap<SleeveKind, Money> e = new EnumMap<>(SleeveKind.class);
        for (SleeveKind kind : SleeveKind.values()) {
            e.put(kind, cash(kind).plus(positionsValue(kind, marks)));
        }
        return new SleeveCapitals(e);
    }

    // ---- booking ------------------------------------------------------------------------------

    /** Books one broker activity. {@code config} gives the targets for re-splits; {@code marks} values positions. */
    public void apply(BrokerActivity activity, AccountConfig config, Marks marks) {
        switch (activity) {
            case BrokerActivity.Fill f -> fill(f);
            case BrokerActivity.Assignment a -> assignment(a);
            case BrokerActivity.Exercise x -> exercise(x);
            case BrokerActivity.Expiration x -> expiration(x);
            case BrokerActivity.Deposit d -> cashFlow(CashFlow.deposit(d.amount(), d.at(), d.id()), config, marks);
            case BrokerActivity.Withdrawal w -> cashFlow(CashFlow.withdrawal(w.amount(), w.at(), w.id()), config, marks);
            case BrokerActivity.CashAdjustment c -> adjustment(c, config);
            // a merge's transfer is booked by the merge, in both accounts in one transaction with its lots and sleeves
            // (docs/decisions/0026); the sync skips its activities, so reaching here means it was not booked
            case BrokerActivity.PositionTransfer t -> unbookedTransfer(t);
            case BrokerActivity.CashJournal j -> unbookedTransfer(j);
        }
    }

    private void unbookedTransfer(BrokerActivity a) {
        if (records) {
            audit.add(new AuditLine(a.at(), AuditKind.SYNC, "Broker activity " + a.id() + " is part of a transfer between accounts that no merge"
                    + " booked; left for the merge to book", a.toString()));
        }
    }

    private void fill(BrokerActivity.Fill f) {
        SleeveKind sleeve = sleeveOf(f.clientOrderId());
        Holding h = holding(sleeve, f.instrument(), f.at());
        long signedQty = f.side() == OrderSide.SELL ? -f.quantity() : f.quantity();
        long amount = Math.multiplyExact(Math.multiplyExact(f.price().cents(), f.instrument().multiplier()), f.quantity());
        long cashDelta = f.side() == OrderSide.SELL ? amount : -amount;
        EntryKind kind = entryKind(f.instrument(), f.side(), h.quantity);
        move(sleeve, h, signedQty, -cashDelta, f.at());
        if (!records) {
            cash.merge(sleeve, f.commission().isPositive() ? Math.subtractExact(cashDelta, f.commission().cents()) : cashDelta, Math::addExact);
            return;
        }
        book(f.at(), sleeve, kind, f.instrument().code(), signedQty, f.price(), Money.ofCents(cashDelta), f.id(),
                (f.side() == OrderSide.SELL ? "Sold " : "Bought ") + f.quantity() + " " + describe(f.instrument()) + " at " + f.price()
                        + " (order " + f.clientOrderId() + ")");
        if (f.commission().isPositive()) {
            book(f.at(), sleeve, EntryKind.COMMISSION, f.instrument().code(), 0, Money.ZERO, f.commission().negate(), f.id(),
                    "Commission on " + f.quantity() + " " + describe(f.instrument()));
        }
        String line = sleeve.label() + ": " + (f.side() == OrderSide.SELL ? "sold " : "bought ") + f.quantity() + " " + describe(f.instrument())
                + " at " + f.price() + " (" + Money.ofCents(Math.abs(cashDelta)) + (f.commission().isPositive() ? ", commission " + f.commission() : "") + ")";
        audit.add(new AuditLine(f.at(), AuditKind.FILL, line, "activity " + f.id() + ", order " + f.clientOrderId()));
        events.add(new EngineEvent.OrderFilled(account, f.at(), account + " " + line));
    }

    private static EntryKind entryKind(Instrument instrument, OrderSide side, long heldBefore) {
        if (instrument instanceof Stock) {
            return side == OrderSide.BUY ? EntryKind.BUY_STOCK : EntryKind.SELL_STOCK;
        }
        if (side == OrderSide.SELL) {
            return heldBefore > 0 ? EntryKind.SELL_TO_CLOSE : EntryKind.SELL_TO_OPEN;
        }
        return heldBefore < 0 ? EntryKind.BUY_TO_CLOSE : EntryKind.BUY_TO_OPEN;
    }

    private void assignment(BrokerActivity.Assignment a) {
        OptionContract option = a.option();
        long remaining = a.contracts();
        for (SleeveKind sleeve : holders(option, true)) {
            if (remaining == 0) {
                break;
            }
            Holding h = holdings.get(new Key(sleeve, option.code()));
            long part = Math.min(remaining, -h.quantity);
            remaining -= part;
            deliver(sleeve, h, option, part, a.at(), a.id(), true);
        }
        if (remaining > 0) {
            // the broker assigned more than our books hold: book it on Com-Acc and say so
            Holding h = holding(SleeveKind.COM, option, a.at());
            deliver(SleeveKind.COM, h, option, remaining, a.at(), a.id(), true);
            if (records) {
                audit.add(new AuditLine(a.at(), AuditKind.ERROR, "Assignment of " + remaining + " " + describe(option)
                        + " not held by any sleeve; booked on Com-Acc", "activity " + a.id()));
            }
        }
    }

    private void exercise(BrokerActivity.Exercise x) {
        OptionContract option = x.option();
        long remaining = x.contracts();
        for (SleeveKind sleeve : holders(option, false)) {
            if (remaining == 0) {
                break;
            }
            Holding h = holdings.get(new Key(sleeve, option.code()));
            long part = Math.min(remaining, h.quantity);
            remaining -= part;
            deliver(sleeve, h, option, part, x.at(), x.id(), false);
        }
        if (remaining > 0) {
            Holding h = holding(SleeveKind.COM, option, x.at());
            deliver(SleeveKind.COM, h, option, remaining, x.at(), x.id(), false);
        }
    }

    /**
     * Settles {@code contracts} of an option at its strike. Short (assigned): a put buys the shares, a
     * call sells them. Long (exercised): the reverse. The option's premium goes into the shares' cost
     * basis (IRS rule for puts; for calls it is part of the proceeds, i.e. leaves with the option).
     */
    private void deliver(SleeveKind sleeve, Holding option, OptionContract contract, long contracts, Instant at, String activityId, boolean shortSide) {
        long optionCostPart = option.quantity == 0 ? 0 : Math.round((double) option.costCents * contracts / Math.abs(option.quantity));
        move(sleeve, option, shortSide ? contracts : -contracts, -optionCostPart, at);
        boolean sharesIn = (contract.right() == OptionRight.PUT) == shortSide;
        long shares = contracts * OptionContract.MULTIPLIER;
        long strikeAmount = Math.multiplyExact(contract.strike().cents(), shares);
        Stock stock = new Stock(contract.underlying());
        Holding stockHolding = holding(sleeve, stock, at);
        if (sharesIn) {
            move(sleeve, stockHolding, shares, strikeAmount + optionCostPart, at);
        } else {
            move(sleeve, stockHolding, -shares, 0, at);
        }
        long cashDelta = sharesIn ? -strikeAmount : strikeAmount;
        if (!records) {
            cash.merge(sleeve, cashDelta, Math::addExact);
            return;
        }
        EntryKind kind = shortSide ? (contract.right() == OptionRight.PUT ? EntryKind.ASSIGNMENT : EntryKind.CALLED_AWAY) : EntryKind.EXERCISE;
        String what = shortSide
                ? (contract.right() == OptionRight.PUT ? "Assigned " : "Called away ") + contracts + " " + describe(contract) + ": "
                        + (sharesIn ? "bought " : "sold ") + shares + " " + contract.underlying() + " at " + contract.strike()
                : "Exercised " + contracts + " " + describe(contract);
        book(at, sleeve, kind, stock.code(), sharesIn ? shares : -shares, contract.strike(), Money.ofCents(cashDelta), activityId, what);
        audit.add(new AuditLine(at, shortSide ? AuditKind.ASSIGNMENT : AuditKind.FILL, sleeve.label() + ": " + what, "activity " + activityId));
        events.add(new EngineEvent.Assigned(account, at, account + " " + sleeve.label() + ": " + what));
    }

    private void expiration(BrokerActivity.Expiration x) {
        for (SleeveKind sleeve : SleeveKind.values()) {
            Holding h = holdings.get(new Key(sleeve, x.option().code()));
            if (h == null || h.quantity == 0) {
                continue;
            }
            long qty = h.quantity;
            long cost = h.costCents;
            move(sleeve, h, -qty, -cost, x.at());
            if (!records) {
                continue; // the entry moves no cash
            }
            String what = "Expired worthless: " + Math.abs(qty) + " " + describe(x.option())
                    + (qty < 0 ? ", premium " + Money.ofCents(-cost) + " kept" : ", cost " + Money.ofCents(cost) + " lost");
            book(x.at(), sleeve, EntryKind.EXPIRATION, x.option().code(), -qty, Money.ZERO, Money.ZERO, x.id(), what);
            audit.add(new AuditLine(x.at(), AuditKind.EXPIRATION, sleeve.label() + ": " + what, "activity " + x.id()));
            events.add(new EngineEvent.Expired(account, x.at(), account + " " + sleeve.label() + ": " + what));
        }
    }

    private void cashFlow(CashFlow flow, AccountConfig config, Marks marks) {
        SleeveCapitals before = equity(marks);
        Money total = before.total().plus(flow.signedAmount());
        FundChange change = total.isNegative()
                // the broker let more go than our books value (marks moved): keep every sleeve's cash change within the flow
                ? new FundChange(flow, before, before.with(SleeveKind.COM, before.of(SleeveKind.COM).plus(flow.signedAmount())))
                : FundChange.book(before, flow, config);
        for (SleeveKind kind : SleeveKind.values()) {
            cash.merge(kind, change.change(kind).cents(), Math::addExact);
        }
        if (!records) {
            return;
        }
        cashFlows.add(change);
        String verb = flow.kind() == CashFlow.Kind.DEPOSIT ? "Deposit" : "Withdrawal";
        events.add(new EngineEvent.CashFlowDetected(account, flow.at(), verb + " of " + flow.amount() + " detected in " + account
                + " and booked as an external cash flow; sleeves re-split to " + targets(config) + ": "
                + java.util.Arrays.stream(SleeveKind.values()).map(k -> k.label() + " " + change.after().of(k).formatWhole())
                .collect(java.util.stream.Collectors.joining(", "))));
    }

    private static String targets(AccountConfig config) {
        return config.sleevesInOrder().stream().map(s -> s.target().toBigDecimal().toPlainString()).collect(java.util.stream.Collectors.joining("/"));
    }

    private void adjustment(BrokerActivity.CashAdjustment c, AccountConfig config) {
        SleeveCapitals shares = SleeveCapitals.split(c.amount().abs(), config);
        for (SleeveKind kind : SleeveKind.values()) {
            Money part = c.amount().isNegative() ? shares.of(kind).negate() : shares.of(kind);
            if (!part.isZero()) {
                book(c.at(), kind, EntryKind.ADJUSTMENT, "", 0, Money.ZERO, part, c.id(), c.description());
            }
        }
        if (records) {
            audit.add(new AuditLine(c.at(), AuditKind.SYNC, "Broker cash adjustment " + c.amount() + ": " + c.description(), "activity " + c.id()));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Sleeves holding the option on the given side, in Gen, Rev, Com order. */
    private List<SleeveKind> holders(OptionContract option, boolean shortSide) {
        List<SleeveKind> result = new ArrayList<>();
        for (SleeveKind kind : SleeveKind.values()) {
            Holding h = holdings.get(new Key(kind, option.code()));
            if (h != null && (shortSide ? h.quantity < 0 : h.quantity > 0)) {
                result.add(kind);
            }
        }
        return result;
    }

    private Holding holding(SleeveKind sleeve, Instrument instrument, Instant at) {
        return holdings.computeIfAbsent(new Key(sleeve, instrument.code()), k -> new Holding(instrument, 0, 0, at));
    }

    /**
     * Changes a holding and records the position change. Reducing a position releases cost in
     * proportion; {@code costDeltaIfOpening} is the cost added when the trade opens or adds.
     */
    private void move(SleeveKind sleeve, Holding h, long quantityDelta, long costDeltaIfOpening, Instant at) {
        long before = h.quantity;
        long costDelta;
        boolean reduces = before != 0 && Long.signum(quantityDelta) != Long.signum(before);
        if (reduces && Math.abs(quantityDelta) <= Math.abs(before)) {
            costDelta = Math.abs(quantityDelta) == Math.abs(before) ? -h.costCents
                    : -Math.round((double) h.costCents * Math.abs(quantityDelta) / Math.abs(before));
        } else if (reduces) {
            // through zero: close what was held, open the rest at the trade's price
            long opening = quantityDelta + before;
            costDelta = -h.costCents + Math.round((double) costDeltaIfOpening * Math.abs(opening) / Math.abs(quantityDelta));
        } else {
            costDelta = costDeltaIfOpening;
        }
        if (before == 0) {
            h.openedAt = at;
        }
        h.quantity += quantityDelta;
        h.costCents += costDelta;
        if (h.quantity == 0) {
            costDelta -= h.costCents;
            h.costCents = 0;
        }
        if (records) {
            positionChanges.add(new PositionChange(sleeve, h.instrument, quantityDelta, Money.ofCents(costDelta), at));
        }
    }

    private void book(Instant at, SleeveKind sleeve, EntryKind kind, String instrument, long quantity, Money price, Money amount,
                      String reference, String memo) {
        cash.merge(sleeve, amount.cents(), Math::addExact);
        if (records) {
            entries.add(new NewEntry(at, sleeve, kind, instrument, quantity, price, amount, reference, memo));
        }
    }

    /** The sleeve an order was placed for, from our client order id; orders we did not place go to Com-Acc. */
    static SleeveKind sleeveOf(ClientOrderId id) {
        String[] parts = id.value().split("\\.");
        if (parts.length >= 2) {
            for (SleeveKind kind : SleeveKind.values()) {
                if (kind.key().equals(parts[1])) {
                    return kind;
                }
            }
        }
        return SleeveKind.COM;
    }

    static String describe(Instrument instrument) {
        return instrument instanceof OptionContract o ? o.describe() : instrument.code() + " shares";
    }

    // ---- output -------------------------------------------------------------------------------

    /** Adds a line to the audit log of the next batch (decisions, skips, orders). */
    public void note(AuditLine line) {
        if (records) {
            audit.add(line);
        }
    }

    /** Events for the user from what was booked since the last drain. */
    public List<EngineEvent> drainEvents() {
        List<EngineEvent> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    /** The rows booked since the last drain, as one batch to commit with the cursor. */
    public LedgerBatch drain(Optional<String> cursor, Optional<Money> brokerCash, Optional<SleeveCapitals> capital) {
        LedgerBatch batch = new LedgerBatch(entries, positionChanges, cashFlows, List.of(), audit, capital, cursor, brokerCash);
        entries.clear();
        positionChanges.clear();
        cashFlows.clear();
        audit.clear();
        return batch;
    }
}
