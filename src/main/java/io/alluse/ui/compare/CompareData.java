package io.alluse.ui.compare;

import io.alluse.analytics.compare.Comparison;
import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.metrics.RiskFreeRate;
import io.alluse.analytics.series.Aggregation;
import io.alluse.analytics.series.Curve;
import io.alluse.analytics.series.EquitySeries;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.SleeveKind;
import io.alluse.ui.WorkstationServices;
import io.alluse.ui.drilldown.DrillDownData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and computes what the compare view shows, on the calling (background) thread: the one
 * class to switch to the portfolio analytics service once it exists.
 */
public class CompareData {

    /**
     * @param start      the common start: the latest first day of the compared accounts, where every curve is 100
     * @param compared   one entry per account with history, in the order asked
     * @param noHistory  names of the asked accounts that have no closes yet
     */
    public record Result(LocalDate start, List<Entry> compared, List<String> noHistory) {
    }

    /**
     * @param growth      time-weighted growth from the common start, 100 there
     * @param drawdown    each day's fall below the running peak of {@code growth}, as a negative fraction
     * @param performance figures from the common start
     */
    public record Entry(AccountId id, String name, Curve growth, Curve drawdown, Performance performance) {
    }

    private final WorkstationServices services;

    public CompareData(WorkstationServices services) {
        this.services = services;
    }

    public List<Account> accounts() {
        return services.accounts().accounts();
    }

    public Result compare(List<Account> accounts) {
        Map<AccountId, Map<SleeveKind, EquitySeries>> sleeves = DrillDownData.sleeveSeries(
                services.snapshots().of(accounts.stream().map(Account::id).toList()));
        List<Account> withHistory = new ArrayList<>();
        List<EquitySeries> series = new ArrayList<>();
        List<String> noHistory = new ArrayList<>();
        for (Account a : accounts) {
            Map<SleeveKind, EquitySeries> s = sleeves.get(a.id());
            if (s == null || s.isEmpty()) {
                noHistory.add(a.name());
            } else {
                withHistory.add(a);
                series.add(Aggregation.combine(s.values()));
            }
        }
        if (series.isEmpty()) {
            return new Result(LocalDate.EPOCH, List.of(), noHistory);
        }
        LocalDate start = Comparison.commonStart(series);
        RiskFreeRate riskFree = riskFree();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            EquitySeries from = series.get(i).between(start, series.get(i).lastDate()).orElseThrow();
            entries.add(new Entry(withHistory.get(i).id(), withHistory.get(i).name(), Comparison.normalised(from, start),
                    Comparison.drawdowns(from), Performance.of(from, riskFree)));
        }
        return new Result(start, entries, noHistory);
    }

    private RiskFreeRate riskFree() {
        try {
            return new RiskFreeRate(services.market().riskFreeRate());
        } catch (RuntimeException e) {
            return RiskFreeRate.ZERO;
        }
    }
}
