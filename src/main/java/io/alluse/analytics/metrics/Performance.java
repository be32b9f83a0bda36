package io.alluse.analytics.metrics;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.domain.Money;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * All performance figures of one series (a sleeve, an account or an aggregate) over its whole span;
 * use {@link EquitySeries#between} for a sub-period. Conventions: flows at the end of their day (see
 * {@link EquitySeries}); annual rates per 365 calendar days; volatility, Sharpe and Sortino from daily
 * returns annualised with sqrt(252) (see {@link RiskRatios}).
 *
 * @param start               first day: the opening
 * @param end                 last day
 * @param startEquity         equity at the opening
 * @param endEquity           equity at the end
 * @param netFlows            deposits minus withdrawals after the opening
 * @param profit              {@code endEquity - startEquity - netFlows}: the money made, exact to the cent
 * @param timeWeightedReturn  flows excluded, not annualised: 0.10 is +10%
 * @param cagr                the time-weighted return per year; empty for a single day
 * @param moneyWeightedReturn annual internal rate of return of the opening, the flows and the end
 * @param maxDrawdown         deepest fall of the time-weighted index; empty if it never fell
 * @param volatility          annualised standard deviation of daily returns
 * @param sharpe              annualised
 * @param sortino             annualised
 */
public record Performance(LocalDate start, LocalDate end, Money startEquity, Money endEquity, Money netFlows, Money profit,
                          double timeWeightedReturn, OptionalDouble cagr, IrrResult moneyWeightedReturn,
                          Optional<Drawdown> maxDrawdown, OptionalDouble volatility, OptionalDouble sharpe,
                          OptionalDouble sortino) {

    public Performance {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(moneyWeightedReturn, "moneyWeightedReturn");
        Objects.requireNonNull(maxDrawdown, "maxDrawdown");
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
        return new Performance(series.firstDate(), series.lastDate(), Money.ofCents(startEquity), Money.ofCents(endEquity),
                Money.ofCents(netFlows), Money.ofCents(endEquity - startEquity - netFlows),
                twr, Returns.annualise(twr, (long) series.epochDay(n - 1) - series.epochDay(0)),
                Irr.moneyWeighted(series), Drawdowns.max(series, index),
                RiskRatios.volatility(daily), RiskRatios.sharpe(daily, riskFree), RiskRatios.sortino(daily, riskFree));
    }
}
