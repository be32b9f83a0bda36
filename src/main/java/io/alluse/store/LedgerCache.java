package io.alluse.store;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.LedgerBatch;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.NewEntry;
import io.alluse.domain.ledger.Position;
import io.alluse.domain.ledger.PositionChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each account's books (sleeve cash and open positions) as last read or written, so that the engine's
 * many reads of them cost no query (docs/decisions/0027). Every transaction that writes ledger entries
 * or positions of an account marks it changed when it ends (committed or not), which drops what is
 * cached; a read installs what it read only if nothing changed meanwhile. {@link AccountLedger#apply}
 * installs the books it wrote, derived by the same rules the rows follow, when it was the only writer.
 */
final class LedgerCache {

    /** Ordered as {@code from Position ... order by sleeve, instrument} returns them. */
    static final Comparator<Position> DATABASE_ORDER = Comparator.comparing((Position p) -> p.sleeve().name())
            .thenComparing(p -> p.instrument().code());

    private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    /** One account's books and a counter of the changes made to them. */
    static final class Slot {
        private long version;
        private LedgerState state;

        synchronized Seen seen() {
            return new Seen(version, state);
        }

        synchronized void install(long seenVersion, LedgerState read) {
            if (version == seenVersion) {
                state = read;
            }
        }

        synchronized void changed() {
            version++;
            state = null;
        }

        /** After the caller's own write: keeps {@code after} only if that write was the only change since {@code seenVersion}. */
        synchronized void changedTo(long seenVersion, LedgerState after) {
            version++;
            state = version == seenVersion + 1 ? after : null;
        }
    }

    record Seen(long version, LedgerState state) {
    }

    Slot slot(String account) {
        return slots.computeIfAbsent(account, k -> new Slot());
    }

    // ---- which accounts a transaction changed ---------------------------------------------------

    private static final class Scope {
        int depth;
        final Set<String> touched = new HashSet<>();
    }

    /** Called by every write of ledger entries or positions, inside the transaction. */
    static void touch(String account) {
        Scope scope = SCOPE.get();
        if (scope != null) {
            scope.touched.add(account);
        }
    }

    static void enter() {
        Scope scope = SCOPE.get();
        if (scope == null) {
            scope = new Scope();
            SCOPE.set(scope);
        }
        scope.depth++;
    }

    /** Ends a transaction: when the outermost one ends, drops the books of every account it touched. */
    void exit() {
        Scope scope = SCOPE.get();
        if (scope == null) {
            return;
        }
        if (--scope.depth == 0) {
            SCOPE.remove();
            scope.touched.forEach(a -> slot(a).changed());
        }
    }

    // ---- the books after a batch, by the rules the rows follow ------------------------------------

    /**
     * The books after {@code batch}, or null where the rows' rules cannot be followed here exactly
     * (cash flows may be skipped as booked before; times finer than the column's microseconds).
     */
    static LedgerState after(LedgerState before, LedgerBatch batch) {
        if (!batch.cashFlows().isEmpty()) {
            return null;
        }
        EnumMap<SleeveKind, Money> cash = new EnumMap<>(before.cash());
        for (NewEntry e : batch.entries()) {
            cash.merge(e.sleeve(), e.amount(), Money::plus);
        }
        List<Position> positions = new ArrayList<>(before.positions());
        for (PositionChange change : batch.positions()) {
            if (change.at().getNano() % 1_000 != 0) {
                return null;
            }
            int at = -1;
            for (int i = 0; i < positions.size(); i++) {
                Position p = positions.get(i);
                if (p.sleeve() == change.sleeve() && p.instrument().code().equals(change.instrument().code())) {
                    at = i;
                    break;
                }
            }
            // as LedgerWrites.applyPosition: a flat position re-opens with this change's time and no cost
            Position old = at < 0 ? null : positions.get(at);
            long quantity = (old == null ? 0 : old.quantity()) + change.quantityDelta();
            long cost = (old == null ? 0 : old.costBasis().cents()) + change.costDelta().cents();
            Instrument instrument = old == null ? Instrument.parse(change.instrument().code()) : old.instrument();
            Position next = quantity == 0 ? null
                    : new Position(change.sleeve(), instrument, quantity, Money.ofCents(cost), old == null ? change.at() : old.openedAt());
            if (at >= 0) {
                positions.remove(at);
            }
            if (next != null) {
                positions.add(next);
            }
        }
        positions.sort(DATABASE_ORDER);
        return new LedgerState(cash, positions);
    }
}
