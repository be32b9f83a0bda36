package io.alluse.engine;

import io.alluse.analytics.tax.RealizedGains;
import io.alluse.broker.paper.PaperTransfer;
import io.alluse.domain.AccountId;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.LotOrigin;
import io.alluse.domain.ledger.NewEntry;
import io.alluse.domain.ledger.Position;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger side of a merge by transfer (TRANSFER_AT_MARKET at the paper brokerage, docs/decisions/0026):
 * every position of the merging account moves, tax lot by tax lot, into the parent's sleeve of the same
 * kind, with that sleeve's cash. Pure: from the child's books, its ledger entries (for the tax lots), the
 * marks and what the brokerage reported, to the entries both ledgers get.
 *
 * <p>How the value moves without a sale: each lot leaves the child as POSITION_TRANSFER_OUT with its market
 * value as amount (as if sold at market) and arrives in the parent as POSITION_TRANSFER_IN with minus that
 * value (as if bought at market); the sleeve's MERGE_OUT / MERGE_IN carry cash plus that value. So each
 * ledger's cash ends where the broker's is, the flow of the day is the sleeve's whole equity (money moved
 * between our accounts is not performance), and no gain is realized: the lot keeps its original day and basis.
 *
 * @param child       entries for the merging account
 * @param parent      entries for the parent
 * @param moved       the child's positions as they were (they leave the child and arrive in the parent's same sleeve)
 * @param total       what moved: the child's cash plus its positions at market
 */
public record MergeTransferBooking(List<NewEntry> child, List<NewEntry> parent, List<Position> moved, Money total) {

    public MergeTransferBooking {
        child = List.copyOf(child);
        parent = List.copyOf(parent);
        moved = List.copyOf(moved);
    }

    /** A part of a tax lot: signed quantity (short negative), its origin. */
    private record Part(long quantity, LotOrigin origin) {
    }

    private static final class OpenLot {
        final LocalDate opened;
        long quantity;
        long basis;

        OpenLot(LocalDate opened, long quantity, long basis) {
            this.opened = opened;
            this.quantity = quantity;
            this.basis = basis;
        }
    }

    public static MergeTransferBooking of(AccountId childId, AccountId parentId, LedgerState books, List<LedgerEntry> entries, Marks marks,
                                          PaperTransfer transfer, Instant at) {
        Map<String, Deque<OpenLot>> lots = new HashMap<>();
        for (RealizedGains.OpenLot l : RealizedGains.of(childId, entries).open()) {
            // short lots are signed negative with minus the premium as cost; the basis kept is the premium itself
            lots.computeIfAbsent(l.instrument(), k -> new ArrayDeque<>()).add(new OpenLot(l.opened(), l.quantity(),
                    l.quantity() < 0 ? -l.cost().cents() : l.cost().cents()));
        }
        List<NewEntry> childRows = new ArrayList<>();
        List<NewEntry> parentRows = new ArrayList<>();
        String childCash = transfer.outReference();
        String parentCash = transfer.inReference();
        long total = 0;
        for (SleeveKind kind : SleeveKind.values()) {
            List<Position> held = books.positions(kind);
            Money cash = books.cash(kind);
            if (held.isEmpty() && cash.isZero()) {
                continue;
            }
            long value = 0;
            for (Position p : held) {
                Instrument instrument = p.instrument();
                Money unit = marks.unitValue(instrument, Money.ofCents(p.costBasis().cents() / p.quantity()));
                String out = PaperTransfer.idOf(transfer.out(), instrument.code()).orElse(childCash);
                String in = PaperTransfer.idOf(transfer.in(), instrument.code()).orElse(parentCash);
                // the entry's price is per share, as a fill's; the mark is per unit (an option contract is 100 shares)
                Money perShare = Money.ofCents(unit.cents() / instrument.multiplier());
                for (Part part : parts(lots, p)) {
                    // valued as LedgerBook values a position: the mark of one unit times the units
                    long partValue = Math.multiplyExact(unit.cents(), part.quantity());
                    value = Math.addExact(value, partValue);
                    String lot = Math.abs(part.quantity()) + " " + instrument.code() + " opened " + part.origin().opened() + " at a basis of "
                            + part.origin().basis();
                    childRows.add(new NewEntry(at, kind, EntryKind.POSITION_TRANSFER_OUT, instrument.code(), -part.quantity(), perShare,
                            Money.ofCents(partValue), out, "Moved to " + parentId + "'s " + kind.label() + " by the merge: " + lot, java.util.Optional.of(part.origin())));
                    parentRows.add(new NewEntry(at, kind, EntryKind.POSITION_TRANSFER_IN, instrument.code(), part.quantity(), perShare,
                            Money.ofCents(-partValue), in, "Arrived from " + childId + "'s " + kind.label() + " by its merge: " + lot,
                            java.util.Optional.of(part.origin())));
                }
            }
            long sleeveTotal = Math.addExact(cash.cents(), value);
            total = Math.addExact(total, sleeveTotal);
            childRows.add(new NewEntry(at, kind, EntryKind.MERGE_OUT, "", 0, Money.ZERO, Money.ofCents(-sleeveTotal), childCash,
                    "Merged into " + parentId + "'s " + kind.label() + ": cash " + cash + " and positions worth " + Money.ofCents(value) + " at market"));
            parentRows.add(new NewEntry(at, kind, EntryKind.MERGE_IN, "", 0, Money.ZERO, Money.ofCents(sleeveTotal), parentCash,
                    "Merged " + childId + "'s " + kind.label() + " in: cash " + cash + " and positions worth " + Money.ofCents(value) + " at market"));
        }
        return new MergeTransferBooking(childRows, parentRows, books.positions(), Money.ofCents(total));
    }

