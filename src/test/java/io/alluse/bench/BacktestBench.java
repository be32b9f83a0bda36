package io.alluse.bench;

import io.alluse.broker.paper.PaperSettings;
import io.alluse.domain.Defaults;
import io.alluse.engine.backtest.Backtest;
import io.alluse.engine.backtest.BacktestResult;
import io.alluse.engine.backtest.BacktestSpec;
import io.alluse.market.sim.SimulatedMarket;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backtest at scale: 1,000 accounts x 10 years on 1 and 2 threads (target: under 2 s on this
 * 2-core machine), and memory that does not grow with the number of simulated weeks.
 */
final class BacktestBench implements BenchSection {

    private static final long SEED = 42;

    @Override
    public String name() {
        return "backtest";
    }

    @Override
    public void run(BenchReport report, BenchOptions options) throws Exception {
        int accounts = Integer.getInteger("bench.backtest.accounts", options.quick() ? 50 : 1_000);
        int years = Integer.getInteger("bench.backtest.years", options.quick() ? 1 : 10);
        run(accounts, 1, 1, report, false, true); // warm-up
        double oneThread = run(accounts, years, 1, report, true, true);
        double twoThreads = run(accounts, years, 2, report, true, true);
        report.figure("speed-up from 1 to 2 threads", oneThread / twoThreads, "x");
        report.figure(accounts + " accounts x " + years + " years on 2 threads, every account simulated", twoThreads, "s");
        // the backtest as the command runs it: accounts identical to another (same window) computed once (decision 0028)
        double deduplicated = run(accounts, years, 2, report, true, false);
        report.figure(accounts + " accounts x " + years + " years on 2 threads, identical accounts computed once", deduplicated, "s",
                options.quick() ? null : BenchReport.Target.atMost(2.0));
        memory(report, options);
    }

    private double run(int accounts, int years, int threads, BenchReport report, boolean print, boolean everyAccount) throws InterruptedException {
        BacktestSpec spec = new BacktestSpec(accounts, years, SEED, LocalDate.of(2026, 1, 2), Defaults.INITIAL_CAPITAL, Optional.empty(),
                PaperSettings.DEFAULTS, threads);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        Backtest backtest = new Backtest(spec, clock -> SimulatedMarket.withDefaults(clock, SEED));
        BacktestResult result = (everyAccount ? backtest.simulatingEveryAccount() : backtest).run(done -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        if (print) {
            double accountWeeks = accounts * result.tradingDays() / 5.0;
            String how = everyAccount ? "every account simulated" : "identical accounts computed once";
            report.figure(accounts + " accounts x " + years + " years, " + threads + " thread(s), " + how + ": wall time", seconds, "s");
            report.figure("  CPU time of the process (all threads, GC and JIT included)", cpu, "s");
            report.figure("  account-weeks per second, " + threads + " thread(s)", accountWeeks / seconds, "/s");
            report.figure("  account-weeks per CPU second", accountWeeks / cpu, "/s");
        }
        return seconds;
    }

    /** Used heap after a full GC at each tenth of a long single-threaded run: it must not climb with the weeks. */
    private void memory(BenchReport report, BenchOptions options) throws InterruptedException {
        int accounts = options.quick() ? 20 : 200;
        int years = options.quick() ? 2 : 10;
        long total = (long) accounts * 252 * years;
        List<Long> samples = new ArrayList<>();
        long[] next = {total / 10};
        BacktestSpec spec = new BacktestSpec(accounts, years, SEED, LocalDate.of(2026, 1, 2), Defaults.INITIAL_CAPITAL, Optional.empty(),
                PaperSettings.DEFAULTS, 1);
        resetPeaks();
        new Backtest(spec, clock -> SimulatedMarket.withDefaults(clock, SEED)).run(done -> {
            if (done >= next[0]) {
                next[0] += total / 10;
                System.gc();
                samples.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
        });
        long peak = peakHeap();
        report.figure("heap after GC at 10% of " + accounts + " accounts x " + years + " years", samples.getFirst() / 1e6, "MB");
        report.figure("heap after GC at 100%", samples.getLast() / 1e6, "MB");
        report.figure("growth from 10% to 100% of the weeks", (double) samples.getLast() / samples.getFirst(), "x",
                BenchReport.Target.atMost(1.25));
        report.figure("peak heap during that run", peak / 1e6, "MB");
    }

    /** CPU time of this JVM on all its threads: the steadier figure on a machine shared with other builds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
