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

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class IrrTest {

    private static final LocalDate[] MICROSOFT_DATES = {
            LocalDate.of(2008, 1, 1), LocalDate.of(2008, 3, 1), LocalDate.of(2008, 10, 30),
            LocalDate.of(2009, 2, 15), LocalDate.of(2009, 4, 1)};

    /**
     * Microsoft Support, "XIRR function" (support.microsoft.com/office/xirr-function): the example
     * sheet's =XIRR(A3:A7, B3:B7, 0.1) returns 0.373362535 (37.34%). The same page says Excel iterates
     * until the result is accurate within 0.000001 percent, i.e. about 4e-9 on this rate; the exact root
     * is 0.3733625335..., which Excel's figure matches to that accuracy.
     */
    @Test
    void microsoftXirrExample() {
        IrrResult r = Irr.xirr(MICROSOFT_DATES, new double[]{-10000, 2750, 4250, 3250, 2750});

        assertThat(r).isInstanceOf(IrrResult.Rate.class);
        assertThat(r.annualRate().getAsDouble()).isCloseTo(0.373362535, within(0.373362535 * 1e-8));
    }

    /**
     * The same cash flows seen as an account: $10,000 at the opening, the three middle amounts
     * withdrawn and $2,750 left at the end. The equity in between does not matter to the IRR.
     */
    @Test
    void microsoftExampleAsAnAccount() {
        EquitySeries s = Points.start()
                .day("2008-01-01", "10000.00")
                .day("2008-03-01", "8000.00", "-2750.00")
                .day("2008-10-30", "4500.00", "-4250.00")
                .day("2009-02-15", "2600.00", "-3250.00")
                .day("2009-04-01", "2750.00")
                .build();

        assertThat(Irr.moneyWeighted(s).annualRate().getAsDouble()).isCloseTo(0.373362535, within(0.373362535 * 1e-8));
    }

    /**
     * CFA Level I example (see {@link ReturnsTest#cfaLevelOneTimeWeightedExample}): cash flows -100 at
     * t=0, -120 + 2 = -118 at t=1, 2 x (130 + 2) = 264 at t=2; published money-weighted return 13.86%.
     */
    @Test
    void cfaLevelOneMoneyWeightedExample() {
        EquitySeries s = Points.start()
                .day("2021-01-01", "100.00")
                .day("2022-01-01", "240.00", "+118.00")
                .day("2023-01-01", "260.00", "-4.00")
                .build();

        assertThat(Irr.moneyWeighted(s).annualRate().getAsDouble()).isCloseTo(0.1386, within(0.00005));
    }

    @Test
    void flowsInOneDirectionHaveNoRate() {
        IrrResult r = Irr.xirr(new LocalDate[]{LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 1)}, new double[]{-100, -50});

        assertThat(r).isInstanceOf(IrrResult.NoSolution.class);
        assertThat(((IrrResult.NoSolution) r).reason()).contains("only money put in");
        assertThat(r.annualRate()).isEmpty();
    }

    @Test
    void aWipedOutAccountHasNoRate() {
        EquitySeries s = Points.start().day("2024-01-02", "1000.00").day("2025-01-02", "0.00").build();

        assertThat(Irr.moneyWeighted(s)).isInstanceOf(IrrResult.NoSolution.class);
    }

    @Test
    void aSingleDayHasNoRate() {
        EquitySeries s = Points.start().day("2024-01-02", "1000.00").build();

        assertThat(Irr.moneyWeighted(s)).isInstanceOf(IrrResult.NoSolution.class);
    }

    /** -100 now, +230 in a year, -132 in two years: roots at 10% and 20%; the one nearer 0% is returned. */
    @Test
    void ofTwoRatesReturnsTheOneNearerZero() {
        LocalDate[] dates = {LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1), LocalDate.of(2023, 1, 1)};

        IrrResult r = Irr.xirr(dates, new double[]{-100, 230, -132});

        assertThat(r.annualRate().getAsDouble()).isCloseTo(0.10, within(1e-12));
    }

    @Test
    void aTotalLossIsCloseToMinusHundredPercent() {
        // $1,000,000 down to one cent in a year
        IrrResult r = Irr.xirr(new LocalDate[]{LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1)}, new double[]{-1e6, 0.01});

        assertThat(r.annualRate().getAsDouble()).isCloseTo(-0.99999999, within(1e-12));
    }

    @Test
    void badInputIsRejectedWithTheField() {
        LocalDate[] dates = {LocalDate.of(2021, 1, 1), LocalDate.of(2020, 1, 1)};
        assertThatThrownBy(() -> Irr.xirr(dates, new double[]{-1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dates[1]").hasMessageContaining("earliest");
        assertThatThrownBy(() -> Irr.xirr(MICROSOFT_DATES, new double[]{-1, 2}))
                .hasMessageContaining("5 dates and 2 amounts");
        assertThatThrownBy(() -> Irr.xirr(new LocalDate[]{LocalDate.of(2021, 1, 1), LocalDate.of(2021, 2, 1)}, new double[]{-1, Double.NaN}))
                .hasMessageContaining("amounts[1]");
    }

    /**
     * Whatever rate is found, it must discount the flows to zero (checked independently of the solver).
     * Rates within a few percent of -100% are skipped: there 1 + r keeps too few digits in a double
     * for the discounted sum to be checked this way (the solver itself works on ln(1 + r)).
     */
    @Property(tries = 500)
    void theRateFoundBalancesTheFlows(@ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = -5000, max = 5000) Double> middle,
                                      @ForAll @Size(min = 13, max = 13) List<@IntRange(min = 1, max = 400) Integer> gaps,
                                      @ForAll @DoubleRange(min = 100, max = 100000) double invested,
                                      @ForAll @DoubleRange(min = 0, max = 300000) double finalValue) {
        int n = middle.size() + 2;
        LocalDate[] dates = new LocalDate[n];
        double[] amounts = new double[n];
        dates[0] = LocalDate.of(2015, 3, 2);
        amounts[0] = -invested;
        for (int i = 1; i < n; i++) {
            dates[i] = dates[i - 1].plusDays(gaps.get(i - 1));
            amounts[i] = i < n - 1 ? middle.get(i - 1) : finalValue;
        }

        IrrResult result = Irr.xirr(dates, amounts);

        if (result instanceof IrrResult.Rate(double rate) && rate > -0.95) {
            double npv = 0;
            double gross = 0;
            for (int i = 0; i < n; i++) {
                double t = (dates[i].toEpochDay() - dates[0].toEpochDay()) / 365.0;
                double pv = amounts[i] / Math.pow(1 + rate, t);
                npv += pv;
                gross += Math.abs(pv);
            }
            assertThat(Math.abs(npv)).isLessThanOrEqualTo(1e-9 * gross);
        }
    }

    /** Without flows the money-weighted and the time-weighted annual rates are the same number. */
    @Property(tries = 300)
    void withoutFlowsIrrEqualsCagr(@ForAll @Size(min = 1, max = 80) List<@DoubleRange(min = -0.06, max = 0.06) Double> returns,
                                   @ForAll @LongRange(min = 1_000_00, max = 10_000_000_00L) long opening) {
        EquitySeries s = ReturnsTest.randomWalk(opening, returns, List.of());

        double cagr = Returns.cagr(s).getAsDouble();
        assertThat(Irr.moneyWeighted(s).annualRate().getAsDouble()).isCloseTo(cagr, within(1e-9 * (1 + Math.abs(cagr))));
    }
}
