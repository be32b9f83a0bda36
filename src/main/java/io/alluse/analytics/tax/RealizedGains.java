package io.alluse.analytics.tax;

import io.alluse.domain.AccountId;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Stock;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Realized gains of one account from its ledger, lots matched first in, first out over the whole
 * brokerage account (as a broker reports them by default), with the usual US treatment of options
 * (IRS Publication 550, "Options"):
 * <ul>
 *   <li>a short option bought back: gain = premium received - cost to close, short-term;</li>
 *   <li>a short option that expires: the premium is a short-term gain on the expiry day;</li>
 *   <li>an assigned short put: no gain; the premium reduces the cost basis of the shares bought;</li>
 *   <li>an assigned short call: the premium is added to the proceeds of the shares delivered, whose
 *       own holding period decides the term;</li>
 *   <li>a long option sold or expired: gain or loss against its cost, term by holding period; exercised,
 *       its cost goes into the shares' basis (call) or out of the proceeds (put).</li>
 * </ul>
 * Commissions (booked by the ledger as separate entries with the fill's reference) are part of the
 * cost basis when buying and reduce the proceeds when selling. Long-term means held more than one
 * year: closed after the anniversary of the day acquired. Wash sales are not adjusted (see decision
 * record 0012). Days are New York trading days. A position transferred in from another of our accounts
 * by a merge keeps the day and basis it was opened with there (docs/decisions/0026); one transferred out
 * leaves without a gain.
 */
public final class RealizedGains {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /**
     * What is still open after the entries: shares and long options with their cost, short options
     * with their premium as a negative cost (as a broker statement signs them).
     *
     * @param quantity signed: short options negative
     * @param cost     long: paid, commissions included; short: minus the net premium received
     */
    public record OpenLot(String instrument, long quantity, Money cost, LocalDate opened) {
    }

    /** Every lot closed in the entries, in the order they were closed, the lots still open, and what could not be matched. */
    public record Result(List<RealizedGain> gains, List<OpenLot> open, List<String> warnings) {
        public Result {
            gains = List.copyOf(gains);
            open = List.copyOf(open);
            warnings = List.copyOf(warnings);
        }

        /** The lines whose gain falls in {@code year}. */
        public List<RealizedGain> inYear(int year) {
            return gains.stream().filter(g -> g.taxYear() == year).toList();
        }
    }

    /** Shares or contracts held (long) or written (short) together at one price and date. */
    private static final class Lot {
        final SleeveKind sleeve;
        final LocalDate opened;
        long quantity;
        /** long: cost incl. commissions; short option: premium net of commissions */
        long money;

        Lot(SleeveKind sleeve, LocalDate opened, long quantity, long money) {
            this.sleeve = sleeve;
            this.opened = opened;
            this.quantity = quantity;
            this.money = money;
        }
    }

    /** A part of a lot taken out of the book: how many, the lot's money for them, and when the lot was opened. */
    private record Taken(long quantity, long money, LocalDate opened) {
    }

    private final AccountId account;
    private final Map<String, Long> commissions = new HashMap<>();
    private final Map<String, Deque<Lot>> longs = new HashMap<>();
    private final Map<String, Deque<Lot>> shorts = new HashMap<>();
    private final List<RealizedGain> gains = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private RealizedGains(AccountId account) {
        this.account = account;
    }

    /** Replays one account's entries (in ledger order, as {@code AccountLedger.entries()} gives them). */
    public static Result of(AccountId account, List<LedgerEntry> entries) {
        RealizedGains book = new RealizedGains(account);
        for (LedgerEntry e : entries) {
            if (e.kind() == EntryKind.COMMISSION) {
                book.commissions.merge(feeKey(e), -e.amount().cents(), Long::sum);
            }
        }
        for (LedgerEntry e : entries) {
            book.apply(e);
        }
        List<OpenLot> open = new ArrayList<>();
        book.longs.forEach((code, lots) -> lots.forEach(l -> open.add(new OpenLot(code, l.quantity, Money.ofCents(l.money), l.opened))));
        book.shorts.forEach((code, lots) -> lots.forEach(l -> open.add(new OpenLot(code, -l.quantity, Money.ofCents(-l.money), l.opened))));
        open.sort(Comparator.comparing(OpenLot::instrument).thenComparing(OpenLot::opened));
        return new Result(book.gains, open, book.warnings);
    }

    private void apply(LedgerEntry e) {
        LocalDate day = LocalDate.ofInstant(e.at(), NEW_YORK);
        long fee = commissions.getOrDefault(feeKey(e), 0L);
        long qty = Math.abs(e.quantity());
        switch (e.kind()) {
            case BUY_STOCK, BUY_TO_OPEN -> open(longs, e, day, qty, -e.amount().cents() + fee);
            case SELL_TO_OPEN -> open(shorts, e, day, qty, e.amount().cents() - fee);
            case SELL_STOCK, SELL_TO_CLOSE -> dispose(e.sleeve(), e.instrument(), qty, e.amount().cents() - fee, day, RealizedGain.How.SOLD);
            case BUY_TO_CLOSE -> closeShort(e.sleeve(), e.instrument(), qty, -e.amount().cents() + fee, day, RealizedGain.How.BOUGHT_TO_CLOSE);
            case EXPIRATION -> {
                if (e.quantity() > 0) {
                    closeShort(e.sleeve(), e.instrument(), qty, 0, day, RealizedGain.How.EXPIRED);
                } else {
                    dispose(e.sleeve(), e.instrument(), qty, 0, day, RealizedGain.How.EXPIRED);
                }
            }
            case ASSIGNMENT -> {
                long premium = takeOptions(shorts, e, OptionRight.PUT, qty);
                open(longs, e, day, qty, -e.amount().cents() - premium + fee);
            }
            case CALLED_AWAY -> {
                long premium = takeOptions(shorts, e, OptionRight.CALL, qty);
                dispose(e.sleeve(), e.instrument(), qty, e.amount().cents() + premium - fee, day, RealizedGain.How.CALLED_AWAY);
            }
            case EXERCISE -> {
                if (e.quantity() > 0) {
                    long cost = takeOptions(longs, e, OptionRight.CALL, qty);
                    open(longs, e, day, qty, -e.amount().cents() + cost + fee);
                } else {
                    long cost = takeOptions(longs, e, OptionRight.PUT, qty);
                    dispose(e.sleeve(), e.instrument(), qty, e.amount().cents() - cost - fee, day, RealizedGain.How.EXERCISED);
                }
            }
            case POSITION_TRANSFER_OUT -> {
                // moved as it is to another of our accounts (docs/decisions/0026): no sale, no gain; the lot lives on there
                take(e.quantity() < 0 ? longs : shorts, e.instrument(), qty);
            }
            case POSITION_TRANSFER_IN -> {
                // the lot arrives with its original day and basis, so a later close here gains from them
                LocalDate opened = e.lot().map(io.alluse.domain.ledger.LotOrigin::opened).orElse(day);
                long basis = e.lot().map(l -> l.basis().cents()).orElse(Math.abs(e.amount().cents()));
                if (qty > 0) {
                    (e.quantity() > 0 ? longs : shorts).computeIfAbsent(e.instrument(), k -> new ArrayDeque<>()).add(new Lot(e.sleeve(), opened, qty, basis));
                }
            }
            default -> {
                // cash only: deposits, withdrawals, transfers, adjustments; commissions were attached above
            }
        }
    }

    private static void open(Map<String, Deque<Lot>> book, LedgerEntry e, LocalDate day, long quantity, long money) {
        if (quantity > 0) {
            book.computeIfAbsent(e.instrument(), k -> new ArrayDeque<>()).add(new Lot(e.sleeve(), day, quantity, money));
        }
    }

    /** Sells {@code quantity} of a long holding for {@code proceeds}, lot by lot; each part gets its share of the proceeds. */
    private void dispose(SleeveKind sleeve, String instrument, long quantity, long proceeds, LocalDate day, RealizedGain.How how) {
        long left = quantity;
        long proceedsLeft = proceeds;
        for (Taken t : take(longs, instrument, quantity)) {
            long part = share(proceedsLeft, t.quantity(), left);
            proceedsLeft -= part;
            left -= t.quantity();
            gains.add(line(sleeve, instrument, t.quantity(), t.opened(), day, part, t.money(), longTerm(t.opened(), day), how, false));
        }
        if (left > 0) {
            warnings.add(day + " " + instrument + ": " + left + " more sold than the ledger shows were held; shown with a cost basis of zero");
            gains.add(line(sleeve, instrument, left, day, day, proceedsLeft, 0, RealizedGain.Term.SHORT, RealizedGain.How.UNMATCHED, false));
        }
    }

    /** Closes {@code quantity} contracts of a short option at {@code cost}: gain = net premium - cost, always short-term. */
    private void closeShort(SleeveKind sleeve, String instrument, long quantity, long cost, LocalDate day, RealizedGain.How how) {
        long left = quantity;
        long costLeft = cost;
        for (Taken t : take(shorts, instrument, quantity)) {
            long part = share(costLeft, t.quantity(), left);
            costLeft -= part;
            left -= t.quantity();
            gains.add(line(sleeve, instrument, t.quantity(), t.opened(), day, t.money(), part, RealizedGain.Term.SHORT, how, true));
        }
        if (left > 0) {
            warnings.add(day + " " + instrument + ": " + left + " contract(s) closed that the ledger does not show as written; left out");
        }
    }

    /**
     * Takes the options an assignment or exercise settled, found by underlying, right and strike (the
     * ledger books the delivery on the shares), earliest expiry first; returns their money.
     */
    private long takeOptions(Map<String, Deque<Lot>> book, LedgerEntry e, OptionRight right, long shares) {
        long contracts = shares / OptionContract.MULTIPLIER;
        List<String> codes = new ArrayList<>();
        for (Map.Entry<String, Deque<Lot>> entry : book.entrySet()) {
            if (!entry.getValue().isEmpty() && Instrument.parse(entry.getKey()) instanceof OptionContract o
                    && o.underlying().value().equals(e.instrument()) && o.right() == right && o.strike().equals(e.price())) {
                codes.add(entry.getKey());
            }
        }
        codes.sort(Comparator.comparing((String c) -> OptionContract.parseOcc(c).expiry()).thenComparing(c -> c));
        long money = 0;
        long left = contracts;
        for (String code : codes) {
            for (Taken t : take(book, code, left)) {
                money += t.money();
                left -= t.quantity();
            }
        }
        if (left > 0) {
            warnings.add(LocalDate.ofInstant(e.at(), NEW_YORK) + " " + e.instrument() + ": " + left + " " + right.name().toLowerCase(java.util.Locale.ROOT)
                    + "(s) at " + e.price().toPlainString() + " settled that the ledger does not show as held; no premium or cost applied");
        }
        return money;
    }

    /** Removes up to {@code quantity} from the instrument's lots, oldest first. */
    private static List<Taken> take(Map<String, Deque<Lot>> book, String instrument, long quantity) {
        Deque<Lot> lots = book.get(instrument);
        List<Taken> taken = new ArrayList<>();
        long left = quantity;
        while (lots != null && left > 0 && !lots.isEmpty()) {
            Lot lot = lots.peek();
            long part = Math.min(left, lot.quantity);
            long money = share(lot.money, part, lot.quantity);
            lot.money -= money;
            lot.quantity -= part;
            left -= part;
            if (lot.quantity == 0) {
                lots.poll();
            }
            taken.add(new Taken(part, money, lot.opened));
        }
        return taken;
    }

    private RealizedGain line(SleeveKind sleeve, String instrument, long quantity, LocalDate opened, LocalDate closed, long proceeds, long cost,
                              RealizedGain.Term term, RealizedGain.How how, boolean shortOption) {
        Instrument parsed = Instrument.parse(instrument);
        String what = switch (parsed) {
            case OptionContract o -> (shortOption ? "short " : "") + quantity + " " + o.describe();
            case Stock s -> quantity + " " + s.code();
        };
        return new RealizedGain(account, sleeve, instrument, what, quantity, opened, closed, Money.ofCents(proceeds), Money.ofCents(cost), term, how);
    }

    /** More than one year: closed after the anniversary of the day acquired. */
    static RealizedGain.Term longTerm(LocalDate opened, LocalDate closed) {
        return closed.isAfter(opened.plusYears(1)) ? RealizedGain.Term.LONG : RealizedGain.Term.SHORT;
    }

    /** {@code total * part / whole} in whole cents; taking the parts in turn from what is left makes them add up exactly. */
    static long share(long total, long part, long whole) {
        if (part == whole) {
            return total;
        }
        try {
            return Math.multiplyExact(total, part) / whole;
        } catch (ArithmeticException e) {
            return BigInteger.valueOf(total).multiply(BigInteger.valueOf(part)).divide(BigInteger.valueOf(whole)).longValueExact();
        }
    }

    private static String feeKey(LedgerEntry e) {
        return e.sleeve() + "|" + e.reference() + "|" + e.instrument();
    }
}
