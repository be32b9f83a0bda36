package io.alluse.analytics.trades;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;

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
 * Finds the finished short-option trades in one account's ledger entries, sleeve by sleeve.
 *
 * <p>Short lots of each (sleeve, option) are closed first in, first out by a buy to close, an expiry or
 * an assignment. The ledger books an assignment on the shares (the stock, the strike as price, shares
 * as quantity), so the option it closed is found as the sleeve's open short option on that underlying
 * with that strike and right, earliest expiry first. Commissions are booked as separate entries with
 * the fill's reference and instrument; they are the trade's fees.
 */
public final class OptionTrades {

    /** Trading days are New York days whatever the machine's zone. */
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** A closed trade and the sleeve it belonged to. */
    public record SleeveTrade(SleeveKind sleeve, ClosedOptionTrade trade) {
    }

    private static final class Lot {
        long contracts;
        long premium;
        long fees;

        Lot(long contracts, long premium, long fees) {
            this.contracts = contracts;
            this.premium = premium;
            this.fees = fees;
        }
    }

    private record Key(SleeveKind sleeve, String code) {
    }

    private OptionTrades() {
    }

    /** The closed short-option trades of the entries (one account's, in ledger order), oldest first. */
    public static List<SleeveTrade> closed(List<LedgerEntry> entries) {
        Map<String, Long> commissions = commissions(entries);
        Map<Key, Deque<Lot>> open = new HashMap<>();
        List<SleeveTrade> out = new ArrayList<>();
        for (LedgerEntry e : entries) {
            LocalDate day = LocalDate.ofInstant(e.at(), NEW_YORK);
            switch (e.kind()) {
                case SELL_TO_OPEN -> {
                    if (e.amount().isPositive()) {
                        open.computeIfAbsent(new Key(e.sleeve(), e.instrument()), k -> new ArrayDeque<>())
                                .add(new Lot(-e.quantity(), e.amount().cents(), commissions.getOrDefault(feeKey(e), 0L)));
                    }
                }
                case BUY_TO_CLOSE -> close(open.get(new Key(e.sleeve(), e.instrument())), e.quantity(), -e.amount().cents(),
                        commissions.getOrDefault(feeKey(e), 0L), option(e.instrument()), day, ClosedOptionTrade.Outcome.BOUGHT_BACK, e.sleeve(), out);
                case EXPIRATION -> {
                    if (e.quantity() > 0) {
                        close(open.get(new Key(e.sleeve(), e.instrument())), e.quantity(), 0, 0, option(e.instrument()), day,
                                ClosedOptionTrade.Outcome.EXPIRED, e.sleeve(), out);
                    }
                }
                case ASSIGNMENT, CALLED_AWAY -> {
                    OptionRight right = e.kind() == EntryKind.ASSIGNMENT ? OptionRight.PUT : OptionRight.CALL;
                    long contracts = Math.abs(e.quantity()) / OptionContract.MULTIPLIER;
                    for (Key key : assignedCandidates(open, e.sleeve(), e.instrument(), right, e.price())) {
                        if (contracts == 0) {
                            break;
                        }
                        Deque<Lot> lots = open.get(key);
                        long held = lots.stream().mapToLong(l -> l.contracts).sum();
                        long part = Math.min(held, contracts);
                        contracts -= part;
                        close(lots, part, 0, 0, option(key.code()), day, ClosedOptionTrade.Outcome.ASSIGNED, e.sleeve(), out);
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    /** Open short options of the sleeve on {@code underlying} with this right and strike, earliest expiry first. */
    static List<Key> assignedCandidates(Map<Key, Deque<Lot>> open, SleeveKind sleeve, String underlying, OptionRight right, Money strike) {
        List<Key> keys = new ArrayList<>();
        for (Map.Entry<Key, Deque<Lot>> entry : open.entrySet()) {
            Key k = entry.getKey();
            if (k.sleeve() != sleeve || entry.getValue().isEmpty() || !(Instrument.parse(k.code()) instanceof OptionContract o)) {
                continue;
            }
            if (o.underlying().value().equals(underlying) && o.right() == right && o.strike().equals(strike)) {
                keys.add(k);
            }
        }
        keys.sort(Comparator.comparing((Key k) -> option(k.code()).expiry()).thenComparing(Key::code));
        return keys;
    }

    private static void close(Deque<Lot> lots, long contracts, long cost, long closeFees, OptionContract option, LocalDate day,
                              ClosedOptionTrade.Outcome outcome, SleeveKind sleeve, List<SleeveTrade> out) {
        if (lots == null) {
            return;
        }
        long remaining = contracts;
        long costLeft = cost;
        long feesLeft = closeFees;
        while (remaining > 0 && !lots.isEmpty()) {
            Lot lot = lots.peek();
            long part = Math.min(remaining, lot.contracts);
            long premium = share(lot.premium, part, lot.contracts);
            long openFees = share(lot.fees, part, lot.contracts);
            long partCost = share(costLeft, part, remaining);
            long partFees = share(feesLeft, part, remaining);
            lot.premium -= premium;
            lot.fees -= openFees;
            lot.contracts -= part;
            costLeft -= partCost;
            feesLeft -= partFees;
            remaining -= part;
            if (lot.contracts == 0) {
                lots.poll();
            }
            if (premium > 0) {
                out.add(new SleeveTrade(sleeve, new ClosedOptionTrade(option.underlying(), day, Money.ofCents(premium), Money.ofCents(Math.max(0, partCost)),
                        Money.ofCents(Math.max(0, openFees + partFees)), outcome)));
            }
        }
    }

    /** {@code total * part / whole} in whole cents, so that the parts of a total always add up to it. */
    static long share(long total, long part, long whole) {
        if (part == whole) {
            return total;
        }
        try {
            return Math.multiplyExact(total, part) / whole;
        } catch (ArithmeticException e) {
            return java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(part))
                    .divide(java.math.BigInteger.valueOf(whole)).longValueExact();
        }
    }

    /** Commission per fill: the engine books it as its own entry with the fill's reference and instrument. */
    static Map<String, Long> commissions(List<LedgerEntry> entries) {
        Map<String, Long> fees = new HashMap<>();
        for (LedgerEntry e : entries) {
            if (e.kind() == EntryKind.COMMISSION) {
                fees.merge(feeKey(e), -e.amount().cents(), Long::sum);
            }
        }
        return fees;
    }

    static String feeKey(LedgerEntry e) {
        return e.sleeve() + "|" + e.reference() + "|" + e.instrument();
    }

    private static OptionContract option(String code) {
        return OptionContract.parseOcc(code);
    }
}
