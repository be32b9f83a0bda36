package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.paper.PaperBroker;
import io.alluse.broker.paper.PaperBrokerage;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.Money;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.domain.fork.LineageState;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.Position;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.store.AccountRepository;
import io.alluse.store.Database;
import io.alluse.store.ForkStore;
import io.alluse.store.LedgerStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forks and merges survive SIGKILL (issue 9: "a fork never happens twice for the same surplus,
 * tested by killing the process in the middle of one"). A child JVM ({@link ForkCrashChild}) runs
 * the engine with forks and merges made frequent; it is killed once at every step of a fork and a
 * merge (it stops there and waits for the kill), then at random moments, and finally runs to the end.
 * Afterwards every fork and merge happened exactly once, every transfer at the paper brokerage is
 * paired with its booking, and every account's ledger equals its paper account.
 */
class ForkCrashTest {

    private static final Instant END = EngineFixture.ny("2031-03-14T16:30");
    private static final int PARENTS = 2;
    private static final int RANDOM_KILLS = 3;

    @TempDir
    Path dir;

    @Test
    void killedInTheMiddleOfForksAndMergesEachHappensExactlyOnceAndNothingIsCreatedOrLost() throws Exception {
        Path data = dir.resolve("data");
        ForkCrashChild.setUp(data, PARENTS);
        Set<Forking.Step> killedAt = EnumSet.noneOf(Forking.Step.class);
        int run = 0;
        // the child process merges with CLOSE_AT_MARKET; a merge by transfer is killed at its steps in MergeByTransferTest
        Set<Forking.Step> steps = EnumSet.complementOf(EnumSet.copyOf(Forking.Step.TRANSFER));
        for (Forking.Step step : steps) {
            Outcome o = runChild(data, run++, Optional.of(step), 240_000);
            if (o == Outcome.STOPPED_AT_STEP) {
                killedAt.add(step);
            }
        }
        Random random = new Random(20_311_403L);
        int killed = 0;
        for (int i = 0; i < RANDOM_KILLS; i++) {
            if (runChild(data, run++, Optional.empty(), 2_500 + random.nextInt(4_000)) == Outcome.KILLED) {
                killed++;
            }
        }
        assertThat(runChild(data, run, Optional.empty(), 600_000)).as(log(run)).isEqualTo(Outcome.FINISHED);
        // every step of a fork and of a merge was killed at least once (a merge with positions has them all)
        assertThat(killedAt).isEqualTo(steps);
        assertThat(killed).as("random kills that hit a running engine").isPositive();
        verify(data);
    }

    private enum Outcome { STOPPED_AT_STEP, KILLED, FINISHED }

    private String log(int run) throws java.io.IOException {
        return Files.readString(logFile(run));
    }

    private Path logFile(int run) {
        return dir.resolve("child-" + run + ".txt");
    }

    /** Runs the child until it stops at {@code step}, ends by itself, or {@code millis} pass; a child still running is killed (SIGKILL). */
    private Outcome runChild(Path data, int run, Optional<Forking.Step> step, long millis) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + Path.of(ForkCrashTest.class.getResource("/logback.xml").toURI()), "-Dalluse.console.level=ERROR",
                "-cp", System.getProperty("java.class.path"), ForkCrashChild.class.getName(), data.toString(), END.toString(),
                step.map(Enum::name).orElse("-")));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile(run).toFile()).start();
        long deadline = System.nanoTime() + millis * 1_000_000;
        Outcome outcome = Outcome.KILLED;
        while (System.nanoTime() < deadline) {
            if (child.waitFor(25, TimeUnit.MILLISECONDS)) {
                assertThat(child.exitValue()).as("run %d: %s", run, log(run)).isZero();
                return Outcome.FINISHED;
            }
            if (step.isPresent() && Files.readString(logFile(run)).contains("AT " + step.get())) {
                outcome = Outcome.STOPPED_AT_STEP;
                break;
            }
        }
        child.destroyForcibly(); // SIGKILL on Linux and macOS
        child.waitFor(30, TimeUnit.SECONDS);
        return outcome;
    }

    private static long byParentCount(List<ForkRecord> forks) {
        return forks.stream().map(ForkRecord::parent).distinct().count();
    }

    private static void verify(Path data) {
        try (Database db = Database.open(data)) {
            ForkStore forks = new ForkStore(db);
            LedgerStore ledgers = new LedgerStore(db);
            List<Account> accounts = new AccountRepository(db).findAll();
            SimulatedClock clock = new SimulatedClock(END);
            PaperBrokerage paper = new PaperBrokerage(db.dataSource(), SimulatedMarket.withDefaults(clock, ForkCrashChild.SEED));
            Map<AccountId, Account> byId = accounts.stream().collect(Collectors.toMap(Account::id, a -> a));

            List<ForkRecord> records = accounts.stream().flatMap(a -> forks.records(a.id()).stream()).distinct().toList();
            List<ForkRecord> forkRecords = records.stream().filter(r -> r.kind() == ForkRecord.Kind.FORK).toList();
            List<ForkRecord> mergeRecords = records.stream().filter(r -> r.kind() == ForkRecord.Kind.MERGE).toList();
            // How many forks and merges a run reaches depends on where the kills fell (a killed window is
            // missed, so the accounts grow differently): every parent forks, and the steps killed above
            // (all of a fork's and of a merge's) show both were interrupted; the checks below are the point.
            assertThat(forkRecords).as("forks").hasSizeGreaterThanOrEqualTo(PARENTS);
            assertThat(byParentCount(forkRecords)).as("parents that forked").isEqualTo(PARENTS);
            assertThat(mergeRecords).as("merges").isNotEmpty();
            assertThat(records).allSatisfy(r -> assertThat(r.state()).as("%s", r).isIn(ForkRecord.State.DONE));

            // each surplus forked once: per parent the epochs are 1..n, one child each, one FORK_OUT each under its own withdrawal
            Map<AccountId, List<ForkRecord>> byParent = forkRecords.stream().collect(Collectors.groupingBy(ForkRecord::parent));
            Set<String> transferIds = new HashSet<>();
            for (Map.Entry<AccountId, List<ForkRecord>> e : byParent.entrySet()) {
                List<Integer> epochs = e.getValue().stream().map(ForkRecord::epoch).sorted().toList();
                assertThat(epochs).isEqualTo(java.util.stream.IntStream.rangeClosed(1, epochs.size()).boxed().toList());
                List<LedgerEntry> out = ledgers.forAccount(e.getKey()).entries().stream().filter(x -> x.kind() == EntryKind.FORK_OUT).toList();
                assertThat(out).hasSameSizeAs(e.getValue());
                assertThat(out.stream().map(LedgerEntry::amount).map(Money::negate).sorted().toList())
                        .isEqualTo(e.getValue().stream().map(ForkRecord::amount).sorted().toList());
                out.forEach(x -> assertThat(transferIds.add(byId.get(e.getKey()).broker().externalAccountId() + "/" + x.reference())).isTrue());
            }
            for (ForkRecord r : forkRecords) {
                Account child = byId.get(r.child());
                assertThat(child).as("child of %s", r).isNotNull();
                assertThat(child.initialCapital()).isEqualTo(r.amount());
                BrokerActivity opening = paper.open(child.broker().externalAccountId()).activities(Optional.empty(), 1).getFirst();
                assertThat(opening).isInstanceOfSatisfying(BrokerActivity.Deposit.class, d -> assertThat(d.amount()).isEqualTo(r.amount()));
            }

            // each merge once: one per merged child, MERGE_OUT and MERGE_IN of its amount under the broker's withdrawal and deposit
            assertThat(mergeRecords.stream().map(ForkRecord::child)).doesNotHaveDuplicates();
            boolean mergedWithPositions = false;
            boolean mergedCashOnly = false;
            for (ForkRecord r : mergeRecords) {
                Account child = byId.get(r.child());
                assertThat(child.status()).isEqualTo(AccountStatus.CLOSED);
                assertThat(forks.lineage(r.child()).state()).isEqualTo(LineageState.MERGED);
                List<LedgerEntry> out = ledgers.forAccount(r.child()).entries().stream().filter(x -> x.kind() == EntryKind.MERGE_OUT).toList();
                assertThat(out.stream().map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(r.amount().negate());
                assertThat(out.stream().map(LedgerEntry::reference).distinct()).hasSize(1);
                transferIds.add(child.broker().externalAccountId() + "/" + out.getFirst().reference());
                List<LedgerEntry> in = ledgers.forAccount(r.parent()).entries().stream().filter(x -> x.kind() == EntryKind.MERGE_IN
                        && x.memo().contains(r.child().value() + " ")).toList();
                assertThat(in).singleElement().satisfies(x -> assertThat(x.amount()).isEqualTo(r.amount()));
                assertThat(transferIds.add(byId.get(r.parent()).broker().externalAccountId() + "/" + in.getFirst().reference())).isTrue();
                List<OrderRecord> closing = ledgers.forAccount(r.child()).orders().stream().filter(o -> MergeOrders.CYCLE.equals(o.cycle())).toList();
                mergedWithPositions |= !closing.isEmpty();
                mergedCashOnly |= closing.isEmpty();
            }
            assertThat(mergedWithPositions).as("a merge closed positions").isTrue();
            assertThat(mergedCashOnly).as("a merge of cash only").isTrue();

            // nothing created or lost at the brokerage: every withdrawal is one fork's or merge's, and the
            // only deposits are the openings, the test's top-ups and the merges' arrivals
            Money external = Money.ZERO;
            for (Account a : accounts) {
                PaperBroker desk = paper.open(a.broker().externalAccountId());
                List<BrokerActivity> feed = desk.activities(Optional.empty(), 100_000);
                for (BrokerActivity x : feed) {
                    String key = a.broker().externalAccountId() + "/" + x.id();
                    if (x instanceof BrokerActivity.Withdrawal) {
                        assertThat(transferIds).as("withdrawal %s is a fork's or a merge's", key).contains(key);
                    } else if (x instanceof BrokerActivity.Deposit d && !transferIds.contains(key) && x != feed.getFirst()) {
                        assertThat(d.amount()).as("deposit %s", key).isEqualTo(ForkCrashChild.TOP_UP);
                        assertThat(a.id().value()).endsWith("-f1");
                        external = external.plus(d.amount());
                    }
                }
                assertLedgerEqualsPaper(ledgers.forAccount(a.id()).state(), desk, a.id());
            }
            // money from outside: the parents' opening deposits and the top-ups, as the ledgers' own external flows say
            Money openings = accounts.stream().filter(a -> forks.lineage(a.id()).parent().isEmpty()).map(Account::initialCapital)
                    .reduce(Money.ZERO, Money::plus);
            Money ledgerExternal = accounts.stream().flatMap(a -> ledgers.forAccount(a.id()).entries().stream())
                    .filter(x -> x.kind() == EntryKind.DEPOSIT || x.kind() == EntryKind.WITHDRAWAL).map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus)
                    .minus(forkRecords.stream().map(ForkRecord::amount).reduce(Money.ZERO, Money::plus));
            assertThat(ledgerExternal).isEqualTo(openings.plus(external));
        }
    }

    private static void assertLedgerEqualsPaper(LedgerState books, PaperBroker desk, AccountId id) {
        assertThat(books.totalCash()).as("cash of %s", id).isEqualTo(desk.account().cash());
        Map<String, Long> ours = books.positions().stream().collect(Collectors.groupingBy(p -> p.instrument().code(), TreeMap::new,
                Collectors.summingLong(Position::quantity)));
        ours.values().removeIf(q -> q == 0);
        Map<String, Long> theirs = new TreeMap<>();
        desk.positions().forEach(p -> theirs.merge(p.instrument().code(), p.quantity(), Long::sum));
        assertThat(ours).as("positions of %s", id).isEqualTo(theirs);
    }
}
