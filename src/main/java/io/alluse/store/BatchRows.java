package io.alluse.store;

import io.alluse.domain.AccountId;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.AuditLine;
import io.alluse.domain.ledger.LedgerBatch;
import io.alluse.domain.ledger.NewEntry;
import io.alluse.domain.ledger.OrderUpdate;
import io.alluse.domain.ledger.PositionChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A sync's or cycle's {@link LedgerBatch} written with plain JDBC (docs/decisions/0035): the same rows,
 * ids, versions and values as {@link AccountLedger}'s Hibernate write of it, with the positions read in
 * one query and the sleeves' capital set in one statement. Cash flows are not written here (the caller
 * keeps Hibernate's path for batches with a cash flow: they are rare and share code with forks and merges).
 */
final class BatchRows {

    private BatchRows() {
    }

    static void write(HotRows rows, AccountId account, LedgerBatch batch) throws SQLException {
        if (!batch.cashFlows().isEmpty()) {
            throw new IllegalArgumentException("cash flows are booked through Hibernate (CashFlowWrites)");
        }
        Connection c = rows.connection();
        if (!batch.entries().isEmpty()) {
            entries(rows, account, batch.entries());
        }
        if (!batch.positions().isEmpty()) {
            positions(rows, account, batch.positions());
        }
        for (OrderUpdate u : batch.orders()) {
            order(c, account, u);
        }
        for (AuditLine line : batch.audit()) {
            rows.audit(account, line.at(), line.kind(), line.summary(), line.detail());
        }
        if (batch.capital().isPresent()) {
            capital(c, account, batch.capital().get());
        }
        if (batch.newCursor().isPresent() || batch.brokerCash().isPresent()) {
            sync(c, account, batch);
        }
    }

