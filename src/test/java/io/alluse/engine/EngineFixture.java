package io.alluse.engine;

import io.alluse.broker.Broker;
import io.alluse.broker.paper.PaperBrokerage;
import io.alluse.domain.Account;
import io.alluse.domain.AccountDraft;
import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.Money;
import io.alluse.domain.ledger.AuditEvent;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.store.AccountRepository;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The real engine over real parts: an H2 file in a temp folder, the persistent paper brokerage in
 * it, a seeded simulated market, and a simulated clock the engine drives at full speed.
 */
final class EngineFixture implements AutoCloseable {

    /** A Monday well after today, so the paper clock never runs behind the wall clock's date in tests. */
    static final Instant MONDAY_0800 = ny("2031-03-03T08:00");

    final Database database;
    final SimulatedClock clock;
    final SimulatedMarket market;
    final PaperBrokerage paper;
    final LedgerStore ledgers;
    final AccountService accounts;
    final Engine engine;
    final Brokerages brokerages;
    final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    /** Decorators for individual accounts' brokers (fault injection). */
    final Map<AccountId, UnaryOperator<Broker>> brokerWrappers = new ConcurrentHashMap<>();
    /** Accounts treated as at a real broker: no paper desk, so their forks wait for a brokerage account. */
    final java.util.Set<AccountId> realBroker = ConcurrentHashMap.newKeySet();

    EngineFixture(Path dir, long seed, Instant start, EngineSettings settings) {
        database = Database.open(dir);
        clock = new SimulatedClock(start);
        market = SimulatedMarket.withDefaults(clock, seed);
        paper = new PaperBrokerage(database.dataSource(), market);
        PaperBrokerages paperBrokerages = new PaperBrokerages(paper);
        Brokerages brokerages = new Brokerages() {
            @Override
            public BrokerConnection connectionFor(AccountId id) {
                return paperBrokerages.connectionFor(id);
            }

            @Override
            public OpeningBalance open(AccountId id, BrokerConnection connection, Money initialCapital) {
                return paperBrokerages.open(id, connection, initialCapital);
            }

            @Override
            public Broker connect(Account account) {
                return brokerWrappers.getOrDefault(account.id(), b -> b).apply(paperBrokerages.connect(account));
            }

            @Override
            public java.util.Optional<io.alluse.broker.paper.PaperBroker> paperDesk(Account account) {
                return realBroker.contains(account.id()) ? java.util.Optional.empty() : paperBrokerages.paperDesk(account);
            }

            @Override
            public boolean movesPositions(Account from, Account to) {
                return !realBroker.contains(from.id()) && !realBroker.contains(to.id()) && paperBrokerages.movesPositions(from, to);
            }

            @Override
            public io.alluse.broker.paper.PaperTransfer movePositions(String transferId, Account from, Account to) {
                return movesPositions(from, to) ? paperBrokerages.movePositions(transferId, from, to) : Brokerages.super.movePositions(transferId, from, to);
            }

            @Override
            public java.util.Optional<io.alluse.broker.paper.PaperTransfer> findMovedPositions(String transferId, Account from, Account to) {
                return movesPositions(from, to) ? paperBrokerages.findMovedPositions(transferId, from, to) : java.util.Optional.empty();
            }
        };
        this.brokerages = brokerages;
        ledgers = new LedgerStore(database);
        accounts = new AccountService(new AccountRepository(database), market, clock::now,
                symbol -> java.util.Optional.of(Money.roundedFrom(market.spot(symbol))), brokerages);
        engine = new Engine(accounts, ledgers, brokerages, TimeControl.simulated(clock, Double.POSITIVE_INFINITY),
                new CycleSchedule(market.calendar(), Duration.ofMinutes(15)), settings);
        engine.events().subscribe(events::add);
    }

    /** Turns forking and merging on (before {@code engine.load()}, as the app does). */
    Forking enableForking() {
        Forking forking = new Forking(accounts, new io.alluse.store.ForkStore(database), ledgers, brokerages);
        engine.enableForking(forking);
        return forking;
    }

    EngineFixture(Path dir, long seed) {
        this(dir, seed, MONDAY_0800, EngineSettings.DEFAULT);
    }

    static Instant ny(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ExchangeCalendar.NEW_YORK).toInstant();
    }

    /** Creates {@code n} accounts with the defaults and staggered windows, through the same service as the UI. */
    List<Account> createAccounts(int n) {
        for (int i = 0; i < n; i++) {
            accounts.create(accounts.newAccountDraft());
        }
        return accounts.accounts();
    }

    Account create(AccountDraft draft) {
        return accounts.create(draft);
    }

    /** What a person would read of an account: its audit log without database ids. */
    List<String> auditOf(AccountId id) {
        return ledgers.forAccount(id).audit().stream().map(EngineFixture::line).toList();
    }

    static String line(AuditEvent e) {
        return e.at() + " " + e.kind() + " " + e.summary();
    }

    @Override
    public void close() {
        engine.close();
        database.close();
    }
}
