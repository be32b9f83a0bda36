package io.alluse.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.analytics.PortfolioAnalytics;
import io.alluse.analytics.PortfolioNode;
import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.metrics.RiskFreeRate;
import io.alluse.analytics.series.EquitySeries;
import io.alluse.analytics.series.SleeveSeries;
import io.alluse.broker.paper.PaperSettings;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.Defaults;
import io.alluse.domain.Money;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.fork.ForkRules;
import io.alluse.store.AccountRepository;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import io.alluse.store.SnapshotRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backtest's end-of-day snapshots per sleeve: what a sink receives, how flows of fork and merge
 * days are booked, and that the report computed from them through the app's analytics agrees with
 * figures computed by hand from the same days.
 */
class BacktestSnapshotsTest {

    private static final long SEED = 42;
    private static final LocalDate START = LocalDate.of(2026, 1, 2);
    private static final int SLEEVES = SleeveKind.values().length;

    /** One account's end of day as a sink received it. */
    record Day(LocalDate day, long[] cash, long[] positions, long[] flow) {
        long equity(int k) {
            return cash[k] + positions[k];
        }

        long total() {
            long sum = 0;
            for (int k = 0; k < SLEEVES; k++) {
                sum += equity(k);
            }
            return sum;
        }

        long flows() {
            return flow[0] + flow[1] + flow[2];
        }
    }

    /** Keeps every day of every account, as copies (the backtest reuses its arrays). */
    static final class Recording implements BacktestSnapshots {
        final Map<AccountId, List<Day>> days = new ConcurrentHashMap<>();
        final Map<AccountId, Money> capital = new ConcurrentHashMap<>();

        @Override
        public Recorder open(AccountId account, Money initialCapital) {
            List<Day> mine = new ArrayList<>();
            assertThat(days.put(account, mine)).as("%s opened twice", account).isNull();
            capital.put(account, initialCapital);
            return (day, cash, positions, flow) -> mine.add(new Day(day, cash.clone(), positions.clone(), flow.clone()));
        }
    }

    private static BacktestResult run(int accounts, Optional<ForkRules> rules, BacktestSnapshots sink, Backtest.MarketFactory market)
            throws InterruptedException {
        BacktestSpec spec = new BacktestSpec(accounts, 1, SEED, START, Defaults.INITIAL_CAPITAL, Optional.empty(), PaperSettings.DEFAULTS, 2)
                .withForking(rules);
        return new Backtest(spec, market, sink).run(done -> { });
    }

    @Test
    void theSleevesAddUpToTheAccountEveryDayToTheCent() throws Exception {
        Recording sink = new Recording();
        BacktestResult r = run(3, Optional.of(BacktestForkingTest.SMALL), sink, BacktestForkingTest::volatileMarket);
        assertThat(r.forked()).as("the run forks, so some accounts start late").isGreaterThan(0);
        assertThat(sink.days.keySet()).isEqualTo(r.equity().keySet());
        for (Map.Entry<AccountId, List<Day>> e : sink.days.entrySet()) {
            EquitySeries account = r.equity().get(e.getKey());
            List<SleeveSeries> sleeves = r.sleeves().get(e.getKey());
            assertThat(account.size()).isEqualTo(e.getValue().size());
            assertThat(sleeves).extracting(SleeveSeries::sleeve).containsExactly(SleeveKind.values());
            for (int i = 0; i < account.size(); i++) {
                Day d = e.getValue().get(i);
                assertThat(account.date(i)).isEqualTo(d.day());
                assertThat(account.equityCents(i)).as("%s on %s", e.getKey(), d.day()).isEqualTo(d.total());
                long sum = 0;
                for (SleeveSeries s : sleeves) {
                    assertThat(s.series().equityCents(i)).as("%s %s on %s", e.getKey(), s.sleeve(), d.day()).isEqualTo(d.equity(s.sleeve().ordinal()));
                    assertThat(s.series().flowCents(i)).isEqualTo(d.flow()[s.sleeve().ordinal()]);
                    sum += s.series().equityCents(i);
                }
                assertThat(sum).isEqualTo(account.equityCents(i));
            }
        }
    }

