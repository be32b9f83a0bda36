package io.alluse.analytics;

import static io.alluse.domain.SleeveKind.COM;
import static io.alluse.domain.SleeveKind.GEN;
import static io.alluse.domain.SleeveKind.REV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.metrics.RiskFreeRate;
import io.alluse.analytics.series.EquitySeries;
import io.alluse.analytics.series.PriceSeries;
import io.alluse.analytics.trades.TradeStatistics;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.NewEntry;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service over a real H2 file. The snapshots are a small hand-worked case (numbers in dollars,
 * all cash), chosen so that every figure below can be checked with a pocket calculator:
 *
 * <pre>
 *               day 1 (Mon)      day 2           day 3                          day 4
 * A Gen-Acc     100,000 (open)   101,000 (+1%)   93,020 = 101,000*1.02 - 10,000  73,020 = 93,020 - 20,000 to B
 * A Rev-Acc      50,000 (open)    49,500 (-1%)   59,995 = 49,500*1.01 + 10,000   59,995
 * B Gen-Acc                      200,000 (open)  204,000 (+2%)                  224,000 = 204,000 + 20,000 from A
 * </pre>
 * Day 3 moves 10,000 from A's Gen-Acc to its Rev-Acc; day 4 moves 20,000 from A to B.
 */
class PortfolioAnalyticsTest {

    private static final AccountId A = new AccountId("acct-a");
    private static final AccountId B = new AccountId("acct-b");
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;
    AnalyticsStore store;
    PortfolioAnalytics analytics;

