package io.alluse.bench;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.ui.drilldown.Charts;
import io.alluse.ui.drilldown.TimeChart;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;

/**
 * The drill-down's equity chart with 100 accounts of ten years of daily closes (261,000 points):
 * from the accounts' equity series to pixels, on the FX thread. Target: under 100 ms (issue 6).
 * Measured in a headless JavaFX (Monocle, software rendering, as the UI tests run): draws 4 to 12
 * (the JIT still compiling, as when a user opens the chart soon after start), the first draw, and
 * draws after 40 (compiled). Wall time, the FX thread's and the render thread's CPU time (the
 * snapshot waits for the render thread), and the whole process's CPU (JIT compilers and GC
 * included), so a loaded machine's waiting can be told from work. For scale, the stock JavaFX
 * {@code LineChart} with a tenth of the data, which the canvas chart replaces (DR 0014).
 */
final class DrillDownChartsBench implements BenchSection {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 380;

    @Override
    public String name() {
        return "drilldown";
    }

    @Override
    public void run(BenchReport report, BenchOptions options) throws Exception {
        BenchFx.start();
        // no Platform.exit() here: a later section may need JavaFX again; BenchMain ends the JVM
        measure(report, options);
    }

    private void measure(BenchReport report, BenchOptions options) throws Exception {
        int accounts = 100;
        int years = options.quick() ? 2 : 10;
        List<EquitySeries> series = accounts(accounts, years);
        int points = series.stream().mapToInt(EquitySeries::size).sum();
        report.note(String.format(java.util.Locale.ROOT, "%d accounts x %d years: %,d daily points, chart %d x %d px", accounts, years, points, WIDTH, HEIGHT));

        TimeChart chart = BenchFx.onFx(() -> new TimeChart(TimeChart.Scale.MONEY, ""));
        StackPane root = BenchFx.onFx(() -> new StackPane(chart));
        BenchFx.onFx(() -> new Scene(root, WIDTH, HEIGHT));
        int runs = options.quick() ? 3 : 9;
        Draw first = draw(chart, root, series);
        for (int w = 1; w < 3; w++) {
            draw(chart, root, series);
        }
        // draws 4 to 12 (quick: 4 to 6): the JIT is still compiling, as when a user opens the chart early
        Draw[] early = new Draw[runs];
        for (int r = 0; r < runs; r++) {
            early[r] = draw(chart, root, series);
        }
        report.figure("equity chart, series to pixels, wall (median)", median(early, Draw::wall), "ms", BenchReport.Target.atMost(100));
        report.figure("equity chart, series to pixels, FX thread CPU (median)", median(early, Draw::fxCpu), "ms");
        report.figure("equity chart, series to pixels, render thread CPU (median)", median(early, Draw::renderCpu), "ms");
        report.figure("equity chart, series to pixels, whole-process CPU incl. render thread (median)", median(early, Draw::processCpu), "ms");
        report.figure("points drawn after decimation to the pixel width", chart.drawnPoints(), "points");
        report.note("drawn as " + (chart.rasterised() ? "pixels (many lines)" : "stroked paths"));
        report.figure("equity chart, first draw (cold: classes loading, interpreted), wall", first.wall(), "ms");
        report.figure("equity chart, first draw, FX thread CPU", first.fxCpu(), "ms");
        // the same draw once the JIT has compiled it: what a redraw costs in a session that has run a while
        for (int w = 3 + runs; w < WARM_AFTER; w++) {
            draw(chart, root, series);
        }
        Draw[] warm = new Draw[runs];
        for (int r = 0; r < runs; r++) {
            warm[r] = draw(chart, root, series);
        }
        report.figure("equity chart, after " + WARM_AFTER + " draws, wall (median)", median(warm, Draw::wall), "ms");
        report.figure("equity chart, after " + WARM_AFTER + " draws, FX thread CPU (median)", median(warm, Draw::fxCpu), "ms");
        report.figure("equity chart, after " + WARM_AFTER + " draws, render thread CPU (median)", median(warm, Draw::renderCpu), "ms");

        // For scale: the stock XYChart with a tenth of the accounts, symbols and animation off.
        int few = 10;
        double[] xy = new double[options.quick() ? 1 : 3];
        for (int run = 0; run < xy.length; run++) {
            int r = run;
            BenchFx.onFx(() -> {
                long t0 = System.nanoTime();
                NumberAxis x = new NumberAxis();
                NumberAxis y = new NumberAxis();
                x.setForceZeroInRange(false);
                y.setForceZeroInRange(false);
                x.setAnimated(false);
                y.setAnimated(false);
                LineChart<Number, Number> line = new LineChart<>(x, y);
                line.setAnimated(false);
                line.setCreateSymbols(false);
                for (int i = 0; i < few; i++) {
                    EquitySeries s = series.get(i);
                    List<XYChart.Data<Number, Number>> data = new ArrayList<>(s.size());
                    for (int k = 0; k < s.size(); k++) {
                        data.add(new XYChart.Data<>(s.epochDay(k), s.equityCents(k) / 100.0));
                    }
                    XYChart.Series<Number, Number> xs = new XYChart.Series<>();
                    xs.getData().setAll(data);
                    line.getData().add(xs);
                }
                StackPane p = new StackPane(line);
                new Scene(p, WIDTH, HEIGHT);
                p.applyCss();
                p.layout();
                line.snapshot(null, null);
                xy[r] = (System.nanoTime() - t0) / 1e6;
                return null;
            });
        }
        Arrays.sort(xy);
        report.figure(String.format(java.util.Locale.ROOT, "JavaFX LineChart, %d accounts x %d years (no decimation), wall", few, years),
                xy[xy.length / 2], "ms");
    }

