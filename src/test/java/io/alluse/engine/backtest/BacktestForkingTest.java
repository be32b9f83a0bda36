package io.alluse.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.broker.paper.PaperSettings;
import io.alluse.domain.AccountId;
import io.alluse.domain.Defaults;
import io.alluse.domain.Money;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.fork.ForkRules;
import io.alluse.market.sim.SimulatedMarket;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The backtest with forking and merging on: it reports what it created and merged, and moves money without making or losing any. */
class BacktestForkingTest {

    private static final long SEED = 42;
    private static final LocalDate START = LocalDate.of(2026, 1, 2);
    /** A small threshold, checked daily, so that a one-year run forks. */
    static final ForkRules SMALL = ForkRules.defaults().withForkThreshold(Money.ofDollars(500)).withCadence(ForkRules.Cadence.DAILY);

    private static BacktestResult run(Optional<ForkRules> rules, int threads) throws InterruptedException {
        BacktestSpec spec = new BacktestSpec(3, 1, SEED, START, Defaults.INITIAL_CAPITAL, Optional.empty(), PaperSettings.DEFAULTS, threads)
                .withForking(rules);
        return new Backtest(spec, BacktestForkingTest::volatileMarket).run(done -> { });
    }

    /**
     * Gen-Acc's symbols more volatile than the defaults: on the default market Gen-Acc's weekly puts
     * rarely pay its 1.5% premium floor, so it would never grow and never fork.
     */
    static SimulatedMarket volatileMarket(io.alluse.market.clock.SimulatedClock clock) {
        java.util.List<io.alluse.market.sim.SymbolProfile> profiles = new java.util.ArrayList<>();
        for (io.alluse.market.sim.SymbolProfile p : io.alluse.market.sim.SymbolProfile.defaults()) {
            boolean gen = p.symbol().value().equals("TSLA") || p.symbol().value().equals("NVDA");
            profiles.add(gen ? new io.alluse.market.sim.SymbolProfile(p.symbol(), p.price(), 0.95, p.dividendYield(), 0.6) : p);
        }
        return new SimulatedMarket(clock, io.alluse.market.sim.SimulationSettings.defaults(SEED, clock.todayInNewYork()).withProfiles(profiles));
    }

    /** Total equity per day over every account's series (a fork's series starts on its fork day). */
    private static TreeMap<LocalDate, Long> totals(BacktestResult r) {
        TreeMap<LocalDate, Long> total = new TreeMap<>();
        for (EquitySeries s : r.equity().values()) {
            for (int i = 0; i < s.size(); i++) {
                total.merge(s.date(i), s.equityCents(i), Long::sum);
            }
        }
        return total;
    }

    @Test
    void forksAreCountedAndMoveMoneyWithoutMakingOrLosingAny() throws Exception {
        BacktestResult plain = run(Optional.empty(), 2);
        BacktestResult forking = run(Optional.of(SMALL), 2);

        assertThat(plain.forked()).isZero();
        assertThat(forking.forked()).as("accounts created by forks").isGreaterThan(0);
        assertThat(forking.accounts().stream().filter(a -> a.account().value().contains("-f"))).hasSize(forking.forked());
        // the parents come first, each fork right after its parent
        assertThat(forking.accounts().getFirst().account()).isEqualTo(new AccountId("account-1"));

        // up to and including the first fork day the two runs are the same money: the fork only moved it
        LocalDate firstFork = forking.equity().entrySet().stream().filter(e -> e.getKey().value().contains("-f"))
                .map(e -> e.getValue().date(0)).min(LocalDate::compareTo).orElseThrow();
        Map<LocalDate, Long> before = totals(plain).headMap(firstFork, true);
        assertThat(totals(forking).headMap(firstFork, true)).isEqualTo(before);
        // a fork starts with exactly what its parent gave: its first point is its opening equity
        forking.accounts().stream().filter(a -> a.account().value().contains("-f")).forEach(a ->
                assertThat(a.initialCapital()).isGreaterThanOrEqualTo(SMALL.forkThreshold()));
        // and the result does not depend on the threads
        assertThat(run(Optional.of(SMALL), 1).accounts()).isEqualTo(forking.accounts());
    }

    @Test
    void forkedAccountsThatReachTheMergeAmountMergeBack() throws Exception {
        // forks all Gen-Acc (which opens nothing before Thursday) and a tiny merge amount: they merge at their next check
        ForkRules rules = new ForkRules(true, Money.ofDollars(500), Map.of(SleeveKind.GEN, Percent.HUNDRED, SleeveKind.REV, Percent.ZERO,
                SleeveKind.COM, Percent.ZERO), Money.ofDollars(1), ForkRules.Cadence.DAILY, ForkRules.MergeMode.CLOSE_AT_MARKET);
        BacktestResult r = run(Optional.of(rules), 2);
        assertThat(r.forked()).isGreaterThan(0);
        assertThat(r.merged()).isGreaterThan(0).isLessThanOrEqualTo(r.forked());
        // merged money is back in the parents: the total is still the sum of the accounts
        assertThat(r.total().finalEquity()).isEqualTo(r.accounts().stream().map(AccountResult::finalEquity).reduce(Money.ZERO, Money::plus));
    }

    @Test
    void theTransferMergeModeRunsMergesAndMakesOrLosesNoMoney() throws Exception {
        // half Gen-Acc, half Com-Acc forks and a tiny merge amount, checked weekly (after Monday's close, when Com-Acc has bought
        // its shares): they hold positions when they merge
        ForkRules transfer = SMALL.withCadence(ForkRules.Cadence.WEEKLY).withMergeAt(Money.ofDollars(1))
                .withMergeMode(ForkRules.MergeMode.TRANSFER_AT_MARKET);
        BacktestResult byTransfer = run(Optional.of(transfer), 2);
        BacktestResult byClose = run(Optional.of(transfer.withMergeMode(ForkRules.MergeMode.CLOSE_AT_MARKET)), 2);

        assertThat(byTransfer.forked()).isGreaterThan(0);
        assertThat(byTransfer.merged()).isGreaterThan(0).isLessThanOrEqualTo(byTransfer.forked());
        assertThat(byTransfer.total().finalEquity()).isEqualTo(byTransfer.accounts().stream().map(AccountResult::finalEquity).reduce(Money.ZERO, Money::plus));
        // the two modes are the same run until the first merge (the first fork merges at its next check)
        LocalDate firstFork = byTransfer.equity().entrySet().stream().filter(e -> e.getKey().value().contains("-f"))
                .map(e -> e.getValue().date(0)).min(LocalDate::compareTo).orElseThrow();
        assertThat(totals(byTransfer).headMap(firstFork, true)).isEqualTo(totals(byClose).headMap(firstFork, true));
        // (forks of this size are too small to buy shares, so they merge holding cash, and both modes move just the cash:
        // the transfer with positions is covered by PaperTransferTest, which runs the backtest's in-memory accounts)
        assertThat(totals(byTransfer)).isEqualTo(totals(byClose));
        // and the result does not depend on the threads
        assertThat(run(Optional.of(transfer), 1).accounts()).isEqualTo(byTransfer.accounts());
    }
}
