package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.Broker;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.paper.PaperBroker;
import io.alluse.domain.Account;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.BookedCashFlow;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.store.AccountLedger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Money the owner moves at the broker is noticed, booked once as an external flow, and re-splits the sleeves. */
class DepositDetectionTest {

    @Test
    void aPaperDepositIsDetectedBookedOnceAndReSplitsTheSleeves(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 3)) {
            Account a = f.createAccounts(1).getFirst();
            f.engine.load();
            f.engine.runUntil(EngineFixture.ny("2031-03-03T11:00"));
            PaperBroker desk = f.paper.open(a.broker().externalAccountId());
            desk.deposit(Money.ofDollars(100_000));

            f.engine.syncNow(a.id()).get();
            // right after the sync that booked it, the sleeves hold their 40/30/30 targets of the new capital
            Account after = f.accounts.get(a.id());
            Money total = after.totalCapital();
            assertThat(Math.abs(after.capital().of(SleeveKind.GEN).cents() - total.cents() * 40 / 100)).isLessThanOrEqualTo(1L);
            assertThat(Math.abs(after.capital().of(SleeveKind.REV).cents() - total.cents() * 30 / 100)).isLessThanOrEqualTo(1L);
            f.engine.syncNow(a.id()).get();
            f.engine.runUntil(EngineFixture.ny("2031-03-03T12:00"));

            AccountLedger ledger = f.ledgers.forAccount(a.id());
            List<BookedCashFlow> flows = ledger.cashFlows();
            assertThat(flows).hasSize(2);
            BookedCashFlow deposit = flows.get(1);
            assertThat(deposit.flow().amount()).isEqualTo(Money.ofDollars(100_000));
            assertThat(deposit.capitalAfter().minus(deposit.capitalBefore())).isEqualTo(Money.ofDollars(100_000));
            // booked as external money: the flow's lines add up to the deposit, the re-split moves nothing in total
            List<LedgerEntry> lines = ledger.entries().stream().filter(e -> e.reference().equals(deposit.flow().reference())).toList();
            assertThat(lines.stream().filter(e -> e.kind() == EntryKind.DEPOSIT).map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus))
                    .isEqualTo(Money.ofDollars(100_000));
            assertThat(lines.stream().filter(e -> e.kind() == EntryKind.SLEEVE_TRANSFER).map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus))
                    .isEqualTo(Money.ZERO);
            // told once
            assertThat(f.events).filteredOn(e -> e instanceof EngineEvent.CashFlowDetected).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("Deposit of $100,000.00").contains("re-split to 40/30/30"));
            EngineSimulationTest.assertLedgerMatchesBroker(f, a);

            desk.withdraw(Money.ofDollars(30_000));
            f.engine.syncNow(a.id()).get();
            assertThat(ledger.cashFlows()).hasSize(3).last().satisfies(w -> {
                assertThat(w.flow().kind()).isEqualTo(io.alluse.domain.CashFlow.Kind.WITHDRAWAL);
                assertThat(w.capitalBefore().minus(w.capitalAfter())).isEqualTo(Money.ofDollars(30_000));
            });
            EngineSimulationTest.assertLedgerMatchesBroker(f, a);
        }
    }

    @Test
    void withoutACashActivityAnUnexplainedBalanceChangeIsBookedOnce(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 3)) {
            // a broker whose feed has no deposits: only the balance tells (wrapped before the account exists)
            f.brokerWrappers.put(new io.alluse.domain.AccountId("account-1"), b -> new ForwardingBroker(b) {
                @Override
                public List<BrokerActivity> activities(Optional<String> afterId, int limit) {
                    return super.activities(afterId, limit).stream().filter(x -> !(x instanceof BrokerActivity.Deposit)).toList();
                }
            });
            Account a = f.createAccounts(1).getFirst();
            f.engine.load();
            f.engine.runUntil(EngineFixture.ny("2031-03-03T09:40"));
            f.paper.open(a.broker().externalAccountId()).deposit(Money.ofDollars(25_000));
            f.engine.syncNow(a.id()).get();
            f.engine.syncNow(a.id()).get();
            List<BookedCashFlow> flows = f.ledgers.forAccount(a.id()).cashFlows();
            assertThat(flows).hasSize(2);
            assertThat(flows.get(1).flow().amount()).isEqualTo(Money.ofDollars(25_000));
            assertThat(flows.get(1).flow().reference()).startsWith("balance-");
            EngineSimulationTest.assertLedgerMatchesBroker(f, a);
        }
    }

    /** Passes every call through; tests override what they change. */
    static class ForwardingBroker implements Broker {
        private final Broker b;

        ForwardingBroker(Broker b) {
            this.b = b;
        }

        @Override public String accountId() { return b.accountId(); }
        @Override public io.alluse.broker.BrokerAccount account() { return b.account(); }
        @Override public List<io.alluse.broker.BrokerPosition> positions() { return b.positions(); }
        @Override public io.alluse.broker.BrokerOrder place(io.alluse.broker.OrderRequest r) { return b.place(r); }
        @Override public Optional<io.alluse.broker.BrokerOrder> order(io.alluse.domain.ledger.ClientOrderId id) { return b.order(id); }
        @Override public List<io.alluse.broker.BrokerOrder> openOrders() { return b.openOrders(); }
        @Override public io.alluse.broker.BrokerOrder cancel(io.alluse.domain.ledger.ClientOrderId id) { return b.cancel(id); }
        @Override public List<BrokerActivity> activities(Optional<String> afterId, int limit) { return b.activities(afterId, limit); }
        @Override public io.alluse.market.MarketView market() { return b.market(); }
    }
}