    @BeforeEach
    void handWorkedCase() {
        store = new AnalyticsStore(dir);
        store.account("acct-a");
        store.account("acct-b");
        store.snapshot("acct-a", GEN, "2031-03-03", 100_000, 100_000);
        store.snapshot("acct-a", REV, "2031-03-03", 50_000, 50_000);
        store.snapshot("acct-a", GEN, "2031-03-04", 101_000, 0);
        store.snapshot("acct-a", REV, "2031-03-04", 49_500, 0);
        store.snapshot("acct-b", GEN, "2031-03-04", 200_000, 200_000);
        store.snapshot("acct-a", GEN, "2031-03-05", 93_020, -10_000);
        store.snapshot("acct-a", REV, "2031-03-05", 59_995, 10_000);
        store.snapshot("acct-b", GEN, "2031-03-05", 204_000, 0);
        store.snapshot("acct-a", GEN, "2031-03-06", 73_020, -20_000);
        store.snapshot("acct-a", REV, "2031-03-06", 59_995, 0);
        store.snapshot("acct-b", GEN, "2031-03-06", 224_000, 20_000);
        analytics = store.analytics();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Performance perf(PortfolioNode node) {
        return analytics.report(node, RiskFreeRate.ZERO).orElseThrow().performance();
    }

    @Test
    void aSleeveIsItsOwnSnapshotsAndAMoveToAnotherSleeveIsAFlowNotALoss() {
        EquitySeries gen = analytics.series(PortfolioNode.sleeve(A, GEN)).orElseThrow();
        assertThat(gen.size()).isEqualTo(4);
        assertThat(gen.equity(2)).isEqualTo(Money.ofDollars(93_020));
        assertThat(gen.flow(2)).isEqualTo(Money.ofDollars(-10_000));
        Performance p = perf(PortfolioNode.sleeve(A, GEN));
        // +1%, +2%, 0%: the two transfers out are not losses
        assertThat(p.timeWeightedReturn()).isCloseTo(1.01 * 1.02 - 1, within(EPS));
        assertThat(p.netFlows()).isEqualTo(Money.ofDollars(-30_000));
        assertThat(p.profit()).isEqualTo(Money.ofDollars(73_020 - 100_000 + 30_000));
        assertThat(p.maxDrawdown()).isEmpty();
    }

    @Test
    void anAccountNetsItsSleeveTransferAndKeepsTheMoveToTheOtherAccountAsAFlow() {
        EquitySeries a = analytics.series(PortfolioNode.account(A)).orElseThrow();
        assertThat(a.flow(2)).isEqualTo(Money.ZERO);
        assertThat(a.equity(2)).isEqualTo(Money.ofDollars(153_015));
        assertThat(a.flow(3)).isEqualTo(Money.ofDollars(-20_000));
        Performance p = perf(PortfolioNode.account(A));
        // no net flow before day 4 and none of day 4's move: TWR = 153,015 / 150,000 - 1
        assertThat(p.timeWeightedReturn()).isCloseTo(153_015.0 / 150_000 - 1, within(EPS));
        assertThat(p.profit()).isEqualTo(Money.ofDollars(3_015));
    }

    @Test
    void theWholePortfolioCountsALateAccountAsCapitalAndTheTransferBetweenAccountsAsNothing() {
        EquitySeries whole = analytics.series(PortfolioNode.whole()).orElseThrow();
        assertThat(whole.flow(1)).isEqualTo(Money.ofDollars(200_000));
        assertThat(whole.flow(3)).isEqualTo(Money.ZERO);
        assertThat(whole.equity(3)).isEqualTo(Money.ofDollars(357_015));
        Performance p = perf(PortfolioNode.whole());
        double day2 = (350_500.0 - 200_000) / 150_000;
        double day3 = 357_015.0 / 350_500;
        assertThat(p.timeWeightedReturn()).isCloseTo(day2 * day3 - 1, within(EPS));
        assertThat(p.profit()).isEqualTo(Money.ofDollars(3_015 + 4_000));
        assertThat(p.netFlows()).isEqualTo(Money.ofDollars(200_000));
    }

    @Test
    void allGenAccsTogetherSeeTheMoveToRevAccAsAFlowAndTheMoveBetweenGenAccsAsNothing() {
        EquitySeries gens = analytics.series(PortfolioNode.sleeveKind(GEN)).orElseThrow();
        assertThat(gens.flow(2)).isEqualTo(Money.ofDollars(-10_000));
        assertThat(gens.flow(3)).isEqualTo(Money.ZERO);
        assertThat(perf(PortfolioNode.sleeveKind(GEN)).timeWeightedReturn()).isCloseTo(1.01 * 1.02 - 1, within(EPS));
        assertThat(analytics.series(PortfolioNode.sleeveKind(COM))).isEmpty();
        assertThat(analytics.series(PortfolioNode.account(new AccountId("nobody")))).isEmpty();
    }

    @Test
    void theDashboardAgreesWithEachNodeAndAPeriodStartsFromItsFirstDay() {
        Dashboard d = analytics.dashboard(RiskFreeRate.ZERO);
        assertThat(d.total()).contains(perf(PortfolioNode.whole()));
        assertThat(d.byAccount()).containsOnlyKeys(A, B);
        assertThat(d.byAccount().get(B)).isEqualTo(perf(PortfolioNode.account(B)));
        assertThat(d.bySleeve()).containsOnlyKeys(GEN, REV);
        assertThat(d.bySleeve().get(GEN)).isEqualTo(perf(PortfolioNode.sleeveKind(GEN)));
        Performance period = analytics.report(PortfolioNode.account(A), RiskFreeRate.ZERO, LocalDate.parse("2031-03-04"),
                LocalDate.parse("2031-03-05")).orElseThrow().performance();
        assertThat(period.timeWeightedReturn()).isCloseTo(153_015.0 / 150_500 - 1, within(EPS));
    }

    @Test
    void newSnapshotsAreSeenOnTheNextCallWithoutBeingAsked() {
        assertThat(analytics.series(PortfolioNode.account(B)).orElseThrow().size()).isEqualTo(3);
        store.snapshot("acct-b", GEN, "2031-03-07", 215_000, -11_200);
        EquitySeries b = analytics.series(PortfolioNode.account(B)).orElseThrow();
        assertThat(b.size()).isEqualTo(4);
        assertThat(b.lastDate()).isEqualTo(LocalDate.parse("2031-03-07"));
        assertThat(analytics.dashboard(RiskFreeRate.ZERO).byAccount().get(B).endEquity()).isEqualTo(Money.ofDollars(215_000));
    }

    @Test
    void aComparisonRebasesToTheCommonStartAndPlacesTheBenchmarkOnTheSameDays() {
        PriceSeries spy = PriceSeries.of("SPY", new LocalDate[] {LocalDate.parse("2031-03-03"), LocalDate.parse("2031-03-04"),
                LocalDate.parse("2031-03-06")}, new double[] {400, 410, 405});
        AccountComparison c = analytics.compare(List.of(B, A), Optional.of(spy), RiskFreeRate.ZERO);
        assertThat(c.start()).isEqualTo(LocalDate.parse("2031-03-04"));
        assertThat(c.accounts()).extracting(AccountComparison.Compared::account).containsExactly(B, A);
        AccountComparison.Compared b = c.accounts().get(0);
        assertThat(b.name()).isEqualTo("Account acct-b");
        assertThat(b.normalised().values()).containsExactly(new double[] {100, 102, 102}, within(1e-9));
        AccountComparison.Compared a = c.accounts().get(1);
        // A from day 2: 150,500 -> 153,015 -> unchanged by the 20,000 that left
        assertThat(a.normalised().values()).containsExactly(new double[] {100, 100 * 153_015.0 / 150_500, 100 * 153_015.0 / 150_500}, within(1e-9));
        assertThat(a.performance().start()).isEqualTo(c.start());
        assertThat(a.drawdowns().values()).containsExactly(new double[] {0, 0, 0}, within(1e-12));
        // SPY has no close on day 3: the last close (410) stands
        assertThat(c.benchmark().orElseThrow().normalised().values()).containsExactly(new double[] {100, 100, 100 * 405.0 / 410}, within(1e-9));
        assertThat(c.benchmark().orElseThrow().totalReturn()).isCloseTo(405.0 / 410 - 1, within(1e-12));
    }

    @Test
    void aComparisonRefusesWhatCannotBeComparedAndNamesTheAccount() {
        assertThatThrownBy(() -> analytics.compare(List.of(), Optional.empty(), RiskFreeRate.ZERO)).hasMessageContaining("at least one account");
        assertThatThrownBy(() -> analytics.compare(List.of(A, new AccountId("ghost")), Optional.empty(), RiskFreeRate.ZERO))
                .hasMessageContaining("no account with id 'ghost'");
        assertThatThrownBy(() -> analytics.compare(List.of(A, A), Optional.empty(), RiskFreeRate.ZERO)).hasMessageContaining("chosen twice");
        store.account("acct-c");
        assertThatThrownBy(() -> analytics.compare(List.of(A, new AccountId("acct-c")), Optional.empty(), RiskFreeRate.ZERO))
                .hasMessageContaining("acct-c has no daily snapshot yet");
    }

    @Test
    void tradeFiguresComeFromTheLedgerSleeveBySleeve() {
        Instant t = Instant.parse("2031-03-04T15:00:00Z");
        String put = "TSLA  310307P00200000";
        String call = "AAPL  310307C00150000";
        String put2 = "AAPL  310307P00140000";
        store.entries("acct-a", List.of(
                // Gen-Acc: 2 puts sold for $600, $2 commission, both assigned at 200
                new NewEntry(t, GEN, EntryKind.SELL_TO_OPEN, put, -2, Money.ofCents(300), Money.ofDollars(600), "f1", ""),
                new NewEntry(t, GEN, EntryKind.COMMISSION, put, 0, Money.ZERO, Money.ofDollars(-2), "f1", ""),
                new NewEntry(t.plusSeconds(86_400 * 3), GEN, EntryKind.ASSIGNMENT, "TSLA", 200, Money.ofDollars(200), Money.ofDollars(-40_000), "x1", ""),
                // Rev-Acc: a call sold for $150 and bought back for $200 (a loss), a put sold for $80 that expired
                new NewEntry(t, REV, EntryKind.SELL_TO_OPEN, call, -1, Money.ofCents(150), Money.ofDollars(150), "f2", ""),
                new NewEntry(t.plusSeconds(86_400), REV, EntryKind.BUY_TO_CLOSE, call, 1, Money.ofCents(200), Money.ofDollars(-200), "f3", ""),
                new NewEntry(t, REV, EntryKind.SELL_TO_OPEN, put2, -1, Money.ofCents(80), Money.ofDollars(80), "f4", ""),
                new NewEntry(t.plusSeconds(86_400 * 3), REV, EntryKind.EXPIRATION, put2, 1, Money.ZERO, Money.ZERO, "x2", "")));
        TradeStatistics gen = analytics.trades(PortfolioNode.sleeve(A, GEN), UnitMarks.AT_COST);
        assertThat(gen.closedTrades()).isEqualTo(1);
        assertThat(gen.assigned()).isEqualTo(1);
        assertThat(gen.premiumCollected()).isEqualTo(Money.ofDollars(600));
        assertThat(gen.realizedPnl()).isEqualTo(Money.ofDollars(598));
        TradeStatistics rev = analytics.trades(PortfolioNode.sleeve(A, REV), UnitMarks.AT_COST);
        assertThat(rev.closedTrades()).isEqualTo(2);
        assertThat(rev.wins()).isEqualTo(1);
        assertThat(rev.expired()).isEqualTo(1);
        assertThat(rev.realizedPnl()).isEqualTo(Money.ofDollars(150 - 200 + 80));
        TradeStatistics all = analytics.trades(PortfolioNode.whole(), UnitMarks.AT_COST);
        assertThat(all.closedTrades()).isEqualTo(3);
        assertThat(all.winRate().orElseThrow()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(all.assignmentRate().orElseThrow()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(analytics.trades(PortfolioNode.account(B), UnitMarks.AT_COST).closedTrades()).isZero();
    }
}
