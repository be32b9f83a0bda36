package io.alluse.ui.compare;

import io.alluse.analytics.AccountComparison;
import io.alluse.analytics.PortfolioAnalytics;
import io.alluse.analytics.PortfolioNode;
import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.metrics.RiskFreeRate;
import io.alluse.analytics.series.Curve;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.ui.WorkstationServices;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and computes what the compare view shows, on the calling (background) thread, through the
 * portfolio analytics service: the figures are the ones the command line's reports print.
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
        PortfolioAnalytics analytics = services.analytics();
        List<AccountId> withHistory = new ArrayList<>();
        List<String> noHistory = new ArrayList<>();
        for (Account a : accounts) {
            if (analytics.series(PortfolioNode.account(a.id())).isPresent()) {
                withHistory.add(a.id());
            } else {
                noHistory.add(a.name());
            }
        }
        if (withHistory.isEmpty()) {
            return new Result(LocalDate.EPOCH, List.of(), noHistory);
        }
        AccountComparison comparison = analytics.compare(withHistory, Optional.empty(), riskFree());
        List<Entry> entries = comparison.accounts().stream()
                .map(c -> new Entry(c.account(), c.name(), c.normalised(), c.drawdowns(), c.performance())).toList();
        return new Result(comparison.start(), entries, noHistory);
    }

    private RiskFreeRate riskFree() {
        try {
            return new RiskFreeRate(services.market().riskFreeRate());
        } catch (RuntimeException e) {
            return RiskFreeRate.ZERO;
        }
    }
}
