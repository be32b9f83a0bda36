package io.alluse.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.broker.paper.PaperSettings;
import io.alluse.domain.AccountId;
import io.alluse.domain.Defaults;
import io.alluse.domain.OptionContract;
import io.alluse.domain.Symbol;
import io.alluse.domain.fork.ForkRules;
import io.alluse.market.DailyClose;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import io.alluse.market.sim.SimulatedMarket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The backtest's shortcuts (docs/decisions/0028) against the straightforward path: the same numbers,
 * every account, every day. The straightforward path simulates every account, values each one with
 * marks of its own, and reads chains that are fresh copies on every call, so no strike pick or
 * quote is shared between accounts.
 */
class BacktestFastPathTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 2);

    private static BacktestSpec spec(int accounts, int years, long seed, Optional<ForkRules> forking, int threads) {
        return new BacktestSpec(accounts, years, seed, START, Defaults.INITIAL_CAPITAL, Optional.empty(), PaperSettings.DEFAULTS, threads)
                .withForking(forking);
    }

    /**
     * More accounts than there are distinct default execution windows (81), so some accounts are
     * identical to an earlier one and are computed once; against all of them simulated, and with
     * every day each account's recorder received compared too.
     */
    @Test
    void identicalAccountsComputedOnceReportWhatSimulatingEachOfThemGives() throws Exception {
        BacktestSpec spec = spec(90, 1, 5, Optional.empty(), 2);
        BacktestSnapshotsTest.Recording fastSink = new BacktestSnapshotsTest.Recording();
        BacktestSnapshotsTest.Recording everySink = new BacktestSnapshotsTest.Recording();
        BacktestResult fast = new Backtest(spec, clock -> SimulatedMarket.withDefaults(clock, 5), fastSink).run(done -> { });
        BacktestResult every = new Backtest(spec, clock -> SimulatedMarket.withDefaults(clock, 5), everySink).simulatingEveryAccount()
                .run(done -> { });

        assertSame(fast, every);
        assertThat(fast.accounts()).hasSize(90);
        assertThat(fastSink.days.keySet()).isEqualTo(everySink.days.keySet()).hasSize(90);
        for (AccountId id : everySink.days.keySet()) {
            assertThat(days(fastSink, id)).as("recorded days of %s", id).isEqualTo(days(everySink, id));
            assertThat(fastSink.capital.get(id)).isEqualTo(everySink.capital.get(id));
        }
        // the run is one where copies exist and trade: account-82 has the window of an earlier account
        assertThat(fast.accounts().get(81).optionsSold()).isGreaterThan(0);
    }

    /** Shared marks and strike picks, on a volatile market with forks and merges (no copies there: forking is on). */
    @Test
    void sharedMarksAndStrikePicksGiveWhatTheStraightforwardPathGives() throws Exception {
        ForkRules rules = BacktestForkingTest.SMALL;
        for (int threads : new int[] {1, 2}) {
            BacktestSpec spec = spec(6, 1, 42, Optional.of(rules), threads);
            BacktestResult fast = new Backtest(spec, BacktestForkingTest::volatileMarket).run(done -> { });
            BacktestResult plain = new Backtest(spec, clock -> new FreshChains(BacktestForkingTest.volatileMarket(clock))).straightforward()
                    .run(done -> { });
            assertThat(fast.forked()).as("the run forks").isGreaterThan(0);
            assertSame(fast, plain);
        }
        BacktestSpec defaults = spec(12, 1, 11, Optional.empty(), 2);
        assertSame(new Backtest(defaults, clock -> SimulatedMarket.withDefaults(clock, 11)).run(done -> { }),
                new Backtest(defaults, clock -> new FreshChains(SimulatedMarket.withDefaults(clock, 11))).straightforward().run(done -> { }));
    }

    private static void assertSame(BacktestResult fast, BacktestResult reference) {
        assertThat(fast.accounts()).isEqualTo(reference.accounts());
        assertThat(fast.total()).isEqualTo(reference.total());
        assertThat(fast.forked()).isEqualTo(reference.forked());
        assertThat(fast.merged()).isEqualTo(reference.merged());
        assertThat(fast.equity().keySet()).isEqualTo(reference.equity().keySet());
        for (Map.Entry<AccountId, EquitySeries> e : reference.equity().entrySet()) {
            assertThat(points(fast.equity().get(e.getKey()))).as("equity of %s", e.getKey()).isEqualTo(points(e.getValue()));
        }
        assertThat(fast.sleeves().keySet()).isEqualTo(reference.sleeves().keySet());
        reference.sleeves().forEach((id, sleeves) -> {
            for (int k = 0; k < sleeves.size(); k++) {
                assertThat(points(fast.sleeves().get(id).get(k).series())).as("sleeve %d of %s", k, id).isEqualTo(points(sleeves.get(k).series()));
            }
        });
    }

    private static List<String> points(EquitySeries s) {
        List<String> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            out.add(s.date(i) + " " + s.equityCents(i) + " " + s.flowCents(i));
        }
        return out;
    }

    private static List<String> days(BacktestSnapshotsTest.Recording sink, AccountId id) {
        return sink.days.get(id).stream().map(d -> d.day() + " " + java.util.Arrays.toString(d.cash()) + " "
                + java.util.Arrays.toString(d.positions()) + " " + java.util.Arrays.toString(d.flow())).toList();
    }

    /** The market with every chain handed out as a new copy: nothing computed from one chain is seen by the next reader. */
    private static final class FreshChains implements MarketView {
        private final MarketView market;

        FreshChains(MarketView market) {
            this.market = market;
        }

        @Override
        public OptionChain chain(Symbol symbol, LocalDate expiry) {
            OptionChain c = market.chain(symbol, expiry);
            return OptionChain.of(c.underlying(), c.expiry(), c.valuationTime(), c.underlyingPrice(), c.yearsToExpiry(), c.riskFreeRate(),
                    c.dividendYield(), c.calls(), c.puts());
        }

        @Override
        public Instant now() {
            return market.now();
        }

        @Override
        public ExchangeCalendar calendar() {
            return market.calendar();
        }

        @Override
        public Set<Symbol> symbols() {
            return market.symbols();
        }

        @Override
        public double spot(Symbol symbol) {
            return market.spot(symbol);
        }

        @Override
        public List<LocalDate> expiries(Symbol symbol) {
            return market.expiries(symbol);
        }

        @Override
        public OptionQuote quote(OptionContract contract) {
            return market.quote(contract);
        }

        @Override
        public double riskFreeRate() {
            return market.riskFreeRate();
        }

        @Override
        public double dividendYield(Symbol symbol) {
            return market.dividendYield(symbol);
        }

        @Override
        public List<DailyClose> closes(Symbol symbol, LocalDate from, LocalDate to) {
            return market.closes(symbol, from, to);
        }

        @Override
        public boolean isKnown(Symbol symbol) {
            return market.isKnown(symbol);
        }

        @Override
        public String name() {
            return market.name();
        }

        @Override
        public String describeKnown() {
            return market.describeKnown();
        }
    }
}
