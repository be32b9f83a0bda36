package io.alluse.analytics.series;

import io.alluse.analytics.Points;
import io.alluse.analytics.metrics.Irr;
import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.metrics.Returns;
import io.alluse.analytics.metrics.RiskFreeRate;
import io.alluse.domain.AccountId;
import io.alluse.domain.SleeveKind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.alluse.analytics.Points.dollars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The failures other tools show: an account that starts later, or money added mid-way, read as
 * performance. Each test here would catch one of them.
 */
class AggregationTest {

    /**
     * Both accounts earn 10% a period. B starts a period later with ten times A's capital. Summing
     * equity naively gives 100,000 -> 1,343,100 (+1243%); the aggregate must show 1.1^3 - 1 = 33.1%,
     * the same as A, with B's 1,000,000 booked as an inflow on its first day.
     */
    @Test
    void aLaterAccountWithMoreCapitalIsNotPerformance() {
        EquitySeries a = Points.start()
                .day("2020-01-02", "100000.00").day("2021-01-04", "110000.00")
                .day("2022-01-03", "121000.00").day("2023-01-03", "133100.00").build();
        EquitySeries b = Points.start()
                .day("2021-01-04", "1000000.00").day("2022-01-03", "1100000.00").day("2023-01-03", "1210000.00").build();

        EquitySeries all = Aggregation.combine(List.of(a, b));

        assertThat(all.equity(1)).isEqualTo(dollars("1110000.00"));
        assertThat(all.flow(1)).isEqualTo(dollars("1000000.00"));
        assertThat(Returns.timeWeighted(all)).isCloseTo(0.331, within(1e-12));
        assertThat(Returns.timeWeighted(a)).isCloseTo(0.331, within(1e-12));
        // over B's life, the aggregate earned what B earned
        assertThat(Returns.timeWeighted(all.between(LocalDate.of(2021, 1, 4), LocalDate.of(2023, 1, 3)).orElseThrow()))
                .isCloseTo(Returns.timeWeighted(b), within(1e-12));
    }

    /** Two flat accounts, the second a year later and larger: the aggregate is flat, 0%. */
    @Test
    void flatAccountsStartingAtDifferentTimesStayFlat() {
        EquitySeries a = Points.start()
                .day("2023-01-03", "500000.00").day("2024-01-02", "500000.00").day("2024-01-03", "500000.00").build();
        EquitySeries b = Points.start()
                .day("2024-01-02", "750000.00").day("2024-01-03", "750000.00").build();

        Performance p = Performance.of(Aggregation.combine(List.of(a, b)), RiskFreeRate.ZERO);

        assertThat(p.timeWeightedReturn()).isZero();
        assertThat(p.profit()).isEqualTo(dollars("0"));
        assertThat(p.maxDrawdown()).isEmpty();
        assertThat(p.moneyWeightedReturn().asOptional().getAsDouble()).isCloseTo(0.0, within(1e-12));
    }

    /**
     * A gains 10% on day 1; B receives a $50,000 deposit on day 2. Day 1: 200,000 -> 210,000 = +5%;
     * day 2: (260,000 - 50,000) / 210,000 = 0%. The deposit must not show as a gain.
     */
    @Test
    void aGainInOneAccountPlusADepositInAnotherIsOnlyTheGain() {
        EquitySeries a = Points.start()
                .day("2024-03-04", "100000.00").day("2024-03-05", "110000.00")
                .day("2024-03-06", "110000.00").day("2024-03-07", "110000.00").build();
        EquitySeries b = Points.start()
                .day("2024-03-04", "100000.00").day("2024-03-05", "100000.00")
                .day("2024-03-06", "150000.00", "+50000.00").day("2024-03-07", "150000.00").build();

        Performance p = Performance.of(Aggregation.combine(List.of(a, b)), RiskFreeRate.ZERO);

        assertThat(p.timeWeightedReturn()).isCloseTo(0.05, within(1e-15));
        assertThat(p.profit()).isEqualTo(dollars("10000.00"));
        assertThat(p.netFlows()).isEqualTo(dollars("50000.00"));
    }

    /**
     * An account that ends early leaves as a withdrawal of its last equity at the end of its last day,
     * after that day's move. A gains 10% on its last day and leaves; B is flat, then earns 1%.
     * Day 2: (110,000 + 100,000 - 0 flow before the exit) / 200,000 = +5%; day 3: B alone, +1%.
     */
    @Test
    void anAccountThatEndsLeavesAsAnOutflow() {
        EquitySeries a = Points.start()
                .day("2024-03-04", "100000.00").day("2024-03-05", "110000.00").build();
        EquitySeries b = Points.start()
                .day("2024-03-04", "100000.00").day("2024-03-05", "100000.00").day("2024-03-06", "101000.00").build();

        EquitySeries all = Aggregation.combine(List.of(a, b));

        assertThat(all.equity(1)).isEqualTo(dollars("100000.00"));
        assertThat(all.flow(1)).isEqualTo(dollars("-110000.00"));
        assertThat(all.flow(2)).isEqualTo(dollars("0"));
        assertThat(Returns.timeWeighted(all)).isCloseTo(1.05 * 1.01 - 1, within(1e-15));
    }

