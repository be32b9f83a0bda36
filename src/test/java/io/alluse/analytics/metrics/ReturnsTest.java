package io.alluse.analytics.metrics;

import io.alluse.analytics.Points;
import io.alluse.analytics.series.EquitySeries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReturnsTest {

    /**
     * CFA Institute, CFA Program Level I, "Discounted Cash Flow Applications", LOS "calculate and compare
     * the money-weighted and time-weighted rates of return" (the worked example in the Schweser notes
     * and discussed at analystforum.com/forums/cfa-forums/cfa-level-i-forum/91363351):
     * an investor buys one share at t=0 for $100, buys a second at the end of year 1 for $120 and sells
     * both at the end of year 2 for $130 each; the stock pays $2 per share at the end of each year.
     * Published answer: holding-period returns 22% and 10%, annual time-weighted return
     * sqrt(1.22 x 1.10) - 1 = 15.84%.
     *
     * As our series (dividends paid out to the investor are withdrawals; the second share is a deposit):
     * end of year 1: value before flows 120 + 2 = 122, flows -2 + 120 = +118, equity after = 240;
     * end of year 2: value 260 + 4 = 264, dividend paid out -4, equity after = 260.
     * The years are 365 days each (2021 and 2022 have no leap day) so the annualisation is exact.
     */
    @Test
    void cfaLevelOneTimeWeightedExample() {
        EquitySeries s = Points.start()
                .day("2021-01-01", "100.00")
                .day("2022-01-01", "240.00", "+118.00")
                .day("2023-01-01", "260.00", "-4.00")
                .build();

        double[] r = Returns.daily(s);
        assertThat(r[1]).isCloseTo(0.22, within(1e-15));
        assertThat(r[2]).isCloseTo(0.10, within(1e-15));
        assertThat(Returns.timeWeighted(s)).isCloseTo(1.22 * 1.10 - 1, within(1e-15));
        assertThat(Returns.cagr(s).getAsDouble()).isCloseTo(0.1584, within(0.00005));
    }

    /** Deposits are not gains: +50% in value but all of it deposited is 0%. */
    @Test
    void aDepositIsNotAGain() {
        EquitySeries s = Points.start()
                .day("2024-01-02", "1000.00")
                .day("2024-01-03", "1500.00", "+500.00")
                .day("2024-01-04", "1000.00", "-500.00")
                .build();

        assertThat(Returns.timeWeighted(s)).isZero();
    }

    /** 100 -> 110 (+10%), withdraw 55 -> 55, then 55 -> 49.50 (-10%): linked 1.1 x 0.9 - 1 = -1%. */
    @Test
    void linksDailyReturnsAroundAWithdrawal() {
        EquitySeries s = Points.start()
                .day("2024-01-02", "100.00")
                .day("2024-01-03", "110.00")
                .day("2024-01-04", "55.00", "-55.00")
                .day("2024-01-05", "49.50")
                .build();

        assertThat(Returns.daily(s)).containsExactly(Double.NaN, 0.1, 0.0, -0.1);
        assertThat(Returns.timeWeighted(s)).isCloseTo(-0.01, within(1e-15));
    }

    /** An empty sleeve earns nothing until it is funded; its first funded day is not a gain either. */
    @Test
    void daysWithoutCapitalAreNotMeasured() {
        EquitySeries s = Points.start()
                .day("2024-01-02", "0.00")
                .day("2024-01-03", "0.00")
                .day("2024-01-04", "1000.00", "+1000.00")
                .day("2024-01-05", "1100.00")
                .build();

        double[] r = Returns.daily(s);
        assertThat(r[1]).isNaN();
        assertThat(r[2]).isNaN();
        assertThat(r[3]).isCloseTo(0.1, within(1e-15));
        assertThat(Returns.growthIndex(s)).containsExactly(1.0, 1.0, 1.0, 1.1);
    }

    @Test
    void annualisesOverCalendarDaysOf365() {
        // +21% over exactly two 365-day years is 10% a year
        assertThat(Returns.annualise(0.21, 730).getAsDouble()).isCloseTo(0.10, within(1e-12));
        assertThat(Returns.annualise(0.21, 0)).isEmpty();
        assertThat(Returns.annualise(-1.2, 100).getAsDouble()).isEqualTo(-1.0);
    }

    /**
     * Independent formulation: the classic sub-period method (GIPS "true time-weighted return"), valuing
     * the portfolio only just before each flow, linking the sub-period returns, in BigDecimal. Daily
     * linking must agree with it, since days without flows chain to the same ratio.
     */
    @Property(tries = 300)
    void dailyLinkingEqualsSubPeriodLinking(@ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = -0.08, max = 0.08) Double> returns,
                                            @ForAll @Size(min = 60, max = 60) List<@IntRange(min = -3, max = 6) Integer> flowSizes,
                                            @ForAll @LongRange(min = 100_00, max = 10_000_000_00L) long opening) {
        EquitySeries s = randomWalk(opening, returns, flowSizes);

        BigDecimal growth = BigDecimal.ONE;
        BigDecimal subPeriodStart = BigDecimal.valueOf(s.equityCents(0));
        for (int i = 1; i < s.size(); i++) {
            long flow = s.flowCents(i);
            if (flow != 0 || i == s.size() - 1) {
                BigDecimal beforeFlow = BigDecimal.valueOf(s.equityCents(i) - flow);
                growth = growth.multiply(beforeFlow.divide(subPeriodStart, MathContext.DECIMAL128));
                subPeriodStart = BigDecimal.valueOf(s.equityCents(i));
            }
        }
        double reference = growth.subtract(BigDecimal.ONE).doubleValue();

        assertThat(Returns.timeWeighted(s)).isCloseTo(reference, within(1e-12 * (1 + Math.abs(reference))));
    }

    /** Scaling equity and flows by a constant changes no return. */
    @Property(tries = 300)
    void scaledSeriesHasTheSameReturn(@ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = -0.08, max = 0.08) Double> returns,
                                      @ForAll @Size(min = 60, max = 60) List<@IntRange(min = -3, max = 6) Integer> flowSizes,
                                      @ForAll @LongRange(min = 100_00, max = 1_000_000_00L) long opening,
                                      @ForAll @IntRange(min = 2, max = 1000) int factor) {
        EquitySeries s = randomWalk(opening, returns, flowSizes);
        long[] equity = new long[s.size()];
        long[] flow = new long[s.size()];
        int[] days = new int[s.size()];
        for (int i = 0; i < s.size(); i++) {
            days[i] = s.epochDay(i);
            equity[i] = s.equityCents(i) * factor;
            flow[i] = s.flowCents(i) * factor;
        }
        EquitySeries scaled = EquitySeries.ofEpochDays(days, equity, flow);

        assertThat(Returns.timeWeighted(scaled)).isCloseTo(Returns.timeWeighted(s), within(1e-12));
    }

    /**
     * Adding a deposit on day k that then earns exactly what the rest earns leaves the time-weighted
     * return unchanged. The deposit's track is rounded to cents each day, so each day's combined return
     * may move by at most about one cent over the equity; the bound below adds that up.
     */
    @Property(tries = 300)
    void depositEarningTheSameReturnDoesNotChangeTwr(@ForAll @Size(min = 3, max = 60) List<@DoubleRange(min = -0.08, max = 0.08) Double> returns,
                                                     @ForAll @LongRange(min = 10_000_00, max = 1_000_000_00L) long opening,
                                                     @ForAll @LongRange(min = 1_00, max = 10_000_000_00L) long deposit,
                                                     @ForAll @IntRange(min = 1, max = 58) int depositDay) {
        EquitySeries base = randomWalk(opening, returns, List.of());
        int k = Math.min(depositDay, base.size() - 1);
        int n = base.size();
        int[] days = new int[n];
        long[] equity = new long[n];
        long[] flow = new long[n];
        long track = 0;
        double bound = 0;
        for (int i = 0; i < n; i++) {
            days[i] = base.epochDay(i);
            if (i == k) {
                track = deposit;
                flow[i] = deposit;
            } else if (i > k) {
                // the deposit moves with the base's realised return of the day
                track = Math.round((double) track * base.equityCents(i) / base.equityCents(i - 1));
            }
            equity[i] = base.equityCents(i) + track;
            if (i > 0) {
                bound += 1.0 / equity[i - 1];
            }
        }
        EquitySeries withDeposit = EquitySeries.ofEpochDays(days, equity, flow);

        double expected = Returns.timeWeighted(base);
        assertThat(Returns.timeWeighted(withDeposit)).isCloseTo(expected, within((1 + Math.abs(expected)) * bound + 1e-12));
    }

    /**
     * Equity that follows {@code returns} day by day (rounded to cents), with a flow on some days:
     * flowSizes[i] is the flow of day i+1 in tenths of the previous equity (negative: withdrawal),
     * kept small enough never to empty the account.
     */
    static EquitySeries randomWalk(long opening, List<Double> returns, List<Integer> flowSizes) {
        EquitySeries.Builder b = EquitySeries.builder();
        LocalDate day = LocalDate.of(2020, 1, 2);
        long equity = opening;
        b.add(day, equity, 0);
        for (int i = 0; i < returns.size(); i++) {
            day = nextWeekday(day);
            long grown = Math.round(equity * (1.0 + returns.get(i)));
            long flow = 0;
            if (i < flowSizes.size() && i % 3 == 0) {
                flow = grown * flowSizes.get(i) / 10;
            }
            equity = grown + flow;
            b.add(day, equity, flow);
        }
        return b.build();
    }

    static LocalDate nextWeekday(LocalDate d) {
        LocalDate next = d.plusDays(1);
        while (next.getDayOfWeek().getValue() > 5) {
            next = next.plusDays(1);
        }
        return next;
    }
}
