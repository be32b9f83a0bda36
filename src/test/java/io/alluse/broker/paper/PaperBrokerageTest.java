package io.alluse.broker.paper;

import static io.alluse.broker.paper.FixedMarket.ny;
import static io.alluse.broker.paper.Orders.id;
import static io.alluse.broker.paper.Orders.put;
import static io.alluse.broker.paper.Orders.sellToOpen;
import static io.alluse.broker.paper.Orders.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerException.Kind;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.store.Database;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paper accounts in a real H2 file: committed before each call returns, identical after reopening, identical to memory. */
class PaperBrokerageTest {

    static final String ID = "PAPER-ACCOUNT-1";
    static final OptionContract PUT = put("AAPL", "2026-01-16", "220");

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

    void close(Database db) {
        opened.remove(db);
        db.close();
    }

    static FixedMarket market() {
        return new FixedMarket(ny("2026-01-12", "10:00").plusNanos(123_456_789)).spot("AAPL", 225).quote(PUT, "2.00", "2.20");
    }

    /** A few calls of every kind, leaving one order resting. */
    static void trade(PaperBroker broker, FixedMarket market) {
        broker.place(sellToOpen("p-1", PUT, 2, "2.05"));
        broker.place(sellToOpen("p-2", PUT, 1, "2.50"));
        market.clock().advance(java.time.Duration.ofMinutes(7));
        broker.deposit(usd("2500"));
        broker.withdraw(usd("100.01"));
        broker.place(new io.alluse.broker.OrderRequest(id("s-1"), Orders.shares("AAPL"), io.alluse.domain.ledger.OrderSide.BUY,
                io.alluse.domain.ledger.PositionEffect.OPEN, 10, usd("230")));
    }

    @Test
    void anAccountReadsBackIdenticallyAfterTheDatabaseIsClosedAndReopened() {
        FixedMarket market = market();
        Database db = open();
        PersistentPaperAccount broker = (PersistentPaperAccount) new PaperBrokerage(db.dataSource(), market).create(ID, usd("100000"));
        trade(broker, market);
        PaperState before = broker.state();
        var account = broker.account();
        var positions = broker.positions();
        var openOrders = broker.openOrders();
        var feed = broker.activities(Optional.empty(), 100);
        close(db);

        Database again = open();
        PersistentPaperAccount reopened = (PersistentPaperAccount) new PaperBrokerage(again.dataSource(), market).open(ID);
        assertThat(reopened.state()).isEqualTo(before);
        assertThat(reopened.account()).isEqualTo(account);
        assertThat(reopened.positions()).isEqualTo(positions).hasSize(2);
        assertThat(reopened.openOrders()).isEqualTo(openOrders).hasSize(1);
        assertThat(reopened.activities(Optional.empty(), 100)).isEqualTo(feed).hasSize(5);
        assertThat(reopened.settings()).isEqualTo(PaperSettings.DEFAULTS);
        assertThat(before.lastChangeAt().getNano() % 1000).as("nanoseconds survive").isNotZero();

        // and it carries on as the account that was never closed would
        PaperAccount inMemory = PaperAccount.restore(before, market);
        market.at("2026-01-12", "11:00").quote(PUT, "2.60", "2.80");
        assertThat(reopened.order(id("p-2"))).isEqualTo(inMemory.order(id("p-2")));
        assertThat(reopened.order(id("p-2")).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(reopened.state()).isEqualTo(inMemory.state());
    }

    @Test
    void everyChangeIsCommittedBeforeTheCallReturns() throws SQLException {
        FixedMarket market = market();
        Database db = open();
        PaperBroker broker = new PaperBrokerage(db.dataSource(), market).create(ID, usd("100000"));
        broker.place(sellToOpen("p-1", PUT, 2, "2.05"));

        // another connection sees only committed rows
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(query(c, "SELECT status FROM paper_order WHERE account_id = ? AND client_order_id = 'p-1'")).isEqualTo("FILLED");
            assertThat(query(c, "SELECT COUNT(*) FROM paper_activity WHERE account_id = ?")).isEqualTo("2");
            assertThat(query(c, "SELECT cash_cents FROM paper_account WHERE account_id = ?")).isEqualTo("10041670");
            assertThat(query(c, "SELECT quantity || ' ' || cost_cents FROM paper_position WHERE account_id = ?")).isEqualTo("-2 -41670");
            c.rollback();
        }
    }

