package io.alluse.strategy;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.PositionSizing;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Stock;
import io.alluse.domain.StrategyParameters;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.Position;
import io.alluse.domain.ledger.PositionEffect;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One decision in progress: the sleeve's book, the market, and the orders and skips so far. The
 * strategies are sequences of the steps below; a run lives for one {@code decide} call on one thread.
 */
final class SleeveRun {

    private static final DayOfWeek[] DAYS = DayOfWeek.values();
    private static final String[] DAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private final SleeveState state;
    private final MarketView market;
    private final LocalDate day;
    private final SleeveKind kind;
    private final StrategyParameters params;
    private String weekCycle;
    private String dayCycle;
    private SleeveBook book;
    private final List<OrderIntent> orders = new ArrayList<>(4);
    private final List<SkippedTrade> skipped = new ArrayList<>(4);
    private Capital capital;

    SleeveRun(SleeveState state, MarketView market, CycleContext context) {
        if (state == null || market == null || context == null) {
            throw new IllegalArgumentException("decide needs a sleeve state, a market and a cycle context");
        }
        this.state = state;
        this.market = market;
        this.day = context.tradingDay();
        this.kind = state.config().kind();
        this.params = state.config().parameters();
    }

    // ---- the day ------------------------------------------------------------------------------

    /** Positions and orders summed per symbol, built on first use: a day off with nothing to watch needs none. */
    private SleeveBook book() {
        if (book == null) {
            book = new SleeveBook(state, day);
        }
        return book;
    }

    /** {@code 2026-W46}: computed on first use, since most runs of most days place no order. */
    private String weekCycle() {
        if (weekCycle == null) {
            weekCycle = Cycles.week(day);
        }
        return weekCycle;
    }

    private String dayCycle() {
        if (dayCycle == null) {
            dayCycle = Cycles.day(day);
        }
        return dayCycle;
    }

    boolean isTradingDay() {
        return market.calendar().isTradingDay(day);
    }

    SleeveDecision closedDay() {
        skipped.add(SkippedTrade.sleeveWide(SkipReason.NOT_A_TRADING_DAY, day + " (" + dayName(day.getDayOfWeek())
                + ") is not a trading day: " + market.calendar().holidayName(day).orElse("the exchange is closed") + "; nothing decided"));
        return decision();
    }

    boolean isEntryDay() {
        return params.entryDays().contains(day.getDayOfWeek());
    }

    void skipNotEntryDay() {
        StringBuilder sb = new StringBuilder(80).append(kind.label()).append(" opens new positions on ");
        boolean first = true;
        for (DayOfWeek d : DAYS) {
            if (params.entryDays().contains(d)) {
                sb.append(first ? "" : ", ").append(dayName(d));
                first = false;
            }
        }
        sb.append("; ");
        Text.appendDate(sb, day);
        sb.append(" is a ").append(dayName(day.getDayOfWeek()));
        skipped.add(SkippedTrade.sleeveWide(SkipReason.NOT_AN_ENTRY_DAY, sb.toString()));
    }

    SleeveDecision decision() {
        return new SleeveDecision(orders, skipped);
    }

    // ---- profit-take: any trading day ---------------------------------------------------------

