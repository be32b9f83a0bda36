package io.alluse.bench;

import io.alluse.broker.Broker;
import io.alluse.broker.FaultInjectingBroker;
import io.alluse.broker.paper.PaperBrokerage;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.Money;
import io.alluse.engine.AccountService;
import io.alluse.engine.Brokerages;
import io.alluse.engine.CycleSchedule;
import io.alluse.engine.Engine;
import io.alluse.engine.EngineSettings;
import io.alluse.engine.PaperBrokerages;
import io.alluse.engine.TimeControl;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.store.AccountRepository;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The engine on the persistent paper broker (H2 file, every change committed): one simulated
 * trading week for 1,000 and 10,000 accounts (target: 10,000 in under 10 s and 1 GB of heap), and
 * how much later the others finish when one account's broker hangs (target: under 1%).
 */
final class EngineBench implements BenchSection {

    private static final Instant MONDAY = LocalDateTime.parse("2031-03-03T08:00").atZone(ExchangeCalendar.NEW_YORK).toInstant();

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public void run(BenchReport report, BenchOptions options) throws Exception {
        String only = System.getProperty("bench.engine.case");
        int small = Integer.getInteger("bench.engine.small", options.quick() ? 20 : 1_000);
        if (only != null) {
            // one case per fresh JVM (-Dbench.engine.case=normal|hung, size from bench.engine.small)
            week(small, only.equals("hung"), report, null);
            return;
        }
        int large = Integer.getInteger("bench.engine.large", options.quick() ? 100 : 10_000);
        week(small, false, report, null);
        week(large, false, report, options.quick() ? null : BenchReport.Target.atMost(10));
        // alternate the two cases so that drift in the machine's load hits both alike; compare medians
        int rounds = options.quick() ? 1 : 3;
        double[] normal = new double[rounds];
        double[] hung = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            normal[i] = week(small, false, report, null).othersDone();
            hung[i] = week(small, true, report, null).othersDone();
        }
        java.util.Arrays.sort(normal);
        java.util.Arrays.sort(hung);
        report.figure("one hung account: the others finish later by (median of " + rounds + ")",
                (hung[rounds / 2] / normal[rounds / 2] - 1) * 100, "%", BenchReport.Target.atMost(1));
    }

    /** Wall seconds until the last cycle of an account other than the hung one finished. */
    private record Week(double wall, double othersDone) {
    }

    private Week week(int accounts, boolean withHung, BenchReport report, BenchReport.Target target) throws Exception {
        Optional<AccountId> hung = withHung ? Optional.of(new AccountId("account-2")) : Optional.empty();
        Path dir = Files.createTempDirectory("alluse-engine-bench");
        try (Database db = Database.open(dir)) {
            SimulatedClock clock = new SimulatedClock(MONDAY);
            SimulatedMarket market = SimulatedMarket.withDefaults(clock, 42);
            PaperBrokerages paper = new PaperBrokerages(new PaperBrokerage(db.dataSource(), market));
            Brokerages brokerages = new Brokerages() {
                @Override
                public BrokerConnection connectionFor(AccountId id) {
                    return paper.connectionFor(id);
                }

                @Override
                public OpeningBalance open(AccountId id, BrokerConnection connection, Money capital) {
                    return paper.open(id, connection, capital);
                }

                @Override
                public Broker connect(Account account) {
                    Broker b = paper.connect(account);
                    if (hung.isPresent() && hung.get().equals(account.id())) {
                        FaultInjectingBroker f = new FaultInjectingBroker(b);
                        f.hang();
                        return f;
                    }
                    return b;
                }
            };
            AccountService service = new AccountService(new AccountRepository(db), market, clock::now,
                    s -> Optional.of(Money.roundedFrom(market.spot(s))), brokerages);
            for (int i = 0; i < accounts; i++) {
                var draft = service.newAccountDraft();
                service.create(draft.withConfig(draft.config().withAllowOverlap(true)));
            }
            // The driver waits for every account's step (a generous grace), so the figure is the time
            // to do the whole week's work, not the time for the clock to run past accounts that fell
            // behind. The hung broker still costs only its own timeout.
            EngineSettings settings = EngineSettings.DEFAULT.withBrokerTimeout(Duration.ofMillis(200)).withStepGrace(Duration.ofMinutes(10));
            try (Engine engine = new Engine(service, new LedgerStore(db), brokerages, TimeControl.simulated(clock, Double.POSITIVE_INFINITY),
                    new CycleSchedule(market.calendar(), Duration.ofMinutes(15)), settings)) {
                engine.load();
                java.util.Set<AccountId> finished = java.util.concurrent.ConcurrentHashMap.newKeySet();
                java.util.concurrent.atomic.AtomicInteger cycles = new java.util.concurrent.atomic.AtomicInteger();
                java.util.concurrent.atomic.AtomicInteger failing = new java.util.concurrent.atomic.AtomicInteger();
                java.util.concurrent.atomic.AtomicLong othersDoneAt = new java.util.concurrent.atomic.AtomicLong();
                System.gc();
                BacktestBench.resetPeaks();
                long cpuStart = BacktestBench.processCpuNanos();
                long start = System.nanoTime();
                try (AutoCloseable ignored = engine.events().subscribe(e -> {
                    if (e instanceof io.alluse.engine.EngineEvent.CycleFinished f) {
                        cycles.incrementAndGet();
                        finished.add(f.account());
                        if (hung.isEmpty() || !hung.get().equals(f.account())) {
                            othersDoneAt.accumulateAndGet(System.nanoTime(), Math::max);
                        }
                    } else if (e instanceof io.alluse.engine.EngineEvent.AccountFailing) {
                        failing.incrementAndGet();
                    }
                })) {
                    engine.runUntil(MONDAY.plus(Duration.ofDays(7)));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (BacktestBench.processCpuNanos() - cpuStart) / 1e9;
                String what = accounts + " accounts, one week" + (hung.isPresent() ? ", one broker hung" : "");
                report.figure(what + ": wall time", seconds, "s", target);
                report.figure(what + ": CPU time of the process", cpu, "s");
                report.figure(what + ": peak heap", BacktestBench.peakHeap() / 1e6, "MB", target == null ? null : BenchReport.Target.atMost(1_000));
                // a week in which accounts did not finish their cycles measured nothing: say so
                report.figure(what + ": accounts that finished a cycle", finished.size(), "of " + accounts, null);
                report.figure(what + ": cycles finished", cycles.get(), "", null);
                report.figure(what + ": accounts reported failing", failing.get(), "", null);
                double others = othersDoneAt.get() == 0 ? seconds : (othersDoneAt.get() - start) / 1e9;
                return new Week(seconds, others);
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp folder
        }
    }
}
