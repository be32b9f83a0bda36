package io.alluse.store;

import io.alluse.domain.AccountId;
import io.alluse.domain.CashFlow;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.AuditEvent;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.BookedCashFlow;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.Position;
import io.alluse.domain.ledger.PositionEffect;
import io.alluse.domain.ledger.AuditLine;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.domain.ledger.LedgerBatch;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.NewEntry;
import io.alluse.domain.ledger.OrderUpdate;
import io.alluse.domain.ledger.PositionChange;
import io.alluse.domain.run.AccountHealth;
import io.alluse.domain.run.CycleRun;
import io.alluse.domain.run.CycleStatus;
import io.alluse.domain.run.SyncState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One account's ledger: transactions, positions, orders, cash flows and audit log. Every
 * session it opens is bound to this account's tenant id, so code holding the ledger of account A
 * can neither read nor change account B's rows, whatever it asks for.
 */
public final class AccountLedger {

    private final Database db;
    private final AccountId account;

    AccountLedger(Database db, AccountId account) {
        this.db = db;
        this.account = account;
    }

    public AccountId account() {
        return account;
    }

    // ---- audit log --------------------------------------------------------------------------

    public void audit(Instant at, AuditKind kind, String summary, String detail) {
        db.hotRows(account, rows -> {
            rows.audit(account, at, kind, summary, detail);
            return null;
        });
    }

    /** The whole log, oldest first. */
    public List<AuditEvent> audit() {
        return auditAfter(0, Integer.MAX_VALUE);
    }