    /** A closed account whose last point is zero after withdrawing everything leaves nothing behind. */
    @Test
    void aProperlyClosedAccountLeavesNoExtraFlow() {
        EquitySeries a = Points.start()
                .day("2024-03-04", "100000.00").day("2024-03-05", "0.00", "-100000.00").build();
        EquitySeries b = Points.start()
                .day("2024-03-04", "100000.00").day("2024-03-05", "100000.00").day("2024-03-06", "101000.00").build();

        EquitySeries all = Aggregation.combine(List.of(a, b));

        assertThat(all.flow(2)).isEqualTo(dollars("0"));
        assertThat(Returns.timeWeighted(all)).isCloseTo(0.01, within(1e-15));
    }

    /** $30,000 moved from A to B on the same day nets out: no flow for the whole. */
    @Test
    void aTransferBetweenOurAccountsNetsOut() {
        EquitySeries a = Points.start()
                .day("2024-03-04", "100000.00").day("2024-03-05", "72000.00", "-30000.00").build();
        EquitySeries b = Points.start()
                .day("2024-03-04", "100000.00").day("2024-03-05", "132000.00", "+30000.00").build();

        EquitySeries all = Aggregation.combine(List.of(a, b));

        assertThat(all.flow(1)).isEqualTo(dollars("0"));
        // A: 70,000 -> 72,000... before the transfer A was 102,000 (+2%), B 102,000 (+2%)
        assertThat(Returns.timeWeighted(all)).isCloseTo(0.02, within(1e-15));
    }

    /** A gap inside one account's life carries its last equity: the move shows up on its next point. */
    @Test
    void aMissingDayCarriesTheLastEquity() {
        EquitySeries a = Points.start()
                .day("2024-03-04", "100.00").day("2024-03-05", "100.00").day("2024-03-06", "100.00").build();
        EquitySeries b = Points.start()
                .day("2024-03-04", "100.00").day("2024-03-06", "110.00").build();

        EquitySeries all = Aggregation.combine(List.of(a, b));

        assertThat(all.equity(1)).isEqualTo(dollars("200.00"));
        assertThat(all.equity(2)).isEqualTo(dollars("210.00"));
        assertThat(Returns.timeWeighted(all)).isCloseTo(0.05, within(1e-15));
    }

    /**
     * The aggregate's money-weighted return is the XIRR of everyone's own cash flows pooled: A puts in
     * 100,000 on 2021-01-01, B 50,000 on 2021-07-01 and 20,000 more on 2022-01-01; at 2023-01-01 A is
     * worth 125,000 and B 80,000. Pooled flows: -100,000, -50,000, -20,000, +205,000.
     */
    @Test
    void aggregateIrrIsTheIrrOfThePooledFlows() {
        EquitySeries a = Points.start()
                .day("2021-01-01", "100000.00").day("2021-07-01", "104000.00").day("2022-01-01", "112000.00")
                .day("2023-01-01", "125000.00").build();
        EquitySeries b = Points.start()
                .day("2021-07-01", "50000.00").day("2022-01-01", "72000.00", "+20000.00")
                .day("2023-01-01", "80000.00").build();

        double pooled = Irr.xirr(
                new LocalDate[]{LocalDate.of(2021, 1, 1), LocalDate.of(2021, 7, 1), LocalDate.of(2022, 1, 1), LocalDate.of(2023, 1, 1)},
                new double[]{-100_000, -50_000, -20_000, 205_000}).annualRate().getAsDouble();

        assertThat(Irr.moneyWeighted(Aggregation.combine(List.of(a, b))).annualRate().getAsDouble())
                .isCloseTo(pooled, within(1e-12));
    }

    @Test
    void groupsSleevesByAccountAndByKind() {
        AccountId one = new AccountId("account-1");
        AccountId two = new AccountId("account-2");
        EquitySeries small = Points.start().day("2024-03-04", "100.00").day("2024-03-05", "110.00").build();
        EquitySeries large = Points.start().day("2024-03-04", "300.00").day("2024-03-05", "300.00").build();
        List<SleeveSeries> sleeves = List.of(
                new SleeveSeries(one, SleeveKind.GEN, small), new SleeveSeries(one, SleeveKind.COM, large),
                new SleeveSeries(two, SleeveKind.GEN, large));

        Map<AccountId, EquitySeries> byAccount = Aggregation.byAccount(sleeves);
        Map<SleeveKind, EquitySeries> bySleeve = Aggregation.bySleeve(sleeves);

        assertThat(byAccount.keySet()).containsExactly(one, two);
        assertThat(byAccount.get(one).equity(1)).isEqualTo(dollars("410.00"));
        assertThat(byAccount.get(two)).isEqualTo(large);
        assertThat(bySleeve.keySet()).containsExactly(SleeveKind.GEN, SleeveKind.COM);
        assertThat(bySleeve.get(SleeveKind.GEN).equity(1)).isEqualTo(dollars("410.00"));
        assertThat(Aggregation.total(sleeves).equity(1)).isEqualTo(dollars("710.00"));
    }

