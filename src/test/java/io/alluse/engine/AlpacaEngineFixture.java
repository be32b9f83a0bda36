package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerPosition;
import io.alluse.broker.alpaca.AlpacaMode;
import io.alluse.broker.alpaca.AlpacaSimulator;
import io.alluse.broker.paper.PaperBroker;
import io.alluse.broker.paper.PaperBrokerage;
import io.alluse.domain.Account;
import io.alluse.domain.Money;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.Position;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.secrets.KdfParameters;
import io.alluse.secrets.Secret;
import io.alluse.secrets.SecretVault;
import io.alluse.store.AccountRepository;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The real engine with Alpaca accounts at an {@link AlpacaSimulator}: an H2 file, the credential
 * vault, Alpaca's market data read over HTTP, and a simulated clock that the engine drives and the
 * simulator follows. The simulator outlives the fixture, as Alpaca outlives the app.
 */
final class AlpacaEngineFixture implements AutoCloseable {

    static final char[] PASSPHRASE = "alpaca engine test".toCharArray();

    final Database database;
    final SimulatedClock clock;
    final SimulatedMarket market;
    final LedgerStore ledgers;
    final AccountService accounts;
    final Engine engine;

    /** In this JVM: the simulator follows the engine's clock directly. */
    AlpacaEngineFixture(Path dir, long seed, Instant start, AlpacaSimulator alpaca) {
        this(dir, seed, start, alpaca.base());
        alpaca.advanceTo(start);
        // Alpaca's time is the engine's: moved on before any work happens at it
        engine.onStep(alpaca::advanceTo);
    }

    /** Against a simulator at {@code alpacaBase} (in another JVM); the caller moves its clock. */
    AlpacaEngineFixture(Path dir, long seed, Instant start, java.net.URI alpacaBase) {
        database = Database.open(dir);
        clock = new SimulatedClock(start);
        market = SimulatedMarket.withDefaults(clock, seed);
        SecretVault vault = SecretVault.at(dir.resolve("credentials.vault"), new KdfParameters(1024, 1, 1));
        vault.unlock(PASSPHRASE);
        AllBrokerages brokerages = new AllBrokerages(new PaperBrokerages(new PaperBrokerage(database.dataSource(), market)),
                new AlpacaBrokerages(vault, market, mode -> alpacaBase, alpacaBase));
        ledgers = new LedgerStore(database);
        accounts = new AccountService(new AccountRepository(database), market, clock::now,
                symbol -> Optional.of(Money.roundedFrom(market.spot(symbol))), brokerages);
        engine = new Engine(accounts, ledgers, brokerages, TimeControl.simulated(clock, Double.POSITIVE_INFINITY),
                new CycleSchedule(market.calendar(), Duration.ofMinutes(15)), EngineSettings.DEFAULT);
    }

    static String keyId(int n) {
        return "PKSIM" + String.format("%05d", n) + "TESTKEY";
    }

    /** Opens Alpaca account {@code n} at the simulator with $500,000 and creates our account on it through the wizard's path. */
    Account createAlpacaAccount(AlpacaSimulator alpaca, int n) {
        alpaca.openAccount(keyId(n), accountNumber(n), Money.ofDollars(500_000));
        return createAccount(n);
    }

    static String accountNumber(int n) {
        return "PA3SIM" + String.format("%06d", n);
    }

    /** Our account {@code n} on the Alpaca account the simulator already has for {@code keyId(n)}. */
    Account createAccount(int n) {
        BrokerSetup.Alpaca setup = new BrokerSetup.Alpaca(AlpacaMode.PAPER, Secret.of(keyId(n)), Secret.of("sim-secret-" + n), false);
        return accounts.create(accounts.newAccountDraft(), setup);
    }

    @Override
    public void close() {
        engine.close();
        database.close();
    }

    /**
     * The books equal the Alpaca account: cash to the cent, every position's quantity; every activity
     * of the feed booked once; no client order id posted twice.
     */
    static void assertBooksMatchAlpaca(LedgerStore ledgers, Account a, AlpacaSimulator alpaca, int n) {
        PaperBroker broker = alpaca.account(keyId(n));
        var ledger = ledgers.forAccount(a.id());
        LedgerState books = ledger.state();
        assertThat(books.totalCash()).as("cash of %s", a.id()).isEqualTo(broker.account().cash());
        Map<String, Long> ours = books.positions().stream().collect(Collectors.groupingBy(p -> p.instrument().code(), TreeMap::new,
                Collectors.summingLong(Position::quantity)));
        ours.values().removeIf(q -> q == 0);
        Map<String, Long> theirs = broker.positions().stream().collect(Collectors.toMap(p -> p.instrument().code(), BrokerPosition::quantity,
                Long::sum, TreeMap::new));
        assertThat(ours).as("positions of %s", a.id()).isEqualTo(theirs);

        Set<String> booked = new HashSet<>();
        for (LedgerEntry e : ledger.entries()) {
            booked.add(e.reference());
        }
        List<BrokerActivity> feed = broker.activities(Optional.empty(), Integer.MAX_VALUE);
        // the opening deposit is booked as the opening cash flow, under the cursor it started from
        for (BrokerActivity activity : feed.subList(1, feed.size())) {
            if (activity instanceof BrokerActivity.Deposit || activity instanceof BrokerActivity.Withdrawal) {
                continue; // cash flows are checked through the cash above
            }
            assertThat(booked).as("%s activity %s (%s) booked", a.id(), activity.id(), activity.getClass().getSimpleName()).contains(activity.id());
        }
        Map<String, OrderRecord> orders = ledger.orders().stream().collect(Collectors.toMap(o -> o.clientOrderId().value(), o -> o));
        for (BrokerActivity activity : feed) {
            if (activity instanceof BrokerActivity.Fill f) {
                assertThat(orders).as("fill %s of an order we stored first", f.id()).containsKey(f.clientOrderId().value());
            }
        }
    }

    /** Every order POST carried a client order id never posted before. */
    static void assertNothingPostedTwice(AlpacaSimulator alpaca) {
        assertThat(alpaca.postsPerClientOrderId()).as("order POSTs per client order id").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(alpaca.duplicatesRefused()).isZero();
    }
}