    /** Lines written after {@code afterId}, oldest first, at most {@code limit}: for tailing the log. */
    public List<AuditEvent> auditAfter(long afterId, int limit) {
        return db.accountTransaction(account, s -> s.createSelectionQuery("from AuditEvent where id > :after order by id", AuditEventEntity.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList().stream()
                .map(e -> new AuditEvent(e.id, new AccountId(e.accountId), e.occurredAt, AuditKind.valueOf(e.kind), e.summary, e.detail))
                .toList());
    }

    // ---- transactions, positions, cash flows --------------------------------------------------

    public List<LedgerEntry> entries() {
        return db.accountTransaction(account, s -> s.createSelectionQuery("from LedgerEntry order by occurredAt, id", LedgerEntryEntity.class)
                .getResultList().stream()
                .map(e -> new LedgerEntry(e.id, e.occurredAt, SleeveKind.valueOf(e.sleeve), EntryKind.valueOf(e.kind), e.instrument,
                        e.quantity, Money.ofCents(e.priceCents), Money.ofCents(e.amountCents), e.reference, e.memo,
                        e.lotOpenedOn == null ? java.util.Optional.empty()
                                : java.util.Optional.of(new io.alluse.domain.ledger.LotOrigin(e.lotOpenedOn, Money.ofCents(e.lotBasisCents)))))
                .toList());
    }

    public List<Position> positions() {
        return db.accountTransaction(account, s -> s.createSelectionQuery("from Position where quantity <> 0 order by sleeve, instrument", PositionEntity.class)
                .getResultList().stream()
                .map(p -> new Position(SleeveKind.valueOf(p.sleeve), Instrument.parse(p.instrument), p.quantity, Money.ofCents(p.costCents), p.openedAt))
                .toList());
    }

    public List<BookedCashFlow> cashFlows() {
        return db.accountTransaction(account, s -> s.createSelectionQuery("from CashFlow order by occurredAt, id", CashFlowEntity.class)
                .getResultList().stream()
                .map(c -> new BookedCashFlow(c.id, new CashFlow(CashFlow.Kind.valueOf(c.kind), Money.ofCents(c.amountCents), c.occurredAt, c.reference),
                        Money.ofCents(c.capitalBeforeCents), Money.ofCents(c.capitalAfterCents)))
                .toList());
    }

    // ---- orders -------------------------------------------------------------------------------

    public List<OrderRecord> orders() {
        return db.accountTransaction(account, s -> s.createSelectionQuery("from OrderRecord order by createdAt, id", OrderEntity.class)
                .getResultList().stream().map(AccountLedger::toOrder).toList());
    }

    /** Orders not yet in a final state: what must be reconciled with the broker on start. */
    public List<OrderRecord> openOrders() {
        return db.jdbc(c -> orders(c, OPEN_ORDERS));
    }

    // plain JDBC on the hot path (docs/decisions/0027): every statement names this account, as the tenant id does for Hibernate
    private static final String ORDER_COLUMNS = "SELECT id, client_order_id, sleeve, cycle, instrument, side, effect, quantity, limit_price_cents,"
            + " status, broker_order_id, filled_quantity, avg_fill_price_cents, created_at, updated_at, message FROM order_record WHERE account_id = ?";
    private static final String OPEN_ORDERS = ORDER_COLUMNS + " AND status NOT IN ('FILLED','CANCELLED','REJECTED','EXPIRED') ORDER BY id";
    private static final String ORDERS_SINCE = ORDER_COLUMNS + " AND created_at >= ? ORDER BY created_at, id";
    private static final String ORDER_BY_CLIENT_ID = ORDER_COLUMNS + " AND client_order_id = ?";

    private List<OrderRecord> orders(java.sql.Connection c, String sql, Object... more) throws java.sql.SQLException {
        try (java.sql.PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, account.value());
            for (int i = 0; i < more.length; i++) {
                st.setObject(i + 2, more[i]);
            }
            List<OrderRecord> result = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.add(new OrderRecord(rs.getLong(1), new ClientOrderId(rs.getString(2)), SleeveKind.valueOf(rs.getString(3)), rs.getString(4),
                            Instrument.parse(rs.getString(5)), OrderSide.valueOf(rs.getString(6)), PositionEffect.valueOf(rs.getString(7)), rs.getLong(8),
                            Money.ofCents(rs.getLong(9)), OrderStatus.valueOf(rs.getString(10)), rs.getString(11), rs.getLong(12),
                            Money.ofCents(rs.getLong(13)), rs.getObject(14, Instant.class), rs.getObject(15, Instant.class), rs.getString(16)));
                }
            }
            return result;
        }
    }

    /** Orders created at or after {@code from}, in any state, oldest first. */
    public List<OrderRecord> ordersSince(Instant from) {
        return db.accountTransaction(account, s -> s.createSelectionQuery("from OrderRecord where createdAt >= :from order by createdAt, id", OrderEntity.class)
                .setParameter("from", from).getResultList().stream().map(AccountLedger::toOrder).toList());
    }

    /**
     * What a cycle's strategies look at, in one transaction: the orders created at or after {@code from}
     * (oldest first, as {@link #ordersSince}), then the other unfinished ones (by id, as {@link #openOrders}).
     */
    public List<OrderRecord> cycleOrders(Instant from) {
        return db.jdbc(c -> {
            java.util.Map<ClientOrderId, OrderRecord> relevant = new java.util.LinkedHashMap<>();
            orders(c, ORDERS_SINCE, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC)).forEach(o -> relevant.put(o.clientOrderId(), o));
            orders(c, OPEN_ORDERS).forEach(o -> relevant.put(o.clientOrderId(), o));
            return List.copyOf(relevant.values());
        });
    }

    public Optional<OrderRecord> order(ClientOrderId id) {
        return db.accountTransaction(account, s -> findOrder(s, id).map(AccountLedger::toOrder));
    }

    /**
     * Stores an order intent durably before it is sent: on disk, not only committed, when this returns.
     * If an intent with the same client order id exists already (the same decision made again after a
     * restart), returns that one unchanged.
     */
    public OrderRecord storeIntent(ClientOrderId id, SleeveKind sleeve, String cycle, Instrument instrument, OrderSide side,
                                   PositionEffect effect, long quantity, Money limitPrice, Instant now) {
        return storeIntent(List.of(), id, sleeve, cycle, instrument, side, effect, quantity, limitPrice, now);
    }

    /**
     * As {@link #storeIntent(ClientOrderId, SleeveKind, String, Instrument, OrderSide, PositionEffect, long, Money, Instant)},
     * with {@code linesBefore} appended to the audit log first, in the same transaction (the decision
     * lines that led to the order: one commit instead of two).
     */
    public OrderRecord storeIntent(List<AuditLine> linesBefore, ClientOrderId id, SleeveKind sleeve, String cycle, Instrument instrument,
                                   OrderSide side, PositionEffect effect, long quantity, Money limitPrice, Instant now) {
        return storeIntents(List.of(new NewIntent(linesBefore, id, sleeve, cycle, instrument, side, effect, quantity, limitPrice, now))).getFirst();
    }

    /**
     * An order intent to store, with the audit lines that led to it (written just before it).
     */
    public record NewIntent(List<AuditLine> linesBefore, ClientOrderId id, SleeveKind sleeve, String cycle, Instrument instrument, OrderSide side,
                            PositionEffect effect, long quantity, Money limitPrice, Instant at) {
        public NewIntent {
            linesBefore = List.copyOf(linesBefore);
        }
    }

    /**
     * Stores a cycle's order intents, in order, in ONE transaction, and forces them into the file with ONE
     * checkpoint before returning (docs/decisions/0035): every intent is durable before any of them can be
     * sent. Each is as {@link #storeIntent}: one that exists already comes back unchanged.
     */
    public List<OrderRecord> storeIntents(List<NewIntent> intents) {
        for (NewIntent n : intents) {
            if (!n.id().value().startsWith(account.value() + ".")) {
                throw new IllegalArgumentException("client order id " + n.id() + " does not belong to account " + account);
            }
        }
        if (intents.isEmpty()) {
            return List.of();
        }
        List<OrderRecord> stored = db.hotRows(account, rows -> {
            List<OrderRecord> result = new java.util.ArrayList<>();
            for (NewIntent n : intents) {
                result.add(storeOne(rows, n));
            }
            return result;
        });
        if (stored.stream().anyMatch(o -> o.status() == OrderStatus.INTENT)) {
            db.makeDurable();
        }
        return stored;
    }

    private OrderRecord storeOne(HotRows rows, NewIntent n) throws java.sql.SQLException {
        ClientOrderId id = n.id();
        Instant now = n.at();
        for (AuditLine line : n.linesBefore()) {
            rows.audit(account, line.at(), line.kind(), line.summary(), line.detail());
        }
        List<OrderRecord> existing = orders(rows.connection(), ORDER_BY_CLIENT_ID, id.value());
        if (!existing.isEmpty()) {
            return existing.getFirst();
        }
        long rowId = rows.nextId(OrderEntity.class);
        try (java.sql.PreparedStatement st = rows.connection().prepareStatement("INSERT INTO order_record (id, account_id, client_order_id, sleeve,"
                + " cycle, instrument, side, effect, quantity, limit_price_cents, status, broker_order_id, filled_quantity, avg_fill_price_cents,"
                + " created_at, updated_at, message, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, 0, ?, ?, '', 0)")) {
            st.setLong(1, rowId);
            st.setString(2, account.value());
            st.setString(3, id.value());
            st.setString(4, n.sleeve().name());
            st.setString(5, n.cycle());
            st.setString(6, n.instrument().code());
            st.setString(7, n.side().name());
            st.setString(8, n.effect().name());
            st.setLong(9, n.quantity());
            st.setLong(10, n.limitPrice().cents());
            st.setString(11, OrderStatus.INTENT.name());
            st.setObject(12, HotRows.time(now));
            st.setObject(13, HotRows.time(now));
            st.executeUpdate();
        }
        rows.audit(account, now, AuditKind.ORDER, "Order intent " + n.side() + " " + n.quantity() + " " + n.instrument().code() + " limit "
                + n.limitPrice() + " stored", "client order id " + id + ", cycle " + n.cycle() + ", " + n.effect());
        return new OrderRecord(rowId, id, n.sleeve(), n.cycle(), n.instrument(), n.side(), n.effect(), n.quantity(), n.limitPrice(), OrderStatus.INTENT,
                "", 0, Money.ZERO, now, now, "");
    }

    /** Records what the broker says about one of this account's orders. */
    public OrderRecord updateOrder(ClientOrderId id, OrderStatus status, String brokerOrderId, long filledQuantity,
                                   Money averageFillPrice, String message, Instant now) {
        return db.jdbc(c -> {
            try (java.sql.PreparedStatement st = c.prepareStatement("UPDATE order_record SET status = ?, broker_order_id = ?, filled_quantity = ?,"
                    + " avg_fill_price_cents = ?, message = ?, updated_at = ?, version = version + 1 WHERE account_id = ? AND client_order_id = ?")) {
                st.setString(1, status.name());
                st.setString(2, brokerOrderId == null ? "" : brokerOrderId);
                st.setLong(3, filledQuantity);
                st.setLong(4, averageFillPrice.cents());
                st.setString(5, message == null ? "" : message);
                st.setObject(6, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
                st.setString(7, account.value());
                st.setString(8, id.value());
                if (st.executeUpdate() != 1) {
                    throw new StoreException("No order " + id + " in account " + account + ".");
                }
            }
            return orders(c, ORDER_BY_CLIENT_ID, id.value()).getFirst();
        });
    }

    // ---- books, batches, cycles, sync state, snapshots --------------------------------------

    /**
     * Each sleeve's cash (the sum of its ledger entries) and every open position: as the rows say, from
     * memory when nothing changed them since they were last read or written here (docs/decisions/0027).
     */
    public LedgerState state() {
        LedgerCache.Slot slot = db.ledgerCache().slot(account.value());
        LedgerCache.Seen seen = slot.seen();
        if (seen.state() != null) {
            return seen.state();
        }
        LedgerState read = readState();
        slot.install(seen.version(), read);
        return read;
    }

    /** {@link #state()} read from the rows, bypassing what is kept in memory. */
    LedgerState readState() {
        // plain JDBC (docs/decisions/0035): the same two queries Hibernate ran, in one transaction
        return db.jdbc(c -> {
            java.util.EnumMap<SleeveKind, Money> cash = new java.util.EnumMap<>(SleeveKind.class);
            try (java.sql.PreparedStatement st = c.prepareStatement("SELECT sleeve, SUM(amount_cents) FROM ledger_entry WHERE account_id = ? GROUP BY sleeve")) {
                st.setString(1, account.value());
                try (java.sql.ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        cash.put(SleeveKind.valueOf(rs.getString(1)), Money.ofCents(rs.getLong(2)));
                    }
                }
            }
            List<Position> positions = new java.util.ArrayList<>();
            try (java.sql.PreparedStatement st = c.prepareStatement("SELECT sleeve, instrument, quantity, cost_cents, opened_at FROM position"
                    + " WHERE account_id = ? AND quantity <> 0 ORDER BY sleeve, instrument")) {
                st.setString(1, account.value());
                try (java.sql.ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        positions.add(new Position(SleeveKind.valueOf(rs.getString(1)), Instrument.parse(rs.getString(2)), rs.getLong(3),
                                Money.ofCents(rs.getLong(4)), rs.getObject(5, Instant.class)));
                    }
                }
            }
            return new LedgerState(cash, List.copyOf(positions));
        });
    }

    /** {@link #readState} through Hibernate, as before 0035: what the JDBC read is compared with in tests. */
    LedgerState readStateThroughHibernate() {
        return db.accountTransaction(account, s -> {
            java.util.EnumMap<SleeveKind, Money> cash = new java.util.EnumMap<>(SleeveKind.class);
            for (Object[] row : s.createSelectionQuery("select sleeve, sum(amountCents) from LedgerEntry group by sleeve", Object[].class).getResultList()) {
                cash.put(SleeveKind.valueOf((String) row[0]), Money.ofCents(((Number) row[1]).longValue()));
            }
            List<Position> positions = s.createSelectionQuery("from Position where quantity <> 0 order by sleeve, instrument", PositionEntity.class)
                    .getResultList().stream()
                    .map(p -> new Position(SleeveKind.valueOf(p.sleeve), Instrument.parse(p.instrument), p.quantity, Money.ofCents(p.costCents), p.openedAt))
                    .toList();
            return new LedgerState(cash, positions);
        });
    }

    /**
     * Commits everything one sync or cycle step books, with the broker cursor, in ONE transaction
     * (see {@link LedgerBatch}). Cash flows already booked under the same broker reference are skipped.
     */
    public void apply(LedgerBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        boolean booksChange = !batch.entries().isEmpty() || !batch.positions().isEmpty() || !batch.cashFlows().isEmpty();
        if (!booksChange) {
            write(batch);
            return;
        }
        LedgerCache.Slot slot = db.ledgerCache().slot(account.value());
        LedgerCache.Seen seen = slot.seen();
        LedgerState after = seen.state() == null ? null : LedgerCache.after(seen.state(), batch);
        boolean written = false;
        try {
            write(batch);
            written = true;
        } finally {
            if (written && after != null) {
                slot.changedTo(seen.version(), after);
            } else {
                slot.changed();
            }
        }
    }

    private void write(LedgerBatch batch) {
        if (batch.cashFlows().isEmpty()) {
            // the rows every sync and cycle books, in plain JDBC (docs/decisions/0035)
            db.hotRows(account, rows -> {
                BatchRows.write(rows, account, batch);
                return null;
            });
            return;
        }
        writeThroughHibernate(batch);
    }

    /** {@link #write} through Hibernate: batches with a cash flow (rare), and what {@link BatchRows} is compared with in tests. */
    void writeThroughHibernate(LedgerBatch batch) {
        db.accountTransactionVoid(account, s -> {
            for (NewEntry e : batch.entries()) {
                s.persist(LedgerWrites.entry(e));
            }
            for (PositionChange change : batch.positions()) {
                LedgerWrites.applyPosition(s, change);
            }
            for (io.alluse.domain.FundChange change : batch.cashFlows()) {
                CashFlowWrites.book(s, account, change, change.flow().at());
            }
            for (OrderUpdate u : batch.orders()) {
                OrderEntity o = findOrder(s, u.clientOrderId()).orElseThrow(() -> new StoreException("No order " + u.clientOrderId() + " in account " + account + "."));
                o.status = u.status().name();
                o.brokerOrderId = u.brokerOrderId() == null ? "" : u.brokerOrderId();
                o.filledQuantity = u.filledQuantity();
                o.avgFillPriceCents = u.averageFillPrice().cents();
                o.message = u.message() == null ? "" : u.message();
                o.updatedAt = u.at();
            }
            for (AuditLine line : batch.audit()) {
                AuditLog.append(s, account, line.at(), line.kind(), line.summary(), line.detail());
            }
            batch.capital().ifPresent(capital -> {
                for (SleeveEntity sleeve : CashFlowWrites.sleeves(s, account)) {
                    sleeve.capitalCents = capital.of(SleeveKind.valueOf(sleeve.key.kind())).cents();
                }
            });
            if (batch.newCursor().isPresent() || batch.brokerCash().isPresent()) {
                BrokerSyncEntity sync = syncRow(s);
                batch.newCursor().ifPresent(c -> sync.activityCursor = c);
                batch.brokerCash().ifPresent(c -> sync.brokerCashCents = c.cents());
                sync.lastSyncAt = batch.audit().isEmpty() ? sync.lastSyncAt : batch.audit().getLast().at();
            }
        });
    }

    public SyncState syncState() {
        return db.accountTransaction(account, s -> {
            BrokerSyncEntity e = s.find(BrokerSyncEntity.class, account.value());
            return e == null ? SyncState.initial() : new SyncState(e.activityCursor, Optional.ofNullable(e.lastSyncAt), Money.ofCents(e.brokerCashCents),
                    AccountHealth.valueOf(e.health), e.failures, e.lastError, Optional.ofNullable(e.lastErrorAt));
        });
    }

    /** Sets the cursor without booking anything: the activities up to it are accounted for elsewhere (opening balance). */
    public void markSynced(String cursor, Money brokerCash, Instant at) {
        db.accountTransactionVoid(account, s -> {
            BrokerSyncEntity sync = syncRow(s);
            sync.activityCursor = cursor;
            sync.brokerCashCents = brokerCash.cents();
            sync.lastSyncAt = at;
        });
    }

    public void recordHealth(AccountHealth health, int failures, String lastError, Instant at) {
        db.accountTransactionVoid(account, s -> {
            BrokerSyncEntity sync = syncRow(s);
            AccountHealth before = AccountHealth.valueOf(sync.health);
            sync.health = health.name();
            sync.failures = failures;
            if (!lastError.isEmpty()) {
                sync.lastError = lastError.length() > 1000 ? lastError.substring(0, 999) : lastError;
                sync.lastErrorAt = at;
            }
            if (before != health) {
                AuditLog.append(s, account, at, health == AccountHealth.OK ? AuditKind.SYNC : AuditKind.ERROR,
                        "Health " + before + " -> " + health + (lastError.isEmpty() ? "" : ": " + lastError), "failures in a row: " + failures);
            }
        });
    }

    private BrokerSyncEntity syncRow(org.hibernate.Session s) {
        BrokerSyncEntity sync = s.find(BrokerSyncEntity.class, account.value());
        if (sync == null) {
            sync = new BrokerSyncEntity();
            sync.accountId = account.value();
            sync.activityCursor = "";
            sync.health = AccountHealth.OK.name();
            sync.lastError = "";
            s.persist(sync);
        }
        return sync;
    }

    public Optional<CycleRun> cycle(LocalDate day) {
        return db.accountTransaction(account, s -> s.createSelectionQuery("from CycleRun where tradingDay = :d", CycleRunEntity.class)
                .setParameter("d", day).uniqueResultOptional().map(this::toCycle));
    }

    /** Cycles from {@code from} on, oldest first. */
    public List<CycleRun> cyclesSince(LocalDate from) {
        return db.accountTransaction(account, s -> s.createSelectionQuery("from CycleRun where tradingDay >= :d order by tradingDay", CycleRunEntity.class)
                .setParameter("d", from).getResultList().stream().map(this::toCycle).toList());
    }

    public Optional<CycleRun> lastCycle() {
        return db.accountTransaction(account, s -> s.createSelectionQuery("from CycleRun order by tradingDay desc", CycleRunEntity.class)
                .setMaxResults(1).uniqueResultOptional().map(this::toCycle));
    }

    /**
     * Records a cycle for {@code day} in {@code status}; false if one is recorded already (the unique
     * constraint makes this safe against two writers too): this is what keeps a cycle from running twice.
     */
    public boolean recordCycle(LocalDate day, CycleStatus status, String summary, Instant at) {
        try {
            return db.hotRows(account, rows -> {
                java.sql.Connection c = rows.connection();
                try (java.sql.PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM cycle_run WHERE account_id = ? AND trading_day = ?")) {
                    st.setString(1, account.value());
                    st.setObject(2, day);
                    try (java.sql.ResultSet rs = st.executeQuery()) {
                        if (rs.next() && rs.getLong(1) > 0) {
                            return false;
                        }
                    }
                }
                try (java.sql.PreparedStatement st = c.prepareStatement("INSERT INTO cycle_run (id, account_id, trading_day, status, started_at,"
                        + " finished_at, summary, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0)")) {
                    st.setLong(1, rows.nextId(CycleRunEntity.class));
                    st.setString(2, account.value());
                    st.setObject(3, day);
                    st.setString(4, status.name());
                    st.setObject(5, HotRows.time(at));
                    st.setObject(6, status == CycleStatus.RUNNING ? null : HotRows.time(at));
                    st.setString(7, clip(summary));
                    st.executeUpdate();
                }
                rows.audit(account, at, AuditKind.SCHEDULE, "Cycle " + day + " " + status.name().toLowerCase(java.util.Locale.ROOT)
                        + (summary.isEmpty() ? "" : ": " + summary), "");
                return true;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof java.sql.SQLIntegrityConstraintViolationException) {
                // another writer recorded the day first
                return false;
            }
            throw e;
        }
    }

    public void finishCycle(LocalDate day, CycleStatus status, String summary, Instant at) {
        db.hotRows(account, rows -> {
            try (java.sql.PreparedStatement st = rows.connection().prepareStatement("UPDATE cycle_run SET status = ?, finished_at = ?, summary = ?,"
                    + " version = version + 1 WHERE account_id = ? AND trading_day = ?")) {
                st.setString(1, status.name());
                st.setObject(2, HotRows.time(at));
                st.setString(3, clip(summary));
                st.setString(4, account.value());
                st.setObject(5, day);
                if (st.executeUpdate() != 1) {
                    throw new StoreException("No cycle " + day + " in account " + account + ".");
                }
            }
            rows.audit(account, at, AuditKind.SCHEDULE, "Cycle " + day + " " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + (summary.isEmpty() ? "" : ": " + summary), "");
            return null;
        });
    }

    private CycleRun toCycle(CycleRunEntity c) {
        return new CycleRun(account, c.tradingDay, CycleStatus.valueOf(c.status), c.startedAt, Optional.ofNullable(c.finishedAt), c.summary);
    }

    private static String clip(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999);
    }

    /** Writes end-of-day snapshots; a sleeve's snapshot for a day that exists already is kept as it is. */
    public void writeSnapshots(List<EquitySnapshot> snapshots) {
        db.accountTransactionVoid(account, s -> snapshots(s, snapshots));
    }

    /**
     * The end of a day in one transaction: {@link #writeSnapshots} and the sleeves' capital shown in the
     * tree, as {@link #apply} with only a capital would write it.
     */
    public void closeDay(List<EquitySnapshot> snapshots, io.alluse.domain.SleeveCapitals capital) {
        checkOwn(snapshots);
        // plain JDBC (docs/decisions/0035): the same rows and ids as writeSnapshots and apply's capital
        db.hotRows(account, rows -> {
            java.sql.Connection c = rows.connection();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (LocalDate day : snapshots.stream().map(EquitySnapshot::day).distinct().toList()) {
                try (java.sql.PreparedStatement st = c.prepareStatement("SELECT sleeve FROM equity_snapshot WHERE account_id = ? AND trading_day = ?")) {
                    st.setString(1, account.value());
                    st.setObject(2, day);
                    try (java.sql.ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            seen.add(day + " " + rs.getString(1));
                        }
                    }
                }
            }
            try (java.sql.PreparedStatement st = c.prepareStatement("INSERT INTO equity_snapshot (id, account_id, sleeve, trading_day, cash_cents,"
                    + " positions_cents, equity_cents, flow_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (EquitySnapshot snap : snapshots) {
                    if (!seen.add(snap.day() + " " + snap.sleeve().name())) {
                        continue;
                    }
                    st.setLong(1, rows.nextId(EquitySnapshotEntity.class));
                    st.setString(2, account.value());
                    st.setString(3, snap.sleeve().name());
                    st.setObject(4, snap.day());
                    st.setLong(5, snap.cash().cents());
                    st.setLong(6, snap.positions().cents());
                    st.setLong(7, snap.equity().cents());
                    st.setLong(8, snap.flow().cents());
                    st.addBatch();
                }
                st.executeBatch();
            }
            BatchRows.capital(c, account, capital);
            return null;
        });
    }

    /** {@link #closeDay} through Hibernate, as it was written before 0035: what the JDBC one is compared with in tests. */
    void closeDayThroughHibernate(List<EquitySnapshot> snapshots, io.alluse.domain.SleeveCapitals capital) {
        db.accountTransactionVoid(account, s -> {
            snapshots(s, snapshots);
            for (SleeveEntity sleeve : CashFlowWrites.sleeves(s, account)) {
                sleeve.capitalCents = capital.of(SleeveKind.valueOf(sleeve.key.kind())).cents();
            }
        });
    }

    private void checkOwn(List<EquitySnapshot> snapshots) {
        for (EquitySnapshot snap : snapshots) {
            if (!snap.account().equals(account)) {
                throw new IllegalArgumentException("snapshot of " + snap.account() + " given to the ledger of " + account);
            }
        }
    }

    private void snapshots(org.hibernate.Session s, List<EquitySnapshot> snapshots) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (EquitySnapshot snap : snapshots) {
            if (!snap.account().equals(account)) {
                throw new IllegalArgumentException("snapshot of " + snap.account() + " given to the ledger of " + account);
            }
        }
        for (LocalDate day : snapshots.stream().map(EquitySnapshot::day).distinct().toList()) {
            s.createSelectionQuery("select sleeve from EquitySnapshot where tradingDay = :d", String.class).setParameter("d", day).getResultList()
                    .forEach(k -> seen.add(day + " " + k));
        }
        {
            for (EquitySnapshot snap : snapshots) {
                if (!seen.add(snap.day() + " " + snap.sleeve().name())) {
                    continue;
                }
                EquitySnapshotEntity e = new EquitySnapshotEntity();
                e.sleeve = snap.sleeve().name();
                e.tradingDay = snap.day();
                e.cashCents = snap.cash().cents();
                e.positionsCents = snap.positions().cents();
                e.equityCents = snap.equity().cents();
                e.flowCents = snap.flow().cents();
                s.persist(e);
            }
        }
    }

    /** Snapshots oldest first. */
    public List<EquitySnapshot> snapshots() {
        return db.accountTransaction(account, s -> s.createSelectionQuery("from EquitySnapshot order by tradingDay, sleeve", EquitySnapshotEntity.class)
                .getResultList().stream()
                .map(e -> new EquitySnapshot(account, SleeveKind.valueOf(e.sleeve), e.tradingDay, Money.ofCents(e.cashCents),
                        Money.ofCents(e.positionsCents), Money.ofCents(e.equityCents), Money.ofCents(e.flowCents)))
                .toList());
    }

    /**
     * External money that moved into each sleeve between {@code from} (inclusive) and {@code to}
     * (exclusive): deposits, withdrawals, re-split transfers, and money moved to or from another of
     * our accounts by a fork or merge. Snapshots record it as the day's flow.
     */
    public java.util.Map<SleeveKind, Money> flowsBetween(Instant from, Instant to) {
        return db.jdbc(c -> {
            java.util.EnumMap<SleeveKind, Money> flows = new java.util.EnumMap<>(SleeveKind.class);
            for (SleeveKind k : SleeveKind.values()) {
                flows.put(k, Money.ZERO);
            }
            try (java.sql.PreparedStatement st = c.prepareStatement("SELECT sleeve, SUM(amount_cents) FROM ledger_entry WHERE account_id = ?"
                    + " AND kind IN ('DEPOSIT','WITHDRAWAL','SLEEVE_TRANSFER','FORK_OUT','MERGE_OUT','MERGE_IN') AND occurred_at >= ? AND occurred_at < ?"
                    + " GROUP BY sleeve")) {
                st.setString(1, account.value());
                st.setObject(2, HotRows.time(from));
                st.setObject(3, HotRows.time(to));
                try (java.sql.ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        flows.put(SleeveKind.valueOf(rs.getString(1)), Money.ofCents(rs.getLong(2)));
                    }
                }
            }
            return flows;
        });
    }

    /**
     * Broker activity ids already booked by a fork or merge (which moves the money at the broker and
     * books it in both accounts at once): a sync skips them instead of booking them as external flows.
     */
    public java.util.Set<String> transferReferences() {
        return db.accountTransaction(account, s -> new java.util.HashSet<>(s.createSelectionQuery(
                "select reference from LedgerEntry where kind in ('FORK_OUT','MERGE_OUT','MERGE_IN','POSITION_TRANSFER_OUT','POSITION_TRANSFER_IN')", String.class).getResultList()));
    }

    /**
     * Net capital put into one sleeve from outside its own trading: deposits, withdrawals and re-split
     * transfers booked to it. A fork's surplus leaving is not capital-in (see docs/decisions/0017).
     */
    public Money capitalIn(SleeveKind sleeve) {
        return db.accountTransaction(account, s -> Money.ofCents(s.createSelectionQuery(
                "select coalesce(sum(amountCents), 0) from LedgerEntry where sleeve = :k and kind in ('DEPOSIT','WITHDRAWAL','SLEEVE_TRANSFER','MERGE_IN')",
                Long.class).setParameter("k", sleeve.name()).getSingleResult()));
    }

    public Optional<LocalDate> lastSnapshotDay() {
        return db.accountTransaction(account, s -> Optional.ofNullable(
                s.createSelectionQuery("select max(tradingDay) from EquitySnapshot", LocalDate.class).getSingleResult()));
    }

    private static Optional<OrderEntity> findOrder(org.hibernate.Session s, ClientOrderId id) {
        return s.createSelectionQuery("from OrderRecord where clientOrderId = :id", OrderEntity.class).setParameter("id", id.value())
                .uniqueResultOptional();
    }

    private static OrderRecord toOrder(OrderEntity o) {
        return new OrderRecord(o.id, new ClientOrderId(o.clientOrderId), SleeveKind.valueOf(o.sleeve), o.cycle, Instrument.parse(o.instrument),
                OrderSide.valueOf(o.side), PositionEffect.valueOf(o.effect), o.quantity, Money.ofCents(o.limitPriceCents),
                OrderStatus.valueOf(o.status), o.brokerOrderId, o.filledQuantity, Money.ofCents(o.avgFillPriceCents), o.createdAt, o.updatedAt, o.message);
    }
}
