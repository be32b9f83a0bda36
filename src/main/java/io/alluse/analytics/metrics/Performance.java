package io.alluse.analytics.metrics;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.domain.Money;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * All performance figures of one series (a sleeve, an account or an aggregate) over its whole span;
 * use {@link EquitySeries#between} for a sub-period. Conventions: flows at the end of their day (see
 * {@link EquitySeries}); annual rates per 365 calendar days; volatility, Sharpe and Sortino from daily
 * returns annualised with sqrt(252) (see {@link RiskRatios}). Every figure per year is
 * {@link Annualised.ShortHistory} until the series is long enough for it ({@link HistoryRule}); the
 * total return and the profit are there from the second day.
 *
 * @param start               first day: the opening
 * @param end                 last day
 * @param startEquity         equity at the opening
 * @param endEquity           equity at the end
 * @param netFlows            deposits minus withdrawals after the opening
 * @param profit              {@code endEquity - startEquity - netFlows}: the money made, exact to the cent
 * @param timeWeightedReturn  flows excluded, not annualised: 0.10 is +10%
 * @param cagr                the time-weighted return per year; from one year of history
 * @param moneyWeightedReturn annual internal rate of return of the opening, the flows and the end; from one year
 * @param maxDrawdown         deepest fall of the time-weighted index; empty if it never fell
 * @param volatility          annualised standard deviation of daily returns; from 60 daily returns
 * @param sharpe              annualised; from 60 daily returns
 * @param sortino             annualised; from 60 daily returns
 */
public record Performance(LocalDate start, LocalDate end, Money startEquity, Money endEquity, Money netFlows, Money profit,
                          double timeWeightedReturn, Annualised cagr, Annualised moneyWeightedReturn,
                          Optional<Drawdown> maxDrawdown, Annualised volatility, Annualised sharpe,
                          Annualised sortino) {

    public Performance {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(cagr, "cagr");
        Objects.requireNonNull(moneyWeightedReturn, "moneyWeightedReturn");
        Objects.requireNonNull(maxDrawdown, "maxDrawdown");
        Objects.requireNonNull(volatility, "volatility");
        Objects.requireNonNull(sharpe, "sharpe");
        Objects.requireNonNull(sortino, "sortino");
    }

    /** Every figure of {@code series}; Sharpe and Sortino subtract {@code riskFree}. */
    public static Performance of(EquitySeries series, RiskFreeRate riskFree) {
        Objects.requireNonNull(riskFree, "riskFree");
        int n = series.size();
        double[] daily = Returns.daily(series);
        double[] index = Returns.growthIndex(daily);
        double twr = index[n - 1] - 1.0;
        long netFlows = 0;
        for (int i = 1; i < n; i++) {
            netFlows += series.flowCents(i);
        }
        long startEquity = series.equityCents(0);
        long endEquity = series.equityCents(n - 1);
        long calendarDays = (long) series.epochDay(n - 1) - series.epochDay(0);
        Annualised cagr;
        Annualised irr;
        if (HistoryRule.longEnoughForAnnualRate(calendarDays)) {
            cagr = Annualised.of(Returns.annualise(twr, calendarDays), "no measured return");
            irr = switch (Irr.moneyWeighted(series)) {
                case IrrResult.Rate(double annual) -> new Annualised.Value(annual);
                case IrrResult.NoSolution(String reason) -> new Annualised.Undefined(reason);
            };
        } else {
            // not even searched for: the IRR of a few days is the same extrapolation as their CAGR
            cagr = HistoryRule.shortForAnnualRate(calendarDays);
            irr = cagr;
        }
        int measured = measured(daily);
        Annualised volatility;
        Annualised sharpe;
        Annualised sortino;
        if (HistoryRule.longEnoughForRisk(measured)) {
            volatility = Annualised.of(RiskRatios.volatility(daily), "no variation");
            sharpe = Annualised.of(RiskRatios.sharpe(daily, riskFree), "no variation");
            sortino = Annualised.of(RiskRatios.sortino(daily, riskFree), "never below the risk-free rate");
        } else {
            volatility = sharpe = sortino = HistoryRule.shortForRisk(measured);
        }
        return new Performance(series.firstDate(), series.lastDate(), Money.ofCents(startEquity), Money.ofCents(endEquity),
                Money.ofCents(netFlows), Money.ofCents(endEquity - startEquity - netFlows),
                twr, cagr, irr, Drawdowns.max(series, index), volatility, sharpe, sortino);
    }

    private static int measured(double[] daily) {
        int n = 0;
        for (double r : daily) {
            if (r == r) {
                n++;
            }
        }
        return n;
    }
}
