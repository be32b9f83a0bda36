package io.alluse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.domain.Account;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.CashFlow;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.FundChange;
import io.alluse.domain.Money;
import io.alluse.domain.NewAccount;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.PositionEffect;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code working for account A can neither read nor change account B's ledger rows. */
class LedgerIsolationTest {

    private static final Instant T0 = Instant.parse("2026-03-05T15:00:00Z");
    private static final OptionContract PUT = new OptionContract(new Symbol("TSLA"), LocalDate.of(2026, 3, 6), OptionRight.PUT, Money.ofDollars(400));

    @TempDir
    Path dir;
    Database db;
    Account a;
    Account b;
    AccountLedger ledgerA;
    AccountLedger ledgerB;
    OrderRecord orderA;
    OrderRecord orderB;

    @BeforeEach
    void twoAccountsWithRows() {
        db = Database.open(dir);
        AccountRepository accounts = new AccountRepository(db);
        NewAccount specA = StoreFixtures.newAccount("acct-a", "A", "500000", ExecutionWindow.of("09:45", "10:15"));
        NewAccount specB = StoreFixtures.newAccount("acct-b", "B", "500000", ExecutionWindow.of("10:15", "10:45"));
        a = accounts.create(specA, BrokerConnection.paperFor(specA.id()), T0, "opening-" + specA.id());
        b = accounts.create(specB, BrokerConnection.paperFor(specB.id()), T0, "opening-" + specB.id());
        LedgerStore ledgers = new LedgerStore(db);
        ledgerA = ledgers.forAccount(a.id());
        ledgerB = ledgers.forAccount(b.id());
        orderA = ledgerA.storeIntent(ClientOrderId.of(a.id(), SleeveKind.GEN, "2026-03-05", "tsla-p-1"), SleeveKind.GEN, "2026-03-05", PUT,
                OrderSide.SELL, PositionEffect.OPEN, 2, Money.ofCents(450), T0);
        orderB = ledgerB.storeIntent(ClientOrderId.of(b.id(), SleeveKind.GEN, "2026-03-05", "tsla-p-1"), SleeveKind.GEN, "2026-03-05", PUT,
                OrderSide.SELL, PositionEffect.OPEN, 3, Money.ofCents(455), T0);
        accounts.bookCashFlow(b.id(), FundChange.book(b.capital(), CashFlow.deposit(Money.ofDollars(1000), T0, "b-dep-1"), b.config()), T0);
        ledgerB.audit(T0, AuditKind.DECISION, "B's private decision", "");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theLedgerOfAShowsOnlyAsRows() {
        assertThat(ledgerA.orders()).extracting(OrderRecord::clientOrderId).containsExactly(orderA.clientOrderId());
        assertThat(ledgerA.audit()).allSatisfy(e -> assertThat(e.account()).isEqualTo(a.id()));
        assertThat(ledgerA.audit()).noneMatch(e -> e.summary().contains("B's private"));
        assertThat(ledgerA.cashFlows()).extracting(c -> c.flow().reference()).containsExactly("opening-acct-a");
        assertThat(ledgerA.entries()).allSatisfy(e -> assertThat(e.reference()).isEqualTo("opening-acct-a"));
        assertThat(ledgerA.order(orderB.clientOrderId())).isEmpty();
        // and B still sees its own
        assertThat(ledgerB.cashFlows()).extracting(c -> c.flow().reference()).containsExactly("opening-acct-b", "b-dep-1");
        assertThat(ledgerB.order(orderB.clientOrderId())).isPresent();
    }

    @Test
    void theLedgerOfACannotChangeBsOrders() {
        assertThatThrownBy(() -> ledgerA.updateOrder(orderB.clientOrderId(), OrderStatus.CANCELLED, "x", 0, Money.ZERO, "forged", T0))
                .isInstanceOf(StoreException.class).hasMessageContaining("No order");
        assertThatThrownBy(() -> ledgerA.storeIntent(ClientOrderId.of(b.id(), SleeveKind.REV, "2026-03-05", "aapl-p-1"), SleeveKind.REV, "c",
                PUT, OrderSide.SELL, PositionEffect.OPEN, 1, Money.ofCents(100), T0)).isInstanceOf(IllegalArgumentException.class);
        OrderRecord stillB = ledgerB.order(orderB.clientOrderId()).orElseThrow();
        assertThat(stillB.status()).isEqualTo(OrderStatus.INTENT);
        assertThat(stillB.message()).isEmpty();
        assertThat(ledgerB.orders()).hasSize(1);
    }

    @Test
    void evenRawHibernateInAsSessionCannotReachBsRows() {
        db.accountTransaction(a.id(), s -> {
            assertThat(s.createSelectionQuery("from OrderRecord", OrderEntity.class).getResultList())
                    .extracting(o -> o.accountId).containsOnly(a.id().value());
            assertThat(s.createSelectionQuery("from AuditEvent", AuditEventEntity.class).getResultList())
                    .extracting(e -> e.accountId).containsOnly(a.id().value());
            assertThat(s.createSelectionQuery("from CashFlow", CashFlowEntity.class).getResultList())
                    .extracting(c -> c.reference).containsExactly("opening-acct-a");
            int changed = s.createMutationQuery("update OrderRecord set message = 'forged'").executeUpdate();
            assertThat(changed).as("a bulk update touches only A's order").isEqualTo(1);
            return null;
        });
        assertThat(ledgerB.order(orderB.clientOrderId()).orElseThrow().message()).isEmpty();
    }

    @Test
    void aRowWrittenInAsSessionClaimingToBeBsIsRefused() {
        assertThatThrownBy(() -> db.accountTransaction(a.id(), s -> {
            AuditEventEntity forged = new AuditEventEntity();
            forged.accountId = b.id().value();
            forged.occurredAt = T0;
            forged.kind = AuditKind.DECISION.name();
            forged.summary = "written by A's code claiming to be B";
            forged.detail = "";
            s.persist(forged);
            return null;
        })).hasMessageContaining("tenant id differs");
        assertThat(ledgerB.audit()).noneMatch(e -> e.summary().contains("claiming"));
    }

    @Test
    void findingBsOrderByItsPrimaryKeyInAsSessionFindsNothing() {
        OrderEntity found = db.accountTransaction(a.id(), s -> s.find(OrderEntity.class, orderB.id()));
        assertThat(found).isNull();
    }
}
