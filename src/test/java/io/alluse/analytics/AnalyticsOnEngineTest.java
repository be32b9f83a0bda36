package io.alluse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.metrics.RiskFreeRate;
import io.alluse.analytics.tax.RealizedGain;
import io.alluse.analytics.tax.RealizedGains;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.Position;
import io.alluse.engine.EngineFixtureAccess;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service and the gains report over ledgers the real engine wrote: five weeks of two default
 * accounts on the paper broker and the seeded market, checked against simpler computations written
 * out here (a plain loop over the snapshots, cash conservation, the engine's own positions).
 */
class AnalyticsOnEngineTest {

    @TempDir
    static Path dir;
    static AnalyticsStore store;
    static Set<AccountId> ids;

    /** Cash that is not trading: it moves capital, it does not buy or sell anything. */
    private static final Set<EntryKind> NOT_TRADING = EnumSet.of(EntryKind.DEPOSIT, EntryKind.WITHDRAWAL, EntryKind.SLEEVE_TRANSFER,
            EntryKind.ADJUSTMENT);

    @BeforeAll
    static void runTheEngine() throws Exception {
        ids = EngineFixtureAccess.runEngine(dir, 7, 2, Duration.ofDays(35)).keySet();
        store = new AnalyticsStore(dir);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void anAccountsTimeWeightedReturnIsThatOfAPlainLoopOverItsSnapshots() {
        PortfolioAnalytics analytics = store.analytics();
        for (AccountId id : ids) {
            Map<LocalDate, long[]> days = new TreeMap<>();
            for (EquitySnapshot s : store.ledgers.forAccount(id).snapshots()) {
                long[] day = days.computeIfAbsent(s.day(), d -> new long[2]);
                day[0] += s.equity().cents();
                day[1] += s.flow().cents();
            }
            assertThat(days).as("the engine wrote snapshots").hasSizeGreaterThan(20);
            double growth = 1;
            long[] previous = null;
            for (long[] day : days.values()) {
                if (previous != null) {
                    growth *= (double) (day[0] - day[1]) / previous[0];
                }
                previous = day;
            }
            Performance p = analytics.report(PortfolioNode.account(id), RiskFreeRate.ZERO).orElseThrow().performance();
            assertThat(p.timeWeightedReturn()).as(id.value()).isCloseTo(growth - 1, within(1e-12));
            assertThat(p.endEquity().cents()).isEqualTo(previous[0]);
        }
        Performance whole = analytics.report(PortfolioNode.whole(), RiskFreeRate.ZERO).orElseThrow().performance();
        Money profits = ids.stream().map(id -> analytics.report(PortfolioNode.account(id), RiskFreeRate.ZERO).orElseThrow().performance().profit())
                .reduce(Money.ZERO, Money::plus);
        assertThat(whole.profit()).isEqualTo(profits);
        assertThat(analytics.trades(PortfolioNode.whole(), UnitMarks.AT_COST).closedTrades()).as("five weeks of weekly options closed some").isPositive();
    }

    @Test
    void theRunAssignedPutsSoThePremiumIntoBasisRuleIsExercised() {
        assertThat(ids.stream().flatMap(id -> store.ledgers.forAccount(id).entries().stream()).map(LedgerEntry::kind))
                .contains(EntryKind.ASSIGNMENT, EntryKind.EXPIRATION, EntryKind.SELL_TO_OPEN);
    }

    @Test
    void everyCentTradedIsEitherARealizedGainOrInALotStillOpenAndTheOpenLotsAreTheEnginesPositions() {
        for (AccountId id : ids) {
            List<LedgerEntry> entries = store.ledgers.forAccount(id).entries();
            long traded = entries.stream().filter(e -> !NOT_TRADING.contains(e.kind())).mapToLong(e -> e.amount().cents()).sum();
            RealizedGains.Result result = RealizedGains.of(id, entries);
            assertThat(result.warnings()).isEmpty();
            long realized = result.gains().stream().mapToLong(g -> g.gain().cents()).sum();
            long open = result.open().stream().mapToLong(l -> l.cost().cents()).sum();
            assertThat(traded).as("%s: traded cash = realized gains - cost of what is still open", id).isEqualTo(realized - open);
            assertThat(result.gains()).as("the run closed lots").isNotEmpty();
            assertThat(result.gains()).allSatisfy(g -> assertThat(g.term()).isEqualTo(RealizedGain.Term.SHORT));

            Map<String, Long> lots = result.open().stream().collect(Collectors.groupingBy(RealizedGains.OpenLot::instrument, TreeMap::new,
                    Collectors.summingLong(RealizedGains.OpenLot::quantity)));
            Map<String, Long> positions = store.ledgers.forAccount(id).positions().stream().collect(Collectors.groupingBy(
                    p -> p.instrument().code(), TreeMap::new, Collectors.summingLong(Position::quantity)));
            assertThat(lots).as("%s open lots", id).isEqualTo(positions);
        }
    }
}
