package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync that finds nothing new at the broker touches no table: no ledger read or write and no
 * paper-broker read or write (docs/decisions/0027). The ledger and the paper broker take every
 * connection from one pool, whose acquisitions are counted.
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
            AtomicLong connections = countConnections(f);
            for (String moment : List.of("2031-03-03T11:00", "2031-03-03T17:30")) {
                f.engine.runUntil(EngineFixture.ny(moment));
                f.engine.syncNow(account.id()).get();
                long resting = f.ledgers.forAccount(account.id()).openOrders().size();
                assertThat(resting).as("orders resting at %s", moment).isEqualTo(moment.endsWith("11:00") ? 2 : 0);
                long before = connections.get();
                f.engine.syncNow(account.id()).get();
                assertThat(connections.get() - before).as("database connections taken by a sync at %s that found nothing new", moment).isZero();
            }
            // a sync that does find something takes connections, and the count sees them
            f.paper.open(account.broker().externalAccountId()).deposit(io.alluse.domain.Money.ofDollars(1_000));
            long before = connections.get();
            f.engine.syncNow(account.id()).get();
            assertThat(connections.get() - before).as("connections taken by a sync that books a deposit").isPositive();
        }
    }

    /**
     * Counts every connection taken from the one pool that the ledger (Hibernate and JDBC) and the paper
     * broker's own store share: no connection, no statement on any table.
     */
    private static AtomicLong countConnections(EngineFixture f) {
        AtomicLong taken = new AtomicLong();
        ((com.zaxxer.hikari.HikariDataSource) f.database.dataSource()).setMetricsTrackerFactory((pool, stats) -> new com.zaxxer.hikari.metrics.IMetricsTracker() {
            @Override
            public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
                taken.incrementAndGet();
            }
        });
        return taken;
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
}
