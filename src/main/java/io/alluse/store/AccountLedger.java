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
import java.time.Instant;
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
        db.accountTransactionVoid(account, s -> AuditLog.append(s, account, at, kind, summary, detail));
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
                        e.quantity, Money.ofCents(e.priceCents), Money.ofCents(e.amountCents), e.reference, e.memo))
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
        return db.accountTransaction(account, s -> s.createSelectionQuery(
                        "from OrderRecord where status not in ('FILLED','CANCELLED','REJECTED','EXPIRED') order by id", OrderEntity.class)
                .getResultList().stream().map(AccountLedger::toOrder).toList());
    }

    public Optional<OrderRecord> order(ClientOrderId id) {
        return db.accountTransaction(account, s -> findOrder(s, id).map(AccountLedger::toOrder));
    }

    /**
     * Stores an order intent durably before it is sent. If an intent with the same client order id
     * exists already (the same decision made again after a restart), returns that one unchanged.
     */
    public OrderRecord storeIntent(ClientOrderId id, SleeveKind sleeve, String cycle, Instrument instrument, OrderSide side,
                                   PositionEffect effect, long quantity, Money limitPrice, Instant now) {
        if (!id.value().startsWith(account.value() + ".")) {
            throw new IllegalArgumentException("client order id " + id + " does not belong to account " + account);
        }
        return db.accountTransaction(account, s -> findOrder(s, id).map(AccountLedger::toOrder).orElseGet(() -> {
            OrderEntity o = new OrderEntity();
            o.clientOrderId = id.value();
            o.sleeve = sleeve.name();
            o.cycle = cycle;
            o.instrument = instrument.code();
            o.side = side.name();
            o.effect = effect.name();
            o.quantity = quantity;
            o.limitPriceCents = limitPrice.cents();
            o.status = OrderStatus.INTENT.name();
            o.brokerOrderId = "";
            o.createdAt = now;
            o.updatedAt = now;
            o.message = "";
            s.persist(o);
            AuditLog.append(s, account, now, AuditKind.ORDER, "Order intent " + side + " " + quantity + " " + instrument.code() + " limit " + limitPrice
                    + " stored", "client order id " + id + ", cycle " + cycle + ", " + effect);
            s.flush();
            return toOrder(o);
        }));
    }

    /** Records what the broker says about one of this account's orders. */
    public OrderRecord updateOrder(ClientOrderId id, OrderStatus status, String brokerOrderId, long filledQuantity,
                                   Money averageFillPrice, String message, Instant now) {
        return db.accountTransaction(account, s -> {
            OrderEntity o = findOrder(s, id).orElseThrow(() -> new StoreException("No order " + id + " in account " + account + "."));
            o.status = status.name();
            o.brokerOrderId = brokerOrderId == null ? "" : brokerOrderId;
            o.filledQuantity = filledQuantity;
            o.avgFillPriceCents = averageFillPrice.cents();
            o.message = message == null ? "" : message;
            o.updatedAt = now;
            s.flush();
            return toOrder(o);
        });
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
