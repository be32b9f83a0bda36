package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.BrokerPosition;
import io.alluse.broker.paper.PaperBroker;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.Position;
import io.alluse.domain.run.CycleRun;
import io.alluse.domain.run.CycleStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole multi-account runs of the real engine on the paper broker, from a seed. */
class EngineSimulationTest {

    /** Everything a run leaves behind, per account, free of database ids. */
    record Outcome(Map<AccountId, List<String>> audit, Map<AccountId, List<String>> entries, Map<AccountId, List<String>> cycles) {
        long fills() {
            return audit.values().stream().flatMap(List::stream).filter(l -> l.contains(" FILL ")).count();
        }
    }

    private static Outcome run(Path dir, long seed, int accounts, int days) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, seed)) {
            f.createAccounts(accounts);
            f.engine.load();
            f.engine.runUntil(EngineFixture.MONDAY_0800.plus(Duration.ofDays(days)));
            Map<AccountId, List<String>> audit = new TreeMap<>();
            Map<AccountId, List<String>> entries = new TreeMap<>();
            Map<AccountId, List<String>> cycles = new TreeMap<>();
            for (Account a : f.accounts.accounts()) {
                audit.put(a.id(), f.auditOf(a.id()));
                entries.put(a.id(), f.ledgers.forAccount(a.id()).entries().stream()
                        .map(e -> e.at() + " " + e.sleeve() + " " + e.kind() + " " + e.instrument() + " " + e.quantity() + " " + e.amount())
                        .toList());
                cycles.put(a.id(), f.ledgers.forAccount(a.id()).cyclesSince(EngineFixture.MONDAY_0800.atZone(java.time.ZoneOffset.UTC).toLocalDate())
                        .stream().map(c -> c.tradingDay() + " " + c.status() + " " + c.summary()).toList());
                assertLedgerMatchesBroker(f, a);
            }
            return new Outcome(audit, entries, cycles);
        }
    }

    /** The books must equal the brokerage account: cash to the cent, every position's quantity. */
    static void assertLedgerMatchesBroker(EngineFixture f, Account a) {
        PaperBroker broker = f.paper.open(a.broker().externalAccountId());
        LedgerState books = f.ledgers.forAccount(a.id()).state();
        assertThat(books.totalCash()).as("cash of %s", a.id()).isEqualTo(broker.account().cash());
        Map<String, Long> ours = books.positions().stream().collect(Collectors.groupingBy(p -> p.instrument().code(), TreeMap::new,
                Collectors.summingLong(Position::quantity)));
        ours.values().removeIf(q -> q == 0);
        Map<String, Long> theirs = broker.positions().stream().collect(Collectors.toMap(p -> p.instrument().code(), BrokerPosition::quantity,
                Long::sum, TreeMap::new));
        assertThat(ours).as("positions of %s", a.id()).isEqualTo(theirs);
    }

    @Test
    void aSeedReproducesTheWholeRunOfSeveralAccounts(@TempDir Path one, @TempDir Path two, @TempDir Path other) throws Exception {
        Outcome first = run(one, 42, 3, 14);
        Outcome second = run(two, 42, 3, 14);
        assertThat(first.fills()).as("the run traded").isGreaterThan(5);
        assertThat(second.audit()).isEqualTo(first.audit());
        assertThat(second.entries()).isEqualTo(first.entries());
        assertThat(second.cycles()).isEqualTo(first.cycles());
        // and the seed matters: another market, another run
        assertThat(run(other, 43, 3, 14).entries()).isNotEqualTo(first.entries());
    }

    @Test
    void everyTradingDayHasExactlyOneCycleAndEveryCloseASnapshot(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 7)) {
            f.createAccounts(2);
            f.engine.load();
            f.engine.runUntil(EngineFixture.MONDAY_0800.plus(Duration.ofDays(7)));
            for (Account a : f.accounts.accounts()) {
                List<CycleRun> cycles = f.ledgers.forAccount(a.id()).cyclesSince(java.time.LocalDate.of(2031, 3, 3));
                assertThat(cycles).extracting(CycleRun::tradingDay).containsExactly(
                        java.time.LocalDate.of(2031, 3, 3), java.time.LocalDate.of(2031, 3, 4), java.time.LocalDate.of(2031, 3, 5),
                        java.time.LocalDate.of(2031, 3, 6), java.time.LocalDate.of(2031, 3, 7));
                assertThat(cycles).allSatisfy(c -> assertThat(c.status()).isEqualTo(CycleStatus.DONE));
                // each cycle started inside the account's window
                for (CycleRun c : cycles) {
                    var w = new CycleSchedule(f.market.calendar(), Duration.ofMinutes(15)).windowOn(c.tradingDay(), a.config().window()).orElseThrow();
                    assertThat(w.contains(c.startedAt())).as("cycle %s started at %s, window %s", c.tradingDay(), c.startedAt(), w).isTrue();
                }
                var snapshots = f.ledgers.forAccount(a.id()).snapshots();
                assertThat(snapshots).hasSize(5 * 3);
                // the first day's snapshot: what the account had, marked at the close, adds up
                Money firstDay = snapshots.subList(0, 3).stream().map(s -> s.equity()).reduce(Money.ZERO, Money::plus);
                assertThat(firstDay.toDouble()).isBetween(490_000.0, 510_000.0);
                assertLedgerMatchesBroker(f, a);
            }
        }
    }

    @Test
    void theLedgerBooksEveryFillOnceUnderItsActivityId(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 11)) {
            f.createAccounts(2);
            f.engine.load();
            f.engine.runUntil(EngineFixture.MONDAY_0800.plus(Duration.ofDays(14)));
            for (Account a : f.accounts.accounts()) {
                PaperBroker broker = f.paper.open(a.broker().externalAccountId());
                List<String> brokerFills = broker.activities(java.util.Optional.empty(), 10_000).stream()
                        .filter(x -> x instanceof io.alluse.broker.BrokerActivity.Fill).map(x -> x.id()).toList();
                Map<String, Long> booked = f.ledgers.forAccount(a.id()).entries().stream()
                        .filter(e -> e.kind() != io.alluse.domain.ledger.EntryKind.COMMISSION)
                        .collect(Collectors.groupingBy(LedgerEntry::reference, LinkedHashMap::new, Collectors.counting()));
                assertThat(brokerFills).isNotEmpty();
                for (String fill : brokerFills) {
                    assertThat(booked.get(fill)).as("fill %s of %s booked once", fill, a.id()).isEqualTo(1L);
                }
            }
        }
    }
}