    @Test
    void aForkDayBooksTheSurplusOutOfTheParentsGenAccAndIntoTheChildsSleeves() throws Exception {
        Recording sink = new Recording();
        ForkRules rules = BacktestForkingTest.SMALL;
        BacktestResult r = run(3, Optional.of(rules), sink, BacktestForkingTest::volatileMarket);
        List<AccountId> forks = sink.days.keySet().stream().filter(id -> id.value().contains("-f")).toList();
        assertThat(forks).hasSize(r.forked()).isNotEmpty();
        for (AccountId child : forks) {
            String v = child.value();
            AccountId parent = new AccountId(v.substring(0, v.lastIndexOf("-f")));
            Day opening = sink.days.get(child).getFirst();
            Money surplus = sink.capital.get(child);
            // the child's opening flow is its capital, split by the fork's targets (50% Gen, 50% Com by default)
            assertThat(opening.flows()).isEqualTo(surplus.cents());
            long half = surplus.cents() * rules.childTargets().get(SleeveKind.GEN).basisPoints() / 10_000;
            assertThat(opening.flow()[SleeveKind.GEN.ordinal()]).isBetween(half - 1, half + 1);
            assertThat(opening.flow()[SleeveKind.REV.ordinal()]).isZero();
            assertThat(opening.total()).as("a fork opens after the close, all cash").isEqualTo(surplus.cents());
            Day parentsDay = sink.days.get(parent).stream().filter(d -> d.day().equals(opening.day())).findFirst().orElseThrow();
            assertThat(parentsDay.flow()[SleeveKind.GEN.ordinal()]).as("%s gave %s", parent, surplus).isEqualTo(-surplus.cents());
            assertThat(parentsDay.flow()[SleeveKind.REV.ordinal()]).isZero();
            assertThat(parentsDay.flow()[SleeveKind.COM.ordinal()]).isZero();
        }
        assertNoMoneyIsMadeByTransfers(sink);
    }

    @Test
    void aMergeDayEmptiesTheChildIntoItsParentsComAcc() throws Exception {
        ForkRules rules = new ForkRules(true, Money.ofDollars(500), Map.of(SleeveKind.GEN, Percent.HUNDRED, SleeveKind.REV, Percent.ZERO,
                SleeveKind.COM, Percent.ZERO), Money.ofDollars(1), ForkRules.Cadence.DAILY, ForkRules.MergeMode.CLOSE_AT_MARKET);
        Recording sink = new Recording();
        BacktestResult r = run(3, Optional.of(rules), sink, BacktestForkingTest::volatileMarket);
        assertThat(r.merged()).isGreaterThan(0);
        int merges = 0;
        for (Map.Entry<AccountId, List<Day>> e : sink.days.entrySet()) {
            Day last = e.getValue().getLast();
            if (last.day().equals(r.to())) {
                continue;
            }
            merges++;
            // its last snapshot: nothing left, everything it had went out as a flow
            assertThat(last.total()).isZero();
            assertThat(last.flows()).as("%s merged on %s", e.getKey(), last.day()).isNegative();
            String v = e.getKey().value();
            AccountId parent = new AccountId(v.substring(0, v.lastIndexOf("-f")));
            Day parentsDay = sink.days.get(parent).stream().filter(d -> d.day().equals(last.day())).findFirst().orElseThrow();
            assertThat(parentsDay.flow()[SleeveKind.COM.ordinal()]).isGreaterThanOrEqualTo(-last.flows());
        }
        assertThat(merges).isEqualTo(r.merged());
        assertNoMoneyIsMadeByTransfers(sink);
    }

    /** After the first day, every flow is a transfer between our own accounts: they sum to zero each day. */
    private static void assertNoMoneyIsMadeByTransfers(Recording sink) {
        LocalDate first = sink.days.get(new AccountId("account-1")).getFirst().day();
        TreeMap<LocalDate, Long> net = new TreeMap<>();
        TreeMap<LocalDate, Long> openings = new TreeMap<>();
        sink.days.forEach((id, days) -> {
            for (int i = 0; i < days.size(); i++) {
                Day d = days.get(i);
                net.merge(d.day(), d.flows(), Long::sum);
                if (i == 0) {
                    openings.merge(d.day(), d.flows(), Long::sum);
                }
            }
        });
        net.forEach((day, sum) -> {
            if (!day.equals(first)) {
                // a fork's opening (in) and its parent's surplus (out), a merge's outflow and its parent's inflow
                assertThat(sum).as("net flows on %s", day).isZero();
            }
        });
        assertThat(openings.get(first)).isEqualTo(3 * Defaults.INITIAL_CAPITAL.cents());
    }