    /**
     * The tax lots that make up one position, oldest first (as RealizedGains matches them). A part the lots do
     * not cover (a ledger the tax replay cannot match) takes the position's own basis and opening day.
     */
    private static List<Part> parts(Map<String, Deque<OpenLot>> lots, Position p) {
        List<Part> parts = new ArrayList<>();
        long sign = Long.signum(p.quantity());
        long left = Math.abs(p.quantity());
        Deque<OpenLot> open = lots.getOrDefault(p.instrument().code(), new ArrayDeque<>());
        while (left > 0 && !open.isEmpty() && Long.signum(open.peek().quantity) == sign) {
            OpenLot lot = open.peek();
            long take = Math.min(left, Math.abs(lot.quantity));
            long basis = share(lot.basis, take, Math.abs(lot.quantity));
            lot.basis -= basis;
            lot.quantity -= sign * take;
            left -= take;
            if (lot.quantity == 0) {
                open.poll();
            }
            parts.add(new Part(sign * take, new LotOrigin(lot.opened, Money.ofCents(basis))));
        }
        if (left > 0) {
            long basis = share(Math.abs(p.costBasis().cents()), left, Math.abs(p.quantity()));
            parts.add(new Part(sign * left, new LotOrigin(p.openedAt().atZone(io.alluse.market.calendar.ExchangeCalendar.NEW_YORK).toLocalDate(),
                    Money.ofCents(basis))));
        }
        return parts;
    }

    private static long share(long total, long part, long whole) {
        if (part == whole) {
            return total;
        }
        return BigInteger.valueOf(total).multiply(BigInteger.valueOf(part)).divide(BigInteger.valueOf(whole)).longValueExact();
    }

    /**
     * The parent's books after a merge by transfer: each sleeve's cash plus the child's same sleeve's, each position
     * plus the child's in the same sleeve and instrument (cost bases added, the earlier opening kept).
     */
    public static LedgerState combined(LedgerState parent, LedgerState child) {
        java.util.EnumMap<SleeveKind, Money> cash = new java.util.EnumMap<>(SleeveKind.class);
        for (SleeveKind kind : SleeveKind.values()) {
            cash.put(kind, parent.cash(kind).plus(child.cash(kind)));
        }
        Map<String, Position> held = new java.util.LinkedHashMap<>();
        for (Position p : parent.positions()) {
            held.put(p.sleeve() + " " + p.instrument().code(), p);
        }
        for (Position p : child.positions()) {
            held.merge(p.sleeve() + " " + p.instrument().code(), p, (x, y) -> new Position(x.sleeve(), x.instrument(), x.quantity() + y.quantity(),
                    x.costBasis().plus(y.costBasis()), x.openedAt().isBefore(y.openedAt()) ? x.openedAt() : y.openedAt()));
        }
        return new LedgerState(cash, held.values().stream().filter(p -> p.quantity() != 0).toList());
    }

    /** Quantity per instrument over all sleeves: what the brokerage, which knows no sleeves, holds. */
    static Map<String, Long> byInstrument(List<Position> positions) {
        Map<String, Long> q = new TreeMap<>();
        for (Position p : positions) {
            q.merge(p.instrument().code(), p.quantity(), Long::sum);
        }
        q.values().removeIf(v -> v == 0);
        return q;
    }
}
