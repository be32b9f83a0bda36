package io.alluse.app;

import io.alluse.analytics.metrics.Annualised;
import io.alluse.broker.paper.PaperSettings;
import io.alluse.domain.Defaults;
import io.alluse.engine.backtest.AccountResult;
import io.alluse.engine.backtest.Backtest;
import io.alluse.engine.backtest.BacktestResult;
import io.alluse.engine.backtest.BacktestSpec;
import io.alluse.market.history.HistoricalMarket;
import io.alluse.market.history.PriceHistory;
import io.alluse.market.history.PriceHistoryCsv;
import io.alluse.market.history.PriceHistoryException;
import io.alluse.market.sim.SimulatedMarket;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backtest", description = {"Run ALL-USE for N independent accounts over Y years of the simulated market (or imported prices).",
        "Prints, per account and in total, final equity, total return, CAGR (n/a under a year), max drawdown, premium collected and assignments.",
        "The same seed gives the same output, byte for byte. Nothing is written to the data folder;",
        "--save-snapshots writes the daily sleeve snapshots to a new folder of their own, to open with --data-dir."},
        mixinStandardHelpOptions = true, sortOptions = false)
final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--accounts", paramLabel = "N", defaultValue = "10", description = "Independent accounts, default ${DEFAULT-VALUE}.")
    int accounts;

    @Option(names = "--years", paramLabel = "Y", defaultValue = "1", description = "Years to simulate, default ${DEFAULT-VALUE}.")
    int years;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the simulated market, default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--start", paramLabel = "DATE", description = "First day (default 2026-01-02; with --prices, the first day of the data).")
    LocalDate start;

    @Option(names = "--prices", paramLabel = "DIR",
            description = "Replay daily prices from the CSV files in DIR (Date,Open,High,Low,Close,Adj Close,Volume; one SYMBOL.csv per symbol).")
    Path prices;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: the number of cores). The output does not depend on it.")
    Integer threads;

    @Option(names = "--forking", description = "ALL-USE forking and merging on (default rules: fork at $50,000 Gen-Acc growth, merge at $500,000);"
            + " reports how many accounts were created and merged.")
    boolean forking;

    @Option(names = "--merge-mode", paramLabel = "MODE", description = "With --forking, what a merging account does with its positions:"
            + " CLOSE_AT_MARKET (default: closed at the market, then the cash moves) or TRANSFER_AT_MARKET (positions and cash move"
            + " as they are into the parent's sleeves of the same kind at the paper brokerage, cost basis and opening days kept).")
    io.alluse.domain.fork.ForkRules.MergeMode mergeMode;

    @Option(names = "--json", description = "Print machine-readable JSON.")
    boolean json;

    @Option(names = "--save-snapshots", paramLabel = "DIR",
            description = "Also save every account's daily sleeve snapshots as a data folder in DIR (new or empty), whose closed accounts"
                    + " the app and the export command open with --data-dir DIR like any other history.")
    Path saveSnapshots;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<List<PriceHistory>> histories = Optional.empty();
        if (prices != null) {
            try {
                histories = Optional.of(readPrices(prices));
            } catch (PriceHistoryException e) {
                err.println("Error: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("Error: cannot read --prices " + prices + ": " + e.getMessage());
                return 2;
            }
        }
        LocalDate first = start != null ? start
                : histories.map(h -> h.stream().map(p -> p.bars().getFirst().date()).max(LocalDate::compareTo).orElseThrow().plusDays(30))
                .orElse(BacktestSpec.DEFAULT_START);
        BacktestSpec backtest;
        try {
            backtest = new BacktestSpec(accounts, years, seed, first, Defaults.INITIAL_CAPITAL, Optional.ofNullable(prices), PaperSettings.DEFAULTS,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors())
                    .withForking(forking ? Optional.of(io.alluse.domain.fork.ForkRules.defaults().withMergeMode(
                            mergeMode != null ? mergeMode : io.alluse.domain.fork.ForkRules.MergeMode.CLOSE_AT_MARKET)) : Optional.empty());
            if (mergeMode != null && !forking) {
                err.println("Error: --merge-mode applies only with --forking; add --forking or leave --merge-mode out.");
                return 2;
            }
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return 2;
        }
        List<PriceHistory> replay = histories.orElse(null);
        Backtest.MarketFactory markets = replay == null
                ? clock -> SimulatedMarket.withDefaults(clock, seed)
                : clock -> new HistoricalMarket(clock, replay);
        io.alluse.engine.backtest.SavedSnapshots saved = null;
        if (saveSnapshots != null) {
            try {
                saved = io.alluse.engine.backtest.SavedSnapshots.create(saveSnapshots, java.time.Instant.now(), "backtest seed " + seed);
            } catch (IllegalArgumentException e) {
                err.println("Error: " + e.getMessage());
                return 2;
            }
        }
        ProgressBar bar = new ProgressBar(err, (long) accounts * 252L * years, System.console() != null);
        BacktestResult result;
        try {
            result = new Backtest(backtest, markets, saved != null ? saved : io.alluse.engine.backtest.BacktestSnapshots.NONE).run(bar::update);
        } finally {
            if (saved != null) {
                saved.close();
            }
        }
        bar.finish();
        if (saved != null) {
            // on the error stream, so that standard output stays the same bytes with or without saving
            err.println(String.format(Locale.ROOT, "Saved %,d snapshot rows of %d account(s) to %s: open them with --data-dir %s", saved.rows(),
                    saved.accounts(), saveSnapshots, saveSnapshots));
            err.flush();
        }
        out.print(json ? Json.write(json(result)) + "\n" : table(result));
        out.flush();
        return 0;
    }

    private static List<PriceHistory> readPrices(Path dir) throws IOException, PriceHistoryException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no .csv files in " + dir);
        }
        return List.copyOf(PriceHistoryCsv.readAll(files).values());
    }

    static String table(BacktestResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "ALL-USE backtest: %d account(s), %s to %s (%d trading days), seed %d%n", r.spec().accounts(), r.from(), r.to(),
                r.tradingDays(), r.spec().seed()));
        String format = "%-14s %16s %16s %8s %8s %8s %14s %6s %9s %7s%n";
        b.append(String.format(Locale.ROOT, format, "ACCOUNT", "INITIAL", "FINAL EQUITY", "RETURN", "CAGR", "MAX DD", "PREMIUM", "SOLD", "ASSIGNED",
                "CALLED"));
        for (AccountResult a : r.accounts()) {
            b.append(line(format, a));
        }
        b.append(line(format, r.total()));
        if (r.accounts().stream().anyMatch(a -> a.cagr().isShortHistory()) || r.total().cagr().isShortHistory()) {
            b.append(String.format(Locale.ROOT, "CAGR n/a: it %s.%n", r.total().cagr() instanceof Annualised.ShortHistory(String needs)
                    ? needs : "needs at least 1 year of history; total return shown"));
        }
        if (r.spec().forking().isPresent()) {
            b.append(String.format(Locale.ROOT, "Forking on: %d account(s) created by forks, %d merged into their parents.%n", r.forked(), r.merged()));
        }
        return b.toString();
    }

    private static String line(String format, AccountResult a) {
        return String.format(Locale.ROOT, format, a.account().value().equals("all") ? "TOTAL" : a.account().value(), a.initialCapital().format(),
                a.finalEquity().format(), pct(a.totalReturn()), a.cagr().asOptional().isPresent() ? pct(a.cagr().asOptional().getAsDouble()) : "n/a",
                pct(-a.maxDrawdown()), a.premiumCollected().format(), a.optionsSold(), a.assignments(),
                a.calledAway());
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static Map<String, Object> json(BacktestResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accounts", r.spec().accounts());
        if (r.spec().forking().isPresent()) {
            m.put("forked", r.forked());
            m.put("merged", r.merged());
        }
        m.put("years", r.spec().years());
        m.put("seed", r.spec().seed());
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("tradingDays", r.tradingDays());
        // accounts computed once and reported under several ids share their series objects: each sleeve's metrics once
        Map<io.alluse.analytics.series.EquitySeries, Map<String, Object>> metrics = new java.util.IdentityHashMap<>();
        m.put("results", r.accounts().stream().map(a -> {
            Map<String, Object> one = json(a);
            one.put("sleeves", sleeves(r.sleeves().getOrDefault(a.account(), List.of()), metrics));
            return one;
        }).toList());
        m.put("total", json(r.total()));
        return m;
    }

    private static Map<String, Object> json(AccountResult a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", a.account().value());
        m.put("initialCapital", a.initialCapital().toPlainString());
        m.put("finalEquity", a.finalEquity().toPlainString());
        m.put("totalReturn", round(a.totalReturn()));
        // null, not 0, while the run is too short to annualise (decision 0032)
        m.put("cagr", annual(a.cagr()));
        m.put("maxDrawdown", round(a.maxDrawdown()));
        m.put("premiumCollected", a.premiumCollected().toPlainString());
        m.put("optionsSold", a.optionsSold());
        m.put("assignments", a.assignments());
        m.put("calledAway", a.calledAway());
        return m;
    }

    /** Each sleeve's final equity, CAGR and max drawdown, from its own snapshots (flows excluded, as for the account). */
    private static Map<String, Object> sleeves(List<io.alluse.analytics.series.SleeveSeries> sleeves,
                                               Map<io.alluse.analytics.series.EquitySeries, Map<String, Object>> metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (io.alluse.analytics.series.SleeveSeries s : sleeves) {
            m.put(s.sleeve().key(), metrics.computeIfAbsent(s.series(), BacktestCommand::sleeve));
        }
        return m;
    }

    private static Map<String, Object> sleeve(io.alluse.analytics.series.EquitySeries series) {
        io.alluse.analytics.metrics.Performance p = io.alluse.analytics.metrics.Performance.of(series, io.alluse.analytics.metrics.RiskFreeRate.ZERO);
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("finalEquity", series.equity(series.size() - 1).toPlainString());
        one.put("totalReturn", round(finite(p.timeWeightedReturn())));
        one.put("cagr", annual(p.cagr()));
        one.put("maxDrawdown", round(finite(p.maxDrawdown().map(d -> d.depth()).orElse(0.0))));
        return one;
    }

    private static java.math.BigDecimal annual(Annualised a) {
        return a.asOptional().isPresent() && Double.isFinite(a.asOptional().getAsDouble()) ? round(a.asOptional().getAsDouble()) : null;
    }

    /** A sleeve that held nothing (a fork founded without Rev-Acc) has no return: shown as 0. */
    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    /** Six decimals: enough for percentages to a hundredth of a basis point, stable as text. */
    private static java.math.BigDecimal round(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_EVEN);
    }

    /** A bar on the terminal's error stream, so that standard output stays byte-identical. */
    static final class ProgressBar {
        private final PrintWriter err;
        private final long total;
        private final boolean enabled;
        private final long started = System.nanoTime();
        private volatile int shown = -1;

        ProgressBar(PrintWriter err, long total, boolean enabled) {
            this.err = err;
            this.total = Math.max(1, total);
            this.enabled = enabled;
        }

        void update(long done) {
            if (!enabled) {
                return;
            }
            int percent = (int) Math.min(100, done * 100 / total);
            if (percent == shown) {
                return;
            }
            synchronized (this) {
                if (percent <= shown) {
                    return;
                }
                shown = percent;
                int filled = percent / 4;
                double seconds = (System.nanoTime() - started) / 1e9;
                err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %.1f s", "#".repeat(filled), ".".repeat(25 - filled), percent, seconds));
                err.flush();
            }
        }

        void finish() {
            if (enabled && shown >= 0) {
                err.println();
                err.flush();
            }
        }
    }
}