    private static void entries(HotRows rows, AccountId account, List<NewEntry> entries) throws SQLException {
        try (PreparedStatement st = rows.connection().prepareStatement("INSERT INTO ledger_entry (id, account_id, occurred_at, sleeve, kind,"
                + " instrument, quantity, price_cents, amount_cents, reference, memo, lot_opened_on, lot_basis_cents)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewEntry n : entries) {
                LedgerEntryEntity e = LedgerWrites.entry(n);
                st.setLong(1, rows.nextId(LedgerEntryEntity.class));
                st.setString(2, account.value());
                st.setObject(3, HotRows.time(e.occurredAt));
                st.setString(4, e.sleeve);
                st.setString(5, e.kind);
                st.setString(6, e.instrument);
                st.setLong(7, e.quantity);
                st.setLong(8, e.priceCents);
                st.setLong(9, e.amountCents);
                st.setString(10, e.reference);
                st.setString(11, e.memo);
                st.setObject(12, e.lotOpenedOn, Types.DATE);
                if (e.lotBasisCents == null) {
                    st.setNull(13, Types.BIGINT);
                } else {
                    st.setLong(13, e.lotBasisCents);
                }
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** One position row as Hibernate holds it in a session: its values and those it last flushed. */
    private static final class Row {
        long id;
        final String sleeve;
        final String instrument;
        long quantity;
        long cost;
        Instant openedAt;
        Instant updatedAt;
        long version;
        boolean inserted;
        // as flushed last (or read)
        long flushedQuantity;
        long flushedCost;
        Instant flushedOpenedAt;
        Instant flushedUpdatedAt;

        Row(String sleeve, String instrument) {
            this.sleeve = sleeve;
            this.instrument = instrument;
        }

        boolean dirty() {
            return !inserted || quantity != flushedQuantity || cost != flushedCost || !Objects.equals(openedAt, flushedOpenedAt)
                    || !Objects.equals(updatedAt, flushedUpdatedAt);
        }
    }

    /**
     * As {@link LedgerWrites#applyPosition} for each change in a Hibernate session, including when its rows
     * are written: the query of each change after the first flushes the positions changed so far (its auto
     * flush), so a row changed twice in one batch is updated twice and its version counts both.
     */
    private static void positions(HotRows rows, AccountId account, List<PositionChange> changes) throws SQLException {
        Connection c = rows.connection();
        Map<String, Row> byKey = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT id, sleeve, instrument, quantity, cost_cents, opened_at, updated_at, version"
                + " FROM position WHERE account_id = ?")) {
            st.setString(1, account.value());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Row r = new Row(rs.getString(2), rs.getString(3));
                    r.id = rs.getLong(1);
                    r.quantity = r.flushedQuantity = rs.getLong(4);
                    r.cost = r.flushedCost = rs.getLong(5);
                    r.openedAt = r.flushedOpenedAt = rs.getObject(6, Instant.class);
                    r.updatedAt = r.flushedUpdatedAt = rs.getObject(7, Instant.class);
                    r.version = rs.getLong(8);
                    r.inserted = true;
                    byKey.put(r.sleeve + " " + r.instrument, r);
                }
            }
        }
        Set<Row> touched = new LinkedHashSet<>();
        List<Row> pendingInserts = new ArrayList<>();
        boolean first = true;
        for (PositionChange change : changes) {
            if (!first) {
                flush(c, account, touched, pendingInserts);
            }
            first = false;
            String key = change.sleeve().name() + " " + change.instrument().code();
            Row p = byKey.get(key);
            boolean isNew = p == null;
            if (isNew) {
                p = new Row(change.sleeve().name(), change.instrument().code());
                byKey.put(key, p);
            }
            if (p.quantity == 0) {
                p.openedAt = change.at();
                p.cost = 0;
            }
            p.quantity += change.quantityDelta();
            p.cost += change.costDelta().cents();
            p.updatedAt = change.at();
            if (p.quantity == 0) {
                p.cost = 0;
            }
            if (isNew) {
                p.id = rows.nextId(PositionEntity.class);
                pendingInserts.add(p);
            }
            touched.add(p);
        }
        flush(c, account, touched, pendingInserts);
    }

    private static void flush(Connection c, AccountId account, Set<Row> touched, List<Row> pendingInserts) throws SQLException {
        // Hibernate runs a flush's inserts before its updates
        for (Row p : pendingInserts) {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO position (id, account_id, sleeve, instrument, quantity, cost_cents, opened_at,"
                    + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                st.setLong(1, p.id);
                st.setString(2, account.value());
                st.setString(3, p.sleeve);
                st.setString(4, p.instrument);
                st.setLong(5, p.quantity);
                st.setLong(6, p.cost);
                st.setObject(7, HotRows.time(p.openedAt));
                st.setObject(8, HotRows.time(p.updatedAt));
                st.executeUpdate();
            }
            p.inserted = true;
            p.version = 0;
            mark(p);
        }
        for (Row p : touched) {
            if (pendingInserts.contains(p) || !p.dirty()) {
                continue;
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE position SET quantity = ?, cost_cents = ?, opened_at = ?, updated_at = ?,"
                    + " version = ? WHERE id = ? AND account_id = ? AND version = ?")) {
                st.setLong(1, p.quantity);
                st.setLong(2, p.cost);
                st.setObject(3, HotRows.time(p.openedAt));
                st.setObject(4, HotRows.time(p.updatedAt));
                st.setLong(5, p.version + 1);
                st.setLong(6, p.id);
                st.setString(7, account.value());
                st.setLong(8, p.version);
                if (st.executeUpdate() != 1) {
                    throw new StoreException("Position " + p.sleeve + " " + p.instrument + " of account " + account + " was changed by another writer.");
                }
            }
            p.version++;
            mark(p);
        }
        pendingInserts.clear();
        touched.clear();
    }

    private static void mark(Row p) {
        p.flushedQuantity = p.quantity;
        p.flushedCost = p.cost;
        p.flushedOpenedAt = p.openedAt;
        p.flushedUpdatedAt = p.updatedAt;
    }

    /** As the Hibernate write: the row is updated (and its version counted) only when a value changes. */
    private static void order(Connection c, AccountId account, OrderUpdate u) throws SQLException {
        String brokerOrderId = u.brokerOrderId() == null ? "" : u.brokerOrderId();
        String message = u.message() == null ? "" : u.message();
        try (PreparedStatement st = c.prepareStatement("SELECT status, broker_order_id, filled_quantity, avg_fill_price_cents, message, updated_at"
                + " FROM order_record WHERE account_id = ? AND client_order_id = ?")) {
            st.setString(1, account.value());
            st.setString(2, u.clientOrderId().value());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("No order " + u.clientOrderId() + " in account " + account + ".");
                }
                if (rs.getString(1).equals(u.status().name()) && rs.getString(2).equals(brokerOrderId) && rs.getLong(3) == u.filledQuantity()
                        && rs.getLong(4) == u.averageFillPrice().cents() && rs.getString(5).equals(message)
                        && Objects.equals(rs.getObject(6, Instant.class), u.at())) {
                    return;
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE order_record SET status = ?, broker_order_id = ?, filled_quantity = ?,"
                + " avg_fill_price_cents = ?, message = ?, updated_at = ?, version = version + 1 WHERE account_id = ? AND client_order_id = ?")) {
            st.setString(1, u.status().name());
            st.setString(2, brokerOrderId);
            st.setLong(3, u.filledQuantity());
            st.setLong(4, u.averageFillPrice().cents());
            st.setString(5, message);
            st.setObject(6, HotRows.time(u.at()));
            st.setString(7, account.value());
            st.setString(8, u.clientOrderId().value());
            st.executeUpdate();
        }
    }

    /** The sleeves' capital shown in the tree, in one statement. */
    static void capital(Connection c, AccountId account, SleeveCapitals capital) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE sleeve SET capital_cents = CASE kind WHEN 'GEN' THEN ? WHEN 'REV' THEN ? ELSE ? END"
                + " WHERE account_id = ?")) {
            st.setLong(1, capital.of(SleeveKind.GEN).cents());
            st.setLong(2, capital.of(SleeveKind.REV).cents());
            st.setLong(3, capital.of(SleeveKind.COM).cents());
            st.setString(4, account.value());
            st.executeUpdate();
        }
    }

    /** As {@code AccountLedger.syncRow} and the fields the Hibernate write sets: a row whose values stay is not updated. */
    private static void sync(Connection c, AccountId account, LedgerBatch batch) throws SQLException {
        String cursor;
        long cash;
        Instant lastSyncAt;
        boolean exists;
        try (PreparedStatement st = c.prepareStatement("SELECT activity_cursor, broker_cash_cents, last_sync_at FROM broker_sync WHERE account_id = ?")) {
            st.setString(1, account.value());
            try (ResultSet rs = st.executeQuery()) {
                exists = rs.next();
                cursor = exists ? rs.getString(1) : "";
                cash = exists ? rs.getLong(2) : 0;
                lastSyncAt = exists ? rs.getObject(3, Instant.class) : null;
            }
        }
        String newCursor = batch.newCursor().orElse(cursor);
        long newCash = batch.brokerCash().map(m -> m.cents()).orElse(cash);
        Instant newSyncAt = batch.audit().isEmpty() ? lastSyncAt : batch.audit().getLast().at();
        if (!exists) {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO broker_sync (account_id, activity_cursor, last_sync_at, broker_cash_cents, health,"
                    + " failures, last_error, last_error_at, version) VALUES (?, ?, ?, ?, 'OK', 0, '', NULL, 0)")) {
                st.setString(1, account.value());
                st.setString(2, newCursor);
                st.setObject(3, HotRows.time(newSyncAt));
                st.setLong(4, newCash);
                st.executeUpdate();
            }
            return;
        }
        if (newCursor.equals(cursor) && newCash == cash && Objects.equals(newSyncAt, lastSyncAt)) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE broker_sync SET activity_cursor = ?, broker_cash_cents = ?, last_sync_at = ?,"
                + " version = version + 1 WHERE account_id = ?")) {
            st.setString(1, newCursor);
            st.setLong(2, newCash);
            st.setObject(3, HotRows.time(newSyncAt));
            st.setString(4, account.value());
            st.executeUpdate();
        }
    }
}
