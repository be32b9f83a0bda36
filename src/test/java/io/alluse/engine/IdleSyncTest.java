package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync that finds nothing new at the broker touches no table: no ledger read or write and no
 * paper-broker read or write (docs/decisions/0027). Every statement any connection runs on the
 * database is counted by H2's own query statistics.
 */
class IdleSyncTest {

    @Test
    void aSyncThatFindsNothingNewRunsNoStatement(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 42)) {
            // the broker sees every order at a limit far from the market, so the cycle's orders rest until the close
            f.brokerWrappers.put(new io.alluse.domain.AccountId("account-1"), RestingOrders::new);
            Account account = f.createAccounts(1).getFirst();
            f.engine.load();
            // during the session, after the day's cycle placed its orders; then after the close
            statistics(f, "SET QUERY_STATISTICS_MAX_ENTRIES 100000");
            statistics(f, "SET QUERY_STATISTICS TRUE");
            for (String moment : List.of("2031-03-03T11:00", "2031-03-03T17:30")) {
                f.engine.runUntil(EngineFixture.ny(moment));
                f.engine.syncNow(account.id()).get();
                long resting = f.ledgers.forAccount(account.id()).openOrders().size();
                assertThat(resting).as("orders resting at %s: %s", moment, f.ledgers.forAccount(account.id()).orders()).isEqualTo(moment.endsWith("11:00") ? 2 : 0);
                Map<String, Long> before = executed(f);
                f.engine.syncNow(account.id()).get();
                assertThat(ran(before, executed(f))).as("statements run by a sync at %s that found nothing new", moment).isEmpty();
            }
            // a sync that does find something runs statements, and the count sees them
            f.paper.open(account.broker().externalAccountId()).deposit(io.alluse.domain.Money.ofDollars(1_000));
            Map<String, Long> before = executed(f);
            f.engine.syncNow(account.id()).get();
            assertThat(ran(before, executed(f))).as("statements of a sync that books a deposit").anyMatch(sql -> sql.contains("ledger_entry"));
        }
    }

    /** Sends every order with a limit no fill reaches (a buy at a cent, a sell at a million), so that it rests. */
    private record RestingOrders(io.alluse.broker.Broker broker) implements io.alluse.broker.Broker {
        @Override
        public String accountId() {
            return broker.accountId();
        }

        @Override
        public io.alluse.broker.BrokerAccount account() {
            return broker.account();
        }

        @Override
        public List<io.alluse.broker.BrokerPosition> positions() {
            return broker.positions();
        }

        @Override
        public io.alluse.broker.BrokerOrder place(io.alluse.broker.OrderRequest r) {
            io.alluse.domain.Money far = r.side() == io.alluse.domain.ledger.OrderSide.BUY ? io.alluse.domain.Money.ofCents(1)
                    : io.alluse.domain.Money.ofDollars(1_000_000);
            return broker.place(new io.alluse.broker.OrderRequest(r.clientOrderId(), r.instrument(), r.side(), r.effect(), r.quantity(), far));
        }

        @Override
        public java.util.Optional<io.alluse.broker.BrokerOrder> order(io.alluse.domain.ledger.ClientOrderId id) {
            return broker.order(id);
        }

        @Override
        public List<io.alluse.broker.BrokerOrder> openOrders() {
            return broker.openOrders();
        }

        @Override
        public io.alluse.broker.BrokerOrder cancel(io.alluse.domain.ledger.ClientOrderId id) {
            return broker.cancel(id);
        }

        @Override
        public List<io.alluse.broker.BrokerActivity> activities(java.util.Optional<String> afterId, int limit) {
            return broker.activities(afterId, limit);
        }

        @Override
        public io.alluse.market.MarketView market() {
            return broker.market();
        }
    }

    /** Statements (other than these statistics' own) that ran between two counts. */
    private static List<String> ran(Map<String, Long> before, Map<String, Long> after) {
        List<String> result = new ArrayList<>();
        after.forEach((sql, n) -> {
            if (!sql.contains("QUERY_STATISTICS") && n > before.getOrDefault(sql, 0L)) {
                result.add(sql);
            }
        });
        return result;
    }

    private static void statistics(EngineFixture f, String sql) throws Exception {
        try (Connection c = f.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
            c.commit();
        }
    }

    private static Map<String, Long> executed(EngineFixture f) throws Exception {
        Map<String, Long> result = new HashMap<>();
        try (Connection c = f.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2));
            }
            c.commit();
        }
        return result;
    }
}
