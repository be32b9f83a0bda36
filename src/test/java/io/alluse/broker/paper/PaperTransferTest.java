package io.alluse.broker.paper;

import static io.alluse.broker.paper.Orders.id;
import static io.alluse.broker.paper.Orders.sellToOpen;
import static io.alluse.broker.paper.Orders.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerPosition;
import io.alluse.broker.OrderRequest;
import io.alluse.domain.Money;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.PositionEffect;
import io.alluse.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper brokerage's transfer of a whole account into another (docs/decisions/0026): positions with
 * their cost basis and all cash move in one transaction over both accounts, reported in both feeds, once
 * per transfer id; the in-memory core the backtest uses does exactly the same.
 */
class PaperTransferTest {

    static final String CHILD = "PAPER-ACCOUNT-1-F1";
    static final String PARENT = "PAPER-ACCOUNT-1";

    @TempDir
    Path dir;

    final List<Database> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Database::close);
    }

    Database open() {
        Database db = Database.open(dir);
        opened.add(db);
        return db;
    }

    /** The child sells 2 puts and buys 100 shares; the parent holds 1 put of its own and cash. */
    static void trade(PaperBroker child, PaperBroker parent) {
        child.place(sellToOpen("c-put", PaperBrokerageTest.PUT, 2, "2.05"));
        child.place(new OrderRequest(id("c-shares"), Orders.shares("AAPL"), OrderSide.BUY, PositionEffect.OPEN, 100, usd("230")));
        parent.place(sellToOpen("p-put", PaperBrokerageTest.PUT, 1, "2.05"));
    }

    @Test
    void everyPositionWithItsCostBasisAndAllTheCashMoveInOneStepReportedInBothFeeds() {
        FixedMarket market = PaperBrokerageTest.market();
        Database db = open();
        PaperBrokerage brokerage = new PaperBrokerage(db.dataSource(), market);
        PaperBroker child = brokerage.create(CHILD, usd("80000"));
        PaperBroker parent = brokerage.create(PARENT, usd("100000"));
        trade(child, parent);
        List<BrokerPosition> childHeld = child.positions();
        Money childCash = child.account().cash();
        Money parentCash = parent.account().cash();
        Money parentPutsCost = parent.positions().getFirst().costBasis();
        assertThat(childHeld).hasSize(2);

        PaperTransfer t = brokerage.transfer("t-1", CHILD, PARENT);

        assertThat(t.repeated()).isFalse();
        assertThat(child.positions()).isEmpty();
        assertThat(child.account().cash()).isEqualTo(Money.ZERO);
        assertThat(parent.account().cash()).isEqualTo(parentCash.plus(childCash));
        // the child's shares arrive as they were; its 2 puts join the parent's 1, cost bases added
        BrokerPosition shares = childHeld.stream().filter(p -> p.instrument().code().equals("AAPL")).findFirst().orElseThrow();
        BrokerPosition childPuts = childHeld.stream().filter(p -> p.instrument().equals(PaperBrokerageTest.PUT)).findFirst().orElseThrow();
        assertThat(parent.positions()).contains(shares);
        BrokerPosition puts = parent.positions().stream().filter(p -> p.instrument().equals(PaperBrokerageTest.PUT)).findFirst().orElseThrow();
        assertThat(puts.quantity()).isEqualTo(-3);
        assertThat(puts.costBasis()).isEqualTo(childPuts.costBasis().plus(parentPutsCost));

        // both feeds: one transfer per position, then the cash journal, all under the transfer id
        assertThat(t.out()).hasSize(3).allSatisfy(a -> assertThat(a.at()).isEqualTo(t.out().getFirst().at()));
        assertThat(t.out()).filteredOn(a -> a instanceof BrokerActivity.PositionTransfer).extracting(a -> ((BrokerActivity.PositionTransfer) a).quantity())
                .containsExactlyInAnyOrder(-100L, 2L);
        assertThat(t.in()).filteredOn(a -> a instanceof BrokerActivity.PositionTransfer).extracting(a -> ((BrokerActivity.PositionTransfer) a).costBasis())
                .containsExactlyInAnyOrder(shares.costBasis(), childPuts.costBasis());
        assertThat(t.cash()).isEqualTo(childCash);
        assertThat(child.activities(Optional.empty(), 100)).endsWith(t.out().toArray(BrokerActivity[]::new));
        assertThat(parent.activities(Optional.empty(), 100)).endsWith(t.in().toArray(BrokerActivity[]::new));

        // committed: a fresh brokerage over the same database reads the same two accounts
        PaperState childAfter = ((PersistentPaperAccount) child).state();
        PaperState parentAfter = ((PersistentPaperAccount) parent).state();
        PaperBrokerage reread = new PaperBrokerage(db.dataSource(), market);
        assertThat(((PersistentPaperAccount) reread.open(CHILD)).state()).isEqualTo(childAfter);
        assertThat(((PersistentPaperAccount) reread.open(PARENT)).state()).isEqualTo(parentAfter);
    }

    @Test
    void aRetriedTransferMovesNothingAndAnswersAsTheFirstAlsoAfterARestart() {
        FixedMarket market = PaperBrokerageTest.market();
        Database db = open();
        PaperBrokerage brokerage = new PaperBrokerage(db.dataSource(), market);
        trade(brokerage.create(CHILD, usd("80000")), brokerage.create(PARENT, usd("100000")));
        PaperTransfer first = brokerage.transfer("t-1", CHILD, PARENT);
        // the child receives money again: a repeated transfer must not take it
        brokerage.open(CHILD).deposit(usd("10"));
        PaperState child = ((PersistentPaperAccount) brokerage.open(CHILD)).state();
        PaperState parent = ((PersistentPaperAccount) brokerage.open(PARENT)).state();

        PaperTransfer again = brokerage.transfer("t-1", CHILD, PARENT);
        assertThat(again.repeated()).isTrue();
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(again.in()).isEqualTo(first.in());
        assertThat(((PersistentPaperAccount) brokerage.open(CHILD)).state()).isEqualTo(child);
        assertThat(((PersistentPaperAccount) brokerage.open(PARENT)).state()).isEqualTo(parent);

        opened.remove(db);
        db.close();
        PaperBrokerage restarted = new PaperBrokerage(open().dataSource(), market);
        assertThat(restarted.findTransfer("t-1", CHILD, PARENT)).hasValueSatisfying(t -> assertThat(t.in()).isEqualTo(first.in()));
        assertThat(restarted.findTransfer("t-2", CHILD, PARENT)).isEmpty();
        assertThat(restarted.transfer("t-1", CHILD, PARENT).repeated()).isTrue();
        assertThat(restarted.open(CHILD).account().cash()).isEqualTo(usd("10"));
    }

    @Test
    void anAccountWithOpenOrdersIsRefusedAndNothingChanges() {
        FixedMarket market = PaperBrokerageTest.market();
        PaperBrokerage brokerage = new PaperBrokerage(open().dataSource(), market);
        PaperBroker child = brokerage.create(CHILD, usd("80000"));
        brokerage.create(PARENT, usd("100000"));
        child.place(sellToOpen("resting", PaperBrokerageTest.PUT, 1, "5.00"));
        PaperState before = ((PersistentPaperAccount) child).state();

        assertThatThrownBy(() -> brokerage.transfer("t-1", CHILD, PARENT)).isInstanceOf(BrokerException.class)
                .hasMessageContaining("1 open order").extracting(e -> ((BrokerException) e).kind()).isEqualTo(BrokerException.Kind.REJECTED);
        assertThat(((PersistentPaperAccount) child).state()).isEqualTo(before);
        assertThat(brokerage.findTransfer("t-1", CHILD, PARENT)).isEmpty();
    }

    @Test
    void theInMemoryAccountsOfTheBacktestTransferExactlyAsThePersistentOnes() {
        FixedMarket market = PaperBrokerageTest.market();
        PaperBrokerage brokerage = new PaperBrokerage(open().dataSource(), market);
        PaperBroker child = brokerage.create(CHILD, usd("80000"));
        PaperBroker parent = brokerage.create(PARENT, usd("100000"));
        PaperAccount childInMemory = PaperAccount.open(CHILD, market, PaperSettings.DEFAULTS, usd("80000"));
        PaperAccount parentInMemory = PaperAccount.open(PARENT, market, PaperSettings.DEFAULTS, usd("100000"));
        trade(child, parent);
        trade(childInMemory, parentInMemory);

        PaperTransfer persistent = brokerage.transfer("t-1", CHILD, PARENT);
        PaperTransfer inMemory = PaperAccount.transfer("t-1", childInMemory, parentInMemory);

        assertThat(inMemory).isEqualTo(persistent);
        assertThat(childInMemory.state()).isEqualTo(((PersistentPaperAccount) child).state());
        assertThat(parentInMemory.state()).isEqualTo(((PersistentPaperAccount) parent).state());
    }
}
