package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.paper.PaperBroker;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.Money;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.domain.fork.ForkRules;
import io.alluse.domain.fork.LineageState;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forked account that holds positions when it reaches its merge amount (docs/decisions/0019):
 * closed at the market through the engine's order machinery, then merged, once, with nothing
 * created or lost at the paper brokerage.
 */
class MergeWithPositionsTest {

    static final AccountId PARENT = new AccountId("account-1");
    static final AccountId CHILD = new AccountId("account-1-f1");
    /** Fork early (seed 7: Friday 2031-03-07); the child's Com-Acc buys shares on Monday 2031-03-10. */
    static final Money DEPOSIT = Money.ofDollars(200_000);
    static final ForkRules RULES = ForkRules.defaults().withForkThreshold(Money.ofDollars(1_000)).withCadence(ForkRules.Cadence.DAILY);

    /** Net money put into the paper brokerage from outside: a fork's or merge's withdrawal and deposit cancel out. */
    static Money netExternal(EngineFixture f) {
        Money net = Money.ZERO;
        for (String id : f.paper.accountIds()) {
            for (BrokerActivity a : f.paper.open(id).activities(Optional.empty(), 100_000)) {
                if (a instanceof BrokerActivity.Deposit d) {
                    net = net.plus(d.amount());
                } else if (a instanceof BrokerActivity.Withdrawal w) {
                    net = net.minus(w.amount());
                }
            }
        }
        return net;
    }

    @Test
    void aMergingAccountWithPositionsClosesThemAtTheMarketThenMergesOnce(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            Forking forking = f.enableForking();
            Account parent = ForkingEngineTest.createParent(f);
            forking.store().setRules(PARENT, RULES, f.clock.now());
            f.engine.load();
            f.engine.runUntil(EngineFixture.ny("2031-03-07T16:30"));
            // the user adds money to the fork at its brokerage, so that its sleeves trade (shares, covered calls, puts)
            f.paper.open(f.accounts.get(CHILD).broker().externalAccountId()).deposit(DEPOSIT);
            f.engine.runUntil(EngineFixture.ny("2031-03-12T16:30"));
            List<Position> held = f.ledgers.forAccount(CHILD).state().positions();
            assertThat(held).as("the child trades").isNotEmpty();

            // the child is at its merge amount from now on
            forking.store().setRules(CHILD, forking.store().rules(CHILD).withMergeAt(Money.ofDollars(1)), f.clock.now());
            f.engine.runUntil(EngineFixture.ny("2031-03-14T16:30"));

            assertThat(f.accounts.get(CHILD).status()).isEqualTo(AccountStatus.CLOSED);
            assertThat(forking.store().lineage(CHILD).state()).isEqualTo(LineageState.MERGED);
            List<ForkRecord> merges = forking.store().records(CHILD).stream().filter(r -> r.kind() == ForkRecord.Kind.MERGE).toList();
            assertThat(merges).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(ForkRecord.State.DONE));
            ForkRecord merge = merges.getFirst();

            // every position closed by one filled closing order with the merge's client order id
            List<OrderRecord> closing = f.ledgers.forAccount(CHILD).orders().stream().filter(o -> MergeOrders.CYCLE.equals(o.cycle())).toList();
            assertThat(closing).isNotEmpty().allSatisfy(o -> {
                assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
                assertThat(o.clientOrderId().value()).startsWith(CHILD.value() + ".").contains(".merge.").endsWith("-1");
            });
            PaperBroker childDesk = f.paper.open(f.accounts.get(CHILD).broker().externalAccountId());
            assertThat(childDesk.positions()).isEmpty();
            assertThat(childDesk.account().cash()).isEqualTo(Money.ZERO);
            assertThat(childDesk.activities(Optional.empty(), 10_000)).filteredOn(a -> a instanceof BrokerActivity.Fill).hasSize(
                    (int) f.ledgers.forAccount(CHILD).orders().stream().filter(o -> o.status() == OrderStatus.FILLED).count());

            // the cash after the close moved once, booked once in each ledger
            Money moved = merge.amount();
            assertThat(f.ledgers.forAccount(PARENT).entries()).filteredOn(e -> e.kind() == EntryKind.MERGE_IN).singleElement()
                    .satisfies(e -> assertThat(e.amount()).isEqualTo(moved));
            assertThat(f.ledgers.forAccount(CHILD).entries().stream().filter(e -> e.kind() == EntryKind.MERGE_OUT).map(LedgerEntry::amount)
                    .reduce(Money.ZERO, Money::plus)).isEqualTo(moved.negate());
            assertThat(f.ledgers.forAccount(PARENT).audit()).filteredOn(e -> e.kind() == AuditKind.MERGE).hasSize(2)
                    .anySatisfy(e -> assertThat(e.summary()).contains("closed at the market"));
            assertThat(f.ledgers.forAccount(CHILD).audit()).filteredOn(e -> e.kind() == AuditKind.MERGE).hasSize(2);
            assertThat(f.events).filteredOn(e -> e instanceof EngineEvent.Lineage && e.account().equals(CHILD)).extracting(EngineEvent::message)
                    .anySatisfy(m -> assertThat(m).contains("closed at the market")).anySatisfy(m -> assertThat(m).contains("merged into"));

            // nothing created or lost: the only money from outside is the parent's opening deposit, and both books equal their broker
            assertThat(netExternal(f)).isEqualTo(parent.initialCapital().plus(DEPOSIT));
            EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(PARENT));
            EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(CHILD));
            assertThat(f.ledgers.forAccount(PARENT).cashFlows()).hasSize(1);
        }
    }
}