    /**
     * Buys back a short option once buying it back at our limit costs no more than the premium
     * received times (1 - profit-take), i.e. that share of the premium is captured.
     */
    void takeProfits() {
        if (!params.profitTakeEnabled()) {
            return;
        }
        long keepBp = 10_000L - params.profitTake().basisPoints();
        for (Position p : state.positions()) {
            if (!(p.instrument() instanceof OptionContract c) || p.quantity() >= 0 || c.expiry().isBefore(day)) {
                continue; // expired options are the engine's to book as expired or assigned
            }
            long received = -p.costBasis().cents();
            if (received <= 0) {
                continue;
            }
            if (book().isClosing(c)) {
                skip(c.underlying(), SkipReason.ALREADY_OPEN, Text.option(c) + ": a buy-to-close is already working or was placed today");
                continue;
            }
            OptionQuote q;
            try {
                q = quote(c);
            } catch (MarketDataException e) {
                skip(c.underlying(), SkipReason.NO_QUOTE, Text.option(c) + ": no quote to check the profit-take: " + e.getMessage());
                continue;
            }
            long contracts = -p.quantity();
            long buy = LimitPrices.buyCents(q.bid().cents(), q.ask().cents());
            long cost = Math.multiplyExact(buy, contracts * OptionContract.MULTIPLIER);
            if (cost * 10_000L > received * keepBp) {
                continue;
            }
            String leg = Cycles.profitTakeLeg(c);
            ClientOrderId id = Cycles.orderId(state.account(), kind, dayCycle(), leg);
            if (hasOrder(id)) {
                skip(c.underlying(), SkipReason.ALREADY_OPEN, Text.option(c) + ": another position closes under the same order id "
                        + id + " today; it is tried again on the next trading day");
                continue;
            }
            long capturedBp = (received - cost) * 10_000L / received;
            add(id, dayCycle(), c, OrderSide.BUY, PositionEffect.CLOSE, contracts, buy, "Buy to close " + contracts + " " + Text.option(c)
                    + " at " + Text.price(buy) + " (bid " + Text.price(q.bid().cents()) + ", ask " + Text.price(q.ask().cents()) + "): "
                    + Text.dollars(cost) + " to buy back against " + Text.dollars(received) + " received captures "
                    + Text.percent(capturedBp) + " >= profit-take " + Text.percent(params.profitTake().basisPoints()));
            book().markClosing(c);
        }
    }

    // ---- covered calls: any trading day -------------------------------------------------------

    /**
     * Writes calls on shares held and not yet covered, at the |delta| closest to the target inside
     * the band among strikes at or above the cost per share. Shares already paid for commit no new
     * cash, so this runs on any trading day: assigned shares are covered at the first run after
     * they land instead of waiting idle for the next entry day.
     *
     * @param reportCovered say, for each configured symbol, why no call is written (Com-Acc entry days)
     */
    void writeCoveredCalls(boolean reportCovered) {
        if (!reportCovered && !holdsShares()) {
            return;
        }
        List<SymbolBook> all = book().all();
        for (int i = 0; i < all.size(); i++) {
            SymbolBook b = all.get(i);
            int uncovered = PositionSizing.coveredCalls(b.shares, (int) Math.min(Integer.MAX_VALUE, b.callsWritten()));
            if (uncovered == 0) {
                if (reportCovered && params.symbols().contains(b.symbol)) {
                    skip(b.symbol, SkipReason.NO_SHARES_TO_COVER, coverageDetail(b));
                }
                continue;
            }
            if (b.callOrderThisWeek || book().inThisWeek(b.lastCallOpened)) {
                skip(b.symbol, SkipReason.ALREADY_OPEN, b.symbol + ": this week's covered call (" + weekCycle() + ") was already written; "
                        + uncovered + " more contract(s) of shares wait for next week");
                continue;
            }
            LocalDate expiry = expiry(b.symbol);
            if (expiry == null) {
                continue;
            }
            OptionChain chain = chain(b.symbol, expiry);
            if (chain == null) {
                continue;
            }
            long costPerShare = b.costPerShareCents();
            Selection.StrikePick pick = Selection.strike(chain, OptionRight.CALL, params.delta(), costPerShare);
            if (pick.best == null) {
                if (pick.inBandBelowMinStrike > 0) {
                    skip(b.symbol, SkipReason.NO_STRIKE_ABOVE_COST_BASIS, b.symbol + " " + expiry + " calls: every strike with |delta| in "
                            + Text.band(params.delta()) + " is below the cost basis " + Text.price(costPerShare) + " a share (highest "
                            + Text.strike(pick.highestRejectedStrike) + " at |delta| " + Text.delta(pick.rejectedDelta) + ")");
                } else {
                    skip(b.symbol, SkipReason.NO_STRIKE_IN_DELTA_RANGE, b.symbol + " " + expiry + " calls: "
                            + Selection.noStrikeDetail(pick, params.delta()));
                }
                continue;
            }
            OptionQuote q = pick.best;
            long sell = LimitPrices.sellCents(q.bid().cents(), q.ask().cents());
            if (sell <= 0) {
                skip(b.symbol, SkipReason.NO_QUOTE, Text.option(q.contract()) + ": no bid (bid " + Text.price(q.bid().cents()) + ", ask "
                        + Text.price(q.ask().cents()) + ")");
                continue;
            }
            int dte = Selection.daysToExpiry(day, expiry);
            add(Cycles.orderId(state.account(), kind, weekCycle(), Cycles.optionLeg(b.symbol, OptionRight.CALL)), weekCycle(), q.contract(),
                    OrderSide.SELL, PositionEffect.OPEN, uncovered, sell, "Sell " + uncovered + " covered " + Text.option(q.contract())
                            + " at " + Text.price(sell) + " (bid " + Text.price(q.bid().cents()) + ", ask " + Text.price(q.ask().cents())
                            + "): " + b.shares + " shares held, " + b.callsWritten() + " call(s) already written; |delta| "
                            + Text.delta(q.delta()) + ", closest to " + Text.delta(params.delta().target()) + " in " + Text.band(params.delta())
                            + " at or above the cost basis " + Text.price(costPerShare) + "; " + dte + " DTE");
            b.pendingCallSales += uncovered;
        }
    }