    /**
     * The report (each account its sleeves combined by the analytics' Aggregation) against series built
     * here by hand from the sink's days: the account's equity summed over its sleeves, its flows
     * summed, and for the total every account's equity summed with no flows at all (transfers between
     * our accounts are not flows of the whole), as the backtest computed it before it kept sleeves.
     */
    @Test
    void metricsFromTheSleeveSnapshotsMatchMetricsOfTheAccountSeries() throws Exception {
        Recording sink = new Recording();
        BacktestResult r = run(3, Optional.of(BacktestForkingTest.SMALL), sink, BacktestForkingTest::volatileMarket);
        List<LocalDate> calendar = sink.days.get(new AccountId("account-1")).stream().map(Day::day).toList();
        long[] totals = new long[calendar.size()];
        for (AccountResult a : r.accounts()) {
            List<Day> days = sink.days.get(a.account());
            LocalDate[] dates = days.stream().map(Day::day).toArray(LocalDate[]::new);
            long[] equity = days.stream().mapToLong(Day::total).toArray();
            long[] flow = days.stream().mapToLong(Day::flows).toArray();
            Performance p = Performance.of(EquitySeries.of(dates, equity, flow), RiskFreeRate.ZERO);
            assertThat(a.totalReturn()).as("return of %s", a.account()).isEqualTo(p.timeWeightedReturn());
            assertThat(a.cagr()).as("CAGR of %s", a.account()).isEqualTo(p.cagr());
            assertThat(a.maxDrawdown()).as("max drawdown of %s", a.account()).isEqualTo(p.maxDrawdown().map(d -> d.depth()).orElse(0.0));
            assertThat(a.finalEquity().cents()).isEqualTo(equity[equity.length - 1]);
            int offset = calendar.indexOf(dates[0]);
            for (int i = 0; i < equity.length; i++) {
                totals[offset + i] += equity[i];
            }
        }
        Performance whole = Performance.of(EquitySeries.of(calendar.toArray(LocalDate[]::new), totals, new long[totals.length]), RiskFreeRate.ZERO);
        assertThat(r.total().totalReturn()).isCloseTo(whole.timeWeightedReturn(), org.assertj.core.data.Offset.offset(1e-12));
        // a one-year run ends on the year's last trading day, short of 365 calendar days: no CAGR (decision 0032)
        assertThat(r.total().cagr()).isEqualTo(whole.cagr()).isInstanceOf(io.alluse.analytics.metrics.Annualised.ShortHistory.class);
        assertThat(r.total().maxDrawdown()).isCloseTo(whole.maxDrawdown().orElseThrow().depth(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.total().finalEquity().cents()).isEqualTo(totals[totals.length - 1]);
        // a parent's return leaves out the surplus it gave away (a flow), it is not a loss
        AccountResult parent = r.accounts().stream().filter(a -> r.accounts().stream().anyMatch(c -> c.account().value().startsWith(a.account().value() + "-f")))
                .findFirst().orElseThrow();
        List<Day> days = sink.days.get(parent.account());
        Performance flowsIgnored = Performance.of(EquitySeries.of(days.stream().map(Day::day).toArray(LocalDate[]::new),
                days.stream().mapToLong(Day::total).toArray(), new long[days.size()]), RiskFreeRate.ZERO);
        assertThat(parent.totalReturn()).isGreaterThan(flowsIgnored.timeWeightedReturn());
    }

    @Test
    void savedSnapshotsOpenWithTheAppsReadersAndGiveTheSameMetrics(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("history");
        BacktestResult r;
        try (SavedSnapshots saved = SavedSnapshots.create(data, Instant.parse("2026-01-01T12:00:00Z"), "backtest seed 42")) {
            r = run(2, Optional.of(BacktestForkingTest.SMALL), saved, BacktestForkingTest::volatileMarket);
            assertThat(saved.accounts()).isEqualTo(r.accounts().size());
        }
        try (Database db = Database.open(data)) {
            AccountRepository accounts = new AccountRepository(db);
            SnapshotRepository snapshots = new SnapshotRepository(db);
            PortfolioAnalytics analytics = new PortfolioAnalytics(accounts, snapshots, new LedgerStore(db));
            assertThat(accounts.findAll()).hasSize(r.accounts().size()).allMatch(a -> a.status() == AccountStatus.CLOSED);
            long rows = snapshots.stamps().values().stream().mapToLong(SnapshotRepository.Stamp::rows).sum();
            assertThat(rows).isEqualTo(3L * r.equity().values().stream().mapToInt(EquitySeries::size).sum());
            for (AccountResult a : r.accounts()) {
                EquitySeries read = analytics.series(PortfolioNode.account(a.account())).orElseThrow();
                assertThat(read).as("%s read back", a.account()).isEqualTo(r.equity().get(a.account()));
                Performance p = Performance.of(read, RiskFreeRate.ZERO);
                assertThat(p.timeWeightedReturn()).isEqualTo(a.totalReturn());
                assertThat(p.cagr()).isEqualTo(a.cagr());
            }
            assertThat(analytics.series(PortfolioNode.whole()).orElseThrow().equity(r.tradingDays() - 1)).isEqualTo(r.total().finalEquity());
        }
        assertThatThrownBy(() -> SavedSnapshots.create(data, Instant.now(), "again")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already holds a database").hasMessageContaining("choose another");
    }
}
