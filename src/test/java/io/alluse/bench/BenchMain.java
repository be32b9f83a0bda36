package io.alluse.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code bench} command: runs every benchmark section (or those named on the command line)
 * in one JVM and prints figures, ratios and whether each target was met. See docs/performance.md.
 * <pre>
 *   ./bench                 all sections
 *   ./bench pricing engine  only these
 *   ./bench --quick         small sizes, to check the benchmarks still run
 * </pre>
 */
public final class BenchMain {

    /** Every section, in the order they run. Add new sections here. */
    static List<BenchSection> sections() {
        return List.of(new PricingSection(), new AnalyticsBench(), new FormsBench(), new DrillDownChartsBench(), new PaperBench(), new StrategySection(), new BacktestBench(), new EngineBench(), new TreeBench());
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        // ./bench passes everything after the script name as program arguments, so sizes and cases
        // such as -Dbench.engine.small=1000 arrive here rather than as JVM options
        for (String a : args) {
            int eq = a.indexOf('=');
            if (a.startsWith("-D") && eq > 2) {
                System.setProperty(a.substring(2, eq), a.substring(eq + 1));
            }
        }
        List<String> wanted = Arrays.stream(args).filter(a -> !a.startsWith("-")).toList();
        BenchReport report = new BenchReport(System.out);
        System.out.printf("ALL-USE Workstation benchmarks on %s, %d cores, max heap %d MB%s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                quick ? " (quick: figures are not representative)" : "");
        List<String> failed = new ArrayList<>();
        for (BenchSection section : sections()) {
            if (!wanted.isEmpty() && !wanted.contains(section.name())) {
                continue;
            }
            report.beginSection(section.name());
            try {
                section.run(report, new BenchOptions(quick));
            } catch (Exception | Error e) {
                failed.add(section.name());
                System.out.println("   FAILED: " + e);
                e.printStackTrace(System.out);
            }
        }
        report.printSummary();
        if (!failed.isEmpty()) {
            System.out.println("sections that failed to run: " + failed);
        }
        // JavaFX sections leave the (non-daemon) FX thread running so that later sections can use it
        System.exit(failed.isEmpty() ? 0 : 1);
    }
}