    @Test
    void readsThatChangeNothingWriteNothing() throws SQLException {
        FixedMarket market = market();
        Database db = open();
        PaperBroker broker = new PaperBrokerage(db.dataSource(), market).create(ID, usd("100000"));
        broker.place(sellToOpen("p-1", PUT, 1, "2.05"));
        String before;
        try (Connection c = db.dataSource().getConnection()) {
            before = query(c, "SELECT last_change_at FROM paper_account WHERE account_id = ?");
            c.rollback();
        }
        market.at("2026-01-13", "11:00");
        broker.account();
        broker.positions();
        broker.activities(Optional.empty(), 10);
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(query(c, "SELECT last_change_at FROM paper_account WHERE account_id = ?")).isEqualTo(before);
            c.rollback();
        }
    }

    @Test
    void thePersistentAccountProducesExactlyWhatTheInMemoryOneDoesAcrossAReopen() {
        WheelScript memoryRun = new WheelScript(11);
        PaperAccount memory = memoryRun.newAccount();
        memoryRun.run(() -> memory, true, () -> { });

        WheelScript storedRun = new WheelScript(11);
        Database[] db = {open()};
        PaperBroker[] stored = {new PaperBrokerage(db[0].dataSource(), storedRun.market).create("PAPER-WHEEL", WheelScript.INITIAL)};
        storedRun.run(() -> stored[0], true, () -> {
            close(db[0]);
            db[0] = open();
            stored[0] = new PaperBrokerage(db[0].dataSource(), storedRun.market).open("PAPER-WHEEL");
        });

        assertThat(stored[0].activities(Optional.empty(), 1000)).isEqualTo(memory.activities(Optional.empty(), 1000));
        assertThat(((PersistentPaperAccount) stored[0]).state()).isEqualTo(memory.state());
        close(db[0]);
        Database last = open();
        assertThat(((PersistentPaperAccount) new PaperBrokerage(last.dataSource(), storedRun.market).open("PAPER-WHEEL")).state())
                .isEqualTo(memory.state());
    }

    @Test
    void theDirectoryOpensCreatesAndRefuses() {
        FixedMarket market = market();
        Database db = open();
        PaperBrokerage brokerage = new PaperBrokerage(db.dataSource(), market);
        PaperBroker one = brokerage.create(ID, usd("500000"));
        brokerage.create("PAPER-ACCOUNT-2", Money.ZERO, PaperSettings.DEFAULTS.withSlippage(usd("0.02")));

        assertThat(brokerage.open(ID)).isSameAs(one);
        assertThat(brokerage.openOrCreate(ID, usd("1"))).isSameAs(one);
        assertThat(one.activities(Optional.empty(), 10)).singleElement()
                .isEqualTo(new BrokerActivity.Deposit("000000000001", market.now(), usd("500000")));
        assertThat(brokerage.accountIds()).containsExactly(ID, "PAPER-ACCOUNT-2");
        assertThat(brokerage.open("PAPER-ACCOUNT-2").activities(Optional.empty(), 10)).isEmpty();
        assertThat(brokerage.exists("PAPER-ACCOUNT-3")).isFalse();

        BrokerException duplicate = PaperAccountTest.rejection(() -> brokerage.create(ID, usd("1")));
        assertThat(duplicate.kind()).isEqualTo(Kind.REJECTED);
        assertThat(duplicate.getMessage()).isEqualTo("Paper account PAPER-ACCOUNT-1 already exists; open it instead of creating it.");
        BrokerException unknown = PaperAccountTest.rejection(() -> brokerage.open("PAPER-ACCOUNT-9"));
        assertThat(unknown.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(unknown.getMessage()).isEqualTo("There is no paper account PAPER-ACCOUNT-9; the paper brokerage has PAPER-ACCOUNT-1,"
                + " PAPER-ACCOUNT-2.");
        assertThatThrownBy(() -> brokerage.create("no spaces allowed", usd("1"))).hasMessageContaining("is not a paper account id");
        assertThatThrownBy(() -> brokerage.create("PAPER-ACCOUNT-3", usd("-1"))).hasMessageContaining("initial deposit");
        assertThat(brokerage.accountIds()).hasSize(2);

        close(db);
        Database again = open();
        PaperBrokerage reopened = new PaperBrokerage(again.dataSource(), market);
        assertThat(reopened.open("PAPER-ACCOUNT-2").settings().slippage()).isEqualTo(usd("0.02"));
    }

    @Test
    void whenACommitFailsTheCallFailsRetryablyAndTheAccountIsAsLastCommitted() {
        for (int failures : new int[] {1, 2}) {
            FixedMarket market = market();
            Database db = open();
            FlakyDataSource flaky = new FlakyDataSource(db.dataSource());
            PersistentPaperAccount broker = (PersistentPaperAccount) new PaperBrokerage(flaky.proxy, market).create("PAPER-" + failures,
                    usd("100000"));
            PaperState before = broker.state();

            flaky.failNext(failures);
            BrokerException e = PaperAccountTest.rejection(() -> broker.place(sellToOpen("p-1", PUT, 2, "2.05")));
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("could not save").contains("disk full");

            assertThat(broker.state()).as("nothing of the failed call is left in memory").isEqualTo(before);
            assertThat(broker.order(id("p-1"))).isEmpty();
            assertThat(broker.place(sellToOpen("p-1", PUT, 2, "2.05")).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(broker.activities(Optional.empty(), 10)).hasSize(2);
            close(db);
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, ID);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** A data source whose next few connections fail, as a full disk or a lost file would. */
    static final class FlakyDataSource {
        private final AtomicInteger failures = new AtomicInteger();
        private final DataSource proxy;

        FlakyDataSource(DataSource real) {
            proxy = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                    (self, method, args) -> {
                        if (method.getName().equals("getConnection") && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            throw new SQLException("disk full (injected)");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException ex) {
                            throw ex.getCause();
                        }
                    });
        }

        void failNext(int n) {
            failures.set(n);
        }
    }
}