    @Test
    void theSameSleeveTwiceIsRefused() {
        AccountId one = new AccountId("account-1");
        EquitySeries s = Points.start().day("2024-03-04", "100.00").build();

        assertThatThrownBy(() -> Aggregation.total(List.of(new SleeveSeries(one, SleeveKind.GEN, s), new SleeveSeries(one, SleeveKind.GEN, s))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account-1 Gen-Acc is given twice");
        assertThatThrownBy(() -> Aggregation.combine(List.of())).hasMessageContaining("at least one");
    }

    @Property(tries = 300)
    void theAggregateOfOneSeriesIsThatSeries(@ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = -0.08, max = 0.08) Double> returns,
                                             @ForAll @Size(min = 60, max = 60) List<@IntRange(min = -3, max = 6) Integer> flows,
                                             @ForAll @LongRange(min = 0, max = 1_000_000_00L) long opening) {
        EquitySeries s = walk(LocalDate.of(2020, 1, 2), opening, returns, flows);

        assertThat(Aggregation.combine(List.of(s))).isEqualTo(s);
    }

    /**
     * Accounts that all earn the same daily returns, whatever their size, start date, end date and
     * deposits, combine into a series that earns those returns too. The accounts' cents rounding adds
     * at most about a cent per account-day of error, bounded as in ReturnsTest.
     */
    @Property(tries = 200)
    void accountsWithTheSameReturnsAggregateToThoseReturns(
            @ForAll @Size(min = 5, max = 60) List<@DoubleRange(min = -0.05, max = 0.05) Double> market,
            @ForAll @Size(min = 3, max = 3) List<@IntRange(min = 0, max = 59) Integer> starts,
            @ForAll @Size(min = 3, max = 3) List<@IntRange(min = 0, max = 59) Integer> lengths,
            @ForAll @Size(min = 3, max = 3) List<@LongRange(min = 10_000_00, max = 5_000_000_00L) Long> openings,
            @ForAll @Size(min = 60, max = 60) List<@IntRange(min = -3, max = 6) Integer> flows) {
        int days = market.size() + 1;
        LocalDate first = LocalDate.of(2020, 1, 2);
        LocalDate[] calendar = new LocalDate[days];
        calendar[0] = first;
        for (int i = 1; i < days; i++) {
            calendar[i] = calendar[i - 1].plusDays(1);
        }
        // account 0 spans everything so the aggregate covers every market day
        List<EquitySeries> accounts = new java.util.ArrayList<>();
        double bound = 0;
        for (int k = 0; k < 3; k++) {
            int start = k == 0 ? 0 : Math.min(starts.get(k), days - 1);
            int end = k == 0 ? days - 1 : Math.min(days - 1, start + lengths.get(k));
            EquitySeries s = walk(calendar[start], openings.get(k), market.subList(start, end), flows);
            accounts.add(s);
            for (int i = 0; i < s.size() - 1; i++) {
                bound += 1.0 / Math.max(1, s.equityCents(i));
            }
        }
        EquitySeries all = Aggregation.combine(accounts);

        double expected = 1;
        for (double r : market) {
            expected *= 1 + r;
        }
        expected -= 1;
        assertThat(all.size()).isEqualTo(days);
        assertThat(Returns.timeWeighted(all)).isCloseTo(expected, within((1 + Math.abs(expected)) * bound * 2 + 1e-12));
    }

    @Property(tries = 100)
    void theOrderOfThePartsDoesNotMatter(@ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -0.05, max = 0.05) Double> r1,
                                         @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -0.05, max = 0.05) Double> r2,
                                         @ForAll @IntRange(min = 0, max = 40) int offset,
                                         @ForAll @Size(min = 60, max = 60) List<@IntRange(min = -3, max = 6) Integer> flows) {
        EquitySeries a = walk(LocalDate.of(2020, 1, 2), 100_000_00, r1, flows);
        EquitySeries b = walk(LocalDate.of(2020, 1, 2).plusDays(offset), 250_000_00, r2, flows);

        assertThat(Aggregation.combine(List.of(a, b))).isEqualTo(Aggregation.combine(List.of(b, a)));
    }

    /** Daily points from {@code start}, equity following {@code returns}, a flow every third day. */
    private static EquitySeries walk(LocalDate start, long opening, List<Double> returns, List<Integer> flows) {
        EquitySeries.Builder b = EquitySeries.builder();
        LocalDate day = start;
        long equity = opening;
        b.add(day, equity, 0);
        for (int i = 0; i < returns.size(); i++) {
            day = day.plusDays(1);
            long grown = Math.round(equity * (1.0 + returns.get(i)));
            long flow = i % 3 == 2 ? grown * flows.get(i) / 10 : 0;
            equity = grown + flow;
            b.add(day, equity, flow);
        }
        return b.build();
    }
}