    private boolean holdsShares() {
        List<Position> positions = state.positions();
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i).instrument() instanceof Stock && positions.get(i).quantity() >= OptionContract.MULTIPLIER) {
                return true;
            }
        }
        return false;
    }

    private String coverageDetail(SymbolBook b) {
        if (b.shares <= 0) {
            return b.pendingShareBuys > 0
                    ? b.symbol + ": no shares held yet (" + b.pendingShareBuys + " being bought); calls follow once they are held"
                    : b.symbol + ": no shares held to write calls on";
        }
        if (b.shares < OptionContract.MULTIPLIER) {
            return b.symbol + ": " + b.shares + " shares held, fewer than the 100 one call covers";
        }
        return b.symbol + ": all " + b.shares + " shares are covered by " + b.callsWritten() + " call(s) written";
    }

    // ---- entries: entry days only -------------------------------------------------------------

    /** Cash-secured puts, one per symbol per week, sized by the sleeve's and the symbol's room. */
    void sellPuts() {
        Capital cap = capital();
        for (Symbol symbol : params.symbols()) {
            SymbolBook b = book().of(symbol);
            if (b.putOrderThisWeek || book().inThisWeek(b.lastPutOpened)) {
                skip(symbol, SkipReason.ALREADY_OPEN, symbol + ": this week's put (" + weekCycle()
                        + ") is already open or working; one entry per symbol per week");
                continue;
            }
            if (cap.unknown != null) {
                skip(symbol, SkipReason.NO_QUOTE, symbol + ": no put sized, the sleeve cannot be valued: " + cap.unknown);
                continue;
            }
            if (cap.roomFor(b) <= 0) {
                skip(symbol, SkipReason.NO_CASH, symbol + ": no put, nothing left to commit: " + cap.describeRoom(b, Text.percent(params.perSymbolCap().basisPoints())));
                continue;
            }
            LocalDate expiry = expiry(symbol);
            if (expiry == null) {
                continue;
            }
            OptionChain chain = chain(symbol, expiry);
            if (chain == null) {
                continue;
            }
            Selection.StrikePick pick = Selection.strike(chain, OptionRight.PUT, params.delta(), 0);
            if (pick.best == null) {
                skip(symbol, SkipReason.NO_STRIKE_IN_DELTA_RANGE, symbol + " " + expiry + " puts: " + Selection.noStrikeDetail(pick, params.delta()));
                continue;
            }
            OptionQuote q = pick.best;
            OptionContract contract = q.contract();
            long sell = LimitPrices.sellCents(q.bid().cents(), q.ask().cents());
            if (sell <= 0) {
                skip(symbol, SkipReason.NO_QUOTE, Text.option(contract) + ": no bid (bid " + Text.price(q.bid().cents()) + ", ask "
                        + Text.price(q.ask().cents()) + ")");
                continue;
            }
            long strike = contract.strike().cents();
            int dte = Selection.daysToExpiry(day, expiry);
            PremiumFloor floor = new PremiumFloor(params.premiumFloor().basisPoints(), dte);
            if (!floor.isMetBy(sell, strike)) {
                skip(symbol, SkipReason.PREMIUM_BELOW_FLOOR, Text.option(contract) + " premium " + Text.price(sell) + " = "
                        + Text.percent(PremiumFloor.premiumBp(sell, strike)) + " of strike < " + floor.describe(false));
                continue;
            }
            long perContract = contract.collateralPerContract().cents();
            long room = cap.roomFor(b);
            long contracts = room / perContract;
            if (contracts <= 0) {
                skip(symbol, SkipReason.NO_CASH, Text.option(contract) + " needs " + Text.dollars(perContract) + " per contract; "
                        + cap.describeRoom(b, Text.percent(params.perSymbolCap().basisPoints())));
                continue;
            }
            long collateral = contracts * perContract;
            add(Cycles.orderId(state.account(), kind, weekCycle(), Cycles.optionLeg(symbol, OptionRight.PUT)), weekCycle(), contract,
                    OrderSide.SELL, PositionEffect.OPEN, contracts, sell, "Sell " + contracts + " " + Text.option(contract) + " at "
                            + Text.price(sell) + " (bid " + Text.price(q.bid().cents()) + ", ask " + Text.price(q.ask().cents()) + "): |delta| "
                            + Text.delta(q.delta()) + ", closest to " + Text.delta(params.delta().target()) + " in " + Text.band(params.delta()) + "; "
                            + dte + " DTE; premium " + Text.percent(PremiumFloor.premiumBp(sell, strike)) + " of strike >= "
                            + floor.describe(true) + "; collateral " + contracts + " x " + Text.dollars(perContract) + " = "
                            + Text.dollars(collateral) + " of the " + Text.dollars(room) + " " + symbol + " may commit");
            cap.availableCents -= collateral;
            b.pendingPutCollateralCents += collateral;
        }
    }

    /** Shares in round lots of 100 at a marketable limit, sized by the sleeve's and the symbol's room. */
    void buyShares() {
        Capital cap = capital();
        for (Symbol symbol : params.symbols()) {
            SymbolBook b = book().of(symbol);
            if (b.stockOrderThisWeek || book().inThisWeek(b.lastStockOpened)) {
                skip(symbol, SkipReason.ALREADY_OPEN, symbol + ": this week's share purchase (" + weekCycle()
                        + ") is already done or working; one entry per symbol per week");
                continue;
            }
            if (cap.unknown != null) {
                skip(symbol, SkipReason.NO_QUOTE, symbol + ": no shares sized, the sleeve cannot be valued: " + cap.unknown);
                continue;
            }
            if (cap.roomFor(b) <= 0) {
                skip(symbol, SkipReason.NO_CASH, symbol + ": no shares, nothing left to commit: " + cap.describeRoom(b, Text.percent(params.perSymbolCap().basisPoints())));
                continue;
            }
            double spot;
            try {
                spot = spot(b);
            } catch (MarketDataException e) {
                skip(symbol, SkipReason.NO_QUOTE, symbol + ": no price: " + e.getMessage());
                continue;
            }
            long limit = LimitPrices.buyStockCents(spot);
            long perLot = limit * OptionContract.MULTIPLIER;
            long room = cap.roomFor(b);
            long lots = room / perLot;
            if (lots <= 0) {
                skip(symbol, SkipReason.NO_CASH, symbol + ": a round lot of 100 at " + Text.price(limit) + " costs " + Text.dollars(perLot)
                        + "; " + cap.describeRoom(b, Text.percent(params.perSymbolCap().basisPoints())));
                continue;
            }
            long shares = lots * OptionContract.MULTIPLIER;
            long cost = lots * perLot;
            add(Cycles.orderId(state.account(), kind, weekCycle(), Cycles.stockLeg(symbol)), weekCycle(), new Stock(symbol), OrderSide.BUY,
                    PositionEffect.OPEN, shares, limit, "Buy " + shares + " " + symbol + " at " + Text.price(limit) + " (last "
                            + Text.price(Math.round(spot * 100.0)) + "): " + lots + " round lot(s) = " + Text.dollars(cost) + " of the "
                            + Text.dollars(room) + " " + symbol + " may commit");
            cap.availableCents -= cost;
            b.pendingBuyCents += cost;
            b.pendingShareBuys += shares;
        }
    }

    // ---- capital ------------------------------------------------------------------------------

    /** Computed once, before the first entry of this decision changes the books. */
    private Capital capital() {
        if (capital == null) {
            capital = valueSleeve();
        }
        return capital;
    }

    private Capital valueSleeve() {
        long marks = 0;
        for (Position p : state.positions()) {
            try {
                marks = Math.addExact(marks, markCents(p));
            } catch (MarketDataException e) {
                return Capital.unknown("no price for " + p.instrument().code() + ": " + e.getMessage());
            }
        }
        long cash = state.cash().cents();
        long equity = cash + marks;
        long deployable = PositionSizing.deployable(Money.ofCents(equity), state.cashBuffer()).cents();
        long perSymbol = PositionSizing.perSymbolBudget(Money.ofCents(deployable), params.perSymbolCap()).cents();
        long buffer = Math.max(0, equity - deployable);
        long committed = book().committedCents();
        long byEquity = deployable - committed;
        long byCash = cash - buffer - book().cashEncumberedCents();
        return new Capital(equity, deployable, perSymbol, committed, Math.max(0, Math.min(byEquity, byCash)));
    }

    /** Market value of a position in cents: shares at the last price, options at mid (short negative). */
    private long markCents(Position p) {
        return switch (p.instrument()) {
            case Stock s -> Math.multiplyExact(Math.round(spot(book().of(s.underlying())) * 100.0), p.quantity());
            case OptionContract c -> {
                long perShare;
                if (c.expiry().isBefore(day)) {
                    // expired but not yet booked by the engine: worth its intrinsic value
                    long spotCents = Math.round(spot(book().of(c.underlying())) * 100.0);
                    long k = c.strike().cents();
                    perShare = Math.max(0, c.right() == OptionRight.PUT ? k - spotCents : spotCents - k);
                } else {
                    perShare = quote(c).mid().cents();
                }
                yield Math.multiplyExact(perShare * OptionContract.MULTIPLIER, p.quantity());
            }
        };
    }

    // ---- market access ------------------------------------------------------------------------

    private double spot(SymbolBook b) {
        if (Double.isNaN(b.spot)) {
            b.spot = market.spot(b.symbol);
        }
        return b.spot;
    }

    /** The quote from the shared chain when the strike is listed there, else quoted singly. */
    private OptionQuote quote(OptionContract c) {
        OptionChain chain;
        try {
            chain = market.chain(c.underlying(), c.expiry());
        } catch (MarketDataException notListed) {
            return market.quote(c);
        }
        Optional<OptionQuote> q = chain.quote(c.right(), c.strike());
        return q.isPresent() ? q.get() : market.quote(c);
    }

    /** The nearest listed expiry in the DTE range; records the skip and returns null if there is none. */
    private LocalDate expiry(Symbol symbol) {
        List<LocalDate> expiries;
        try {
            expiries = market.expiries(symbol);
        } catch (MarketDataException e) {
            skip(symbol, SkipReason.NO_QUOTE, symbol + ": no options listed: " + e.getMessage());
            return null;
        }
        LocalDate expiry = Selection.expiry(expiries, day, params.dte());
        if (expiry == null) {
            skip(symbol, SkipReason.NO_EXPIRY_IN_DTE_RANGE, Selection.noExpiryDetail(symbol.value() + ": ", expiries, day, params.dte()));
        }
        return expiry;
    }

    private OptionChain chain(Symbol symbol, LocalDate expiry) {
        try {
            return market.chain(symbol, expiry);
        } catch (MarketDataException e) {
            skip(symbol, SkipReason.NO_QUOTE, symbol + " " + expiry + ": no option chain: " + e.getMessage());
            return null;
        }
    }

    // ---- output -------------------------------------------------------------------------------

    private boolean hasOrder(ClientOrderId id) {
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).clientOrderId().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private void add(ClientOrderId id, String cycle, Instrument instrument, OrderSide side, PositionEffect effect, long quantity,
                     long limitCents, String rationale) {
        orders.add(new OrderIntent(id, kind, cycle, instrument, side, effect, quantity, Money.ofCents(limitCents), rationale));
    }

    private void skip(Symbol symbol, SkipReason reason, String detail) {
        skipped.add(SkippedTrade.of(symbol, reason, detail));
    }

    private static String dayName(DayOfWeek d) {
        return DAY_NAMES[d.ordinal()];
    }
}
