package io.alluse.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.broker.paper.PaperSettings;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.Defaults;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.engine.EngineFixtureAccess;
import io.alluse.market.sim.SimulatedMarket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {

    private static BacktestResult run(int accounts, int years, long seed, LocalDate start, int threads) throws InterruptedException {
        BacktestSpec spec = new BacktestSpec(accounts, years, seed, start, Defaults.INITIAL_CAPITAL, Optional.empty(), PaperSettings.DEFAULTS, threads);
        return new Backtest(spec, clock -> SimulatedMarket.withDefaults(clock, seed)).run(done -> { });
    }

    @Test
    void theSameSeedGivesTheSameResultOnAnyNumberOfThreads() throws Exception {
        BacktestResult one = run(4, 1, 42, LocalDate.of(2026, 1, 2), 1);
        BacktestResult two = run(4, 1, 42, LocalDate.of(2026, 1, 2), 2);
        assertThat(two.accounts()).isEqualTo(one.accounts());
        assertThat(two.total()).isEqualTo(one.total());
        assertThat(one.total().optionsSold()).as("the wheel traded").isGreaterThan(50);
        assertThat(one.total().assignments()).isGreaterThan(0);
        assertThat(run(4, 1, 43, LocalDate.of(2026, 1, 2), 2).accounts()).isNotEqualTo(one.accounts());
    }

    @Test
    void theTotalIsTheSumOfTheAccounts() throws Exception {
        BacktestResult r = run(3, 1, 7, LocalDate.of(2026, 1, 2), 2);
        assertThat(r.total().finalEquity()).isEqualTo(r.accounts().stream().map(AccountResult::finalEquity)
                .reduce(io.alluse.domain.Money.ZERO, io.alluse.domain.Money::plus));
        assertThat(r.total().premiumCollected()).isEqualTo(r.accounts().stream().map(AccountResult::premiumCollected)
                .reduce(io.alluse.domain.Money.ZERO, io.alluse.domain.Money::plus));
        assertThat(r.tradingDays()).isEqualTo(251);
        assertThat(r.equity().get(new AccountId("account-1")).size()).isEqualTo(251);
    }

    /**
     * One code path: paper trading (the engine, persistent paper broker, H2) and the backtest (all in
     * memory) run the same strategies and matching, so from the same seed they end every day with
     * the same equity, to the cent.
     */
    @Test
    void paperTradingAndTheBacktestAgreeToTheCent(@TempDir Path dir) throws Exception {
        long seed = 31;
        LocalDate start = LocalDate.of(2031, 3, 3);
        int days = 21;
        Map<AccountId, List<EquitySnapshot>> paper = EngineFixtureAccess.runEngine(dir, seed, 3, Duration.ofDays(days));
        BacktestSpec spec = new BacktestSpec(3, 1, seed, start, Defaults.INITIAL_CAPITAL, Optional.empty(), PaperSettings.DEFAULTS, 2);
        BacktestSnapshotsTest.Recording sleeves = new BacktestSnapshotsTest.Recording();
        BacktestResult backtest = new Backtest(spec, clock -> SimulatedMarket.withDefaults(clock, seed), sleeves).run(done -> { });
        for (Map.Entry<AccountId, List<EquitySnapshot>> e : paper.entrySet()) {
            // each sleeve's snapshot, cash and positions at market, as the engine wrote it
            Map<LocalDate, BacktestSnapshotsTest.Day> recorded = sleeves.days.get(e.getKey()).stream()
                    .collect(Collectors.toMap(BacktestSnapshotsTest.Day::day, d -> d));
            for (EquitySnapshot engine : e.getValue()) {
                BacktestSnapshotsTest.Day day = recorded.get(engine.day());
                int k = engine.sleeve().ordinal();
                assertThat(day.cash()[k]).as("%s %s cash on %s", e.getKey(), engine.sleeve(), engine.day()).isEqualTo(engine.cash().cents());
                assertThat(day.positions()[k]).as("%s %s positions on %s", e.getKey(), engine.sleeve(), engine.day())
                        .isEqualTo(engine.positions().cents());
            }
            Map<LocalDate, Long> engineEquity = e.getValue().stream()
                    .collect(Collectors.groupingBy(EquitySnapshot::day, java.util.TreeMap::new, Collectors.summingLong(s -> s.equity().cents())));
            EquitySeries series = backtest.equity().get(e.getKey());
            assertThat(engineEquity).as("engine snapshots of %s", e.getKey()).hasSize(15);
            for (Map.Entry<LocalDate, Long> day : engineEquity.entrySet()) {
                int i = series.indexOnOrAfter(day.getKey());
                assertThat(series.date(i)).isEqualTo(day.getKey());
                assertThat(series.equityCents(i)).as("%s equity on %s", e.getKey(), day.getKey()).isEqualTo(day.getValue());
            }
        }
        assertThat(paper.values().stream().flatMap(List::stream).filter(s -> s.sleeve() == SleeveKind.COM).map(s -> s.positions().cents()))
                .as("positions were held").anyMatch(c -> c != 0);
    }
}