    /** One draw's cost in ms: wall, and CPU of the FX thread, the render thread and the whole process (JIT and GC included). */
    private record Draw(double wall, double fxCpu, double renderCpu, double processCpu) {
    }

    private static final int WARM_AFTER = 40;

    /** Series to pixels once, on the FX thread: build the lines, set them, CSS, layout (paints), snapshot (renders). */
    private static Draw draw(TimeChart chart, StackPane root, List<EquitySeries> series) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long render = renderThread();
        long r0 = render < 0 ? 0 : threads.getThreadCpuTime(render);
        double[] fx = BenchFx.onFx(() -> {
            long c0 = threads.getCurrentThreadCpuTime();
            long p0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<TimeChart.Line> lines = new ArrayList<>(series.size());
            for (int i = 0; i < series.size(); i++) {
                lines.add(Charts.equity("Account-" + (i + 1), series.get(i)));
            }
            chart.setLines(lines);
            root.applyCss();
            root.layout();
            chart.snapshot(null, null);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            long p1 = os.getProcessCpuTime();
            return new double[] {(t1 - t0) / 1e6, (c1 - c0) / 1e6, (p1 - p0) / 1e6};
        });
        long r1 = render < 0 ? 0 : threads.getThreadCpuTime(render);
        return new Draw(fx[0], fx[1], (r1 - r0) / 1e6, fx[2]);
    }

    /** The JavaFX render thread's id (Prism renders there; {@code snapshot} waits for it), or -1 before it exists. */
    private static long renderThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t.threadId();
            }
        }
        return -1;
    }

    private static double median(Draw[] draws, java.util.function.ToDoubleFunction<Draw> figure) {
        double[] v = Arrays.stream(draws).mapToDouble(figure).sorted().toArray();
        return v[v.length / 2];
    }

    /** Random walks of about +-1% a day from $500,000, one point per weekday. */
    static List<EquitySeries> accounts(int n, int years) {
        Random random = new Random(42);
        LocalDate start = LocalDate.of(2021, 1, 4);
        LocalDate end = start.plusYears(years);
        List<EquitySeries> out = new ArrayList<>(n);
        for (int a = 0; a < n; a++) {
            EquitySeries.Builder b = EquitySeries.builder();
            double equity = 500_000;
            boolean first = true;
            for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                equity *= 1 + 0.0004 + random.nextGaussian() * 0.01;
                long cents = Math.round(equity * 100);
                b.add(d, cents, first ? cents : 0);
                first = false;
            }
            out.add(b.build());
        }
        return out;
    }


}
