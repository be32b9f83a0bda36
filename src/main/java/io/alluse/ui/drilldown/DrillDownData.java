package io.alluse.ui.drilldown;

import io.alluse.analytics.NodeReport;
import io.alluse.analytics.PortfolioAnalytics;
import io.alluse.analytics.PortfolioNode;
import io.alluse.analytics.compare.Comparison;
import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.metrics.RiskFreeRate;
import io.alluse.analytics.series.Curve;
import io.alluse.analytics.series.EquitySeries;
import io.alluse.analytics.series.PriceSeries;
import io.alluse.analytics.trades.OpenPosition;
import io.alluse.analytics.trades.TradeStatistics;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Stock;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.Position;
import io.alluse.domain.run.CycleRun;
import io.alluse.engine.AccountRuntime;
import io.alluse.market.DailyClose;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.chain.OptionQuote;
import io.alluse.store.AccountLedger;
import io.alluse.ui.WorkstationServices;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads what the drill-down views show, from the store, the engine and the market, on whatever
 * thread calls it (the view-model calls it in the background). Equity series and metrics come from
 * the portfolio analytics service, the same code as the command line's reports; live equity, cash,
 * positions and trades from the ledger and the market. The views only see the detail records.
 */
public class DrillDownData {

    /** The benchmark line of the account view. */
    public static final Symbol BENCHMARK = new Symbol("SPY");
    static final ZoneId NEW_YORK = ExchangeCalendar.NEW_YORK;
    private static final int UPCOMING_ROWS = 12;
    private static final int RECENT_ROWS = 20;
    private static final int RECENT_DAYS = 21;

    private final WorkstationServices services;

    public DrillDownData(WorkstationServices services) {
        this.services = services;
    }

    /** Today in New York by the market's clock (the paper clock in paper mode). */
    public LocalDate today() {
        return LocalDate.ofInstant(services.market().now(), NEW_YORK);
    }

    public PortfolioDetail portfolio() {
        List<Account> accounts = services.accounts().accounts();
        List<EquitySnapshot> snapshots = services.snapshots().since(LocalDate.EPOCH);
        PortfolioAnalytics analytics = services.analytics();
        Map<AccountId, Long> lastCash = new HashMap<>();
        Map<AccountId, LocalDate> lastDay = new HashMap<>();
        for (EquitySnapshot snap : snapshots) {
            // rows come by account and day: a later day replaces the cash summed so far
            LocalDate seen = lastDay.get(snap.account());
            if (seen == null || snap.day().isAfter(seen)) {
                lastDay.put(snap.account(), snap.day());
                lastCash.put(snap.account(), snap.cash().cents());
            } else if (snap.day().equals(seen)) {
                lastCash.merge(snap.account(), snap.cash().cents(), Long::sum);
            }
        }
        List<PortfolioDetail.AccountCurve> curves = new ArrayList<>();
        Map<SleeveKind, Money> bySleeve = new EnumMap<>(SleeveKind.class);
        long equity = 0;
        long cash = 0;
        for (Account a : accounts) {
            Optional<EquitySeries> accountSeries = analytics.series(PortfolioNode.account(a.id()));
            if (accountSeries.isEmpty()) {
                equity += a.totalCapital().cents();
                cash += a.totalCapital().cents();
                for (SleeveKind k : SleeveKind.values()) {
                    bySleeve.merge(k, a.capital().of(k), Money::plus);
                }
                continue;
            }
            curves.add(new PortfolioDetail.AccountCurve(a.id(), a.name(), accountSeries.get()));
            for (SleeveKind k : SleeveKind.values()) {
                Optional<EquitySeries> sleeve = analytics.series(PortfolioNode.sleeve(a.id(), k));
                if (sleeve.isPresent()) {
                    EquitySeries s = sleeve.get();
                    equity += s.equityCents(s.size() - 1);
                    bySleeve.merge(k, s.equity(s.size() - 1), Money::plus);
                }
            }
            cash += lastCash.getOrDefault(a.id(), 0L);
        }
        Optional<EquitySeries> total = curves.isEmpty() ? Optional.empty() : analytics.series(PortfolioNode.whole());
        Totals totals = Totals.of(total, Money.ofCents(equity), Money.ofCents(cash));
        Map<AccountId, String> names = accounts.stream().collect(Collectors.toMap(Account::id, Account::name));
        return new PortfolioDetail(accounts.size(), totals, curves, bySleeve, upcoming(names), recent(accounts));
    }

    public AccountDetail account(AccountId id) {
        Account account = services.accounts().get(id);
        AccountLedger ledger = services.ledgers().forAccount(id);
        LedgerState state = ledger.state();
        List<PositionRow> positions = price(state.positions());
        Map<SleeveKind, Long> equityBySleeve = new EnumMap<>(SleeveKind.class);
        for (SleeveKind k : SleeveKind.values()) {
            equityBySleeve.put(k, state.cash().getOrDefault(k, Money.ZERO).cents());
        }
        for (PositionRow p : positions) {
            equityBySleeve.merge(p.sleeve(), p.marketValue().cents(), Long::sum);
        }
        long equity = equityBySleeve.values().stream().mapToLong(Long::longValue).sum();
        long cash = state.cash().values().stream().mapToLong(Money::cents).sum();
        PortfolioAnalytics analytics = services.analytics();
        Optional<EquitySeries> series = analytics.series(PortfolioNode.account(id));
        List<OrderRecord> orders = ledger.orders();
        List<AccountDetail.Allocation> allocation = new ArrayList<>();
        List<AccountDetail.SleeveCard> cards = new ArrayList<>();
        for (SleeveKind k : SleeveKind.values()) {
            long e = equityBySleeve.get(k);
            allocation.add(new AccountDetail.Allocation(k, equity == 0 ? 0 : (double) e / equity, account.config().target(k).fraction()));
            Optional<Double> twr = analytics.report(PortfolioNode.sleeve(id, k), riskFree()).filter(r -> r.series().size() >= 2)
                    .map(r -> r.performance().timeWeightedReturn());
            Optional<String> lastCycle = orders.stream().filter(o -> o.sleeve() == k).map(OrderRecord::cycle).reduce((a, b) -> b);
            cards.add(new AccountDetail.SleeveCard(k, account.capital().of(k), Money.ofCents(e), twr,
                    (int) positions.stream().filter(p -> p.sleeve() == k).count(), lastCycle));
        }
        return new AccountDetail(account, Totals.of(series, Money.ofCents(equity), Money.ofCents(cash)), series,
                series.flatMap(this::benchmarkFor), BENCHMARK.value(), allocation, cards, positions, orders, ledger.entries(), ledger.audit(),
                lineage(account));
    }

    /** The account's lineage section: empty with forking off or for an account founded by hand that never forked. */
    LineageDetail lineage(Account account) {
        return services.engine().forking().map(f -> {
            Map<AccountId, String> names = services.accounts().accounts().stream().collect(Collectors.toMap(Account::id, Account::name));
            return LineageDetail.of(account, f.store().book(), names);
        }).orElse(LineageDetail.NONE);
    }

    public SleeveDetail sleeve(AccountId id, SleeveKind kind) {
        Account account = services.accounts().get(id);
        AccountLedger ledger = services.ledgers().forAccount(id);
        LedgerState state = ledger.state();
        List<PositionRow> positions = price(state.positions().stream().filter(p -> p.sleeve() == kind).toList());
        long cash = state.cash().getOrDefault(kind, Money.ZERO).cents();
        long equity = cash + positions.stream().mapToLong(p -> p.marketValue().cents()).sum();
        Optional<NodeReport> report = services.analytics().report(PortfolioNode.sleeve(id, kind), riskFree());
        Optional<EquitySeries> series = report.map(NodeReport::series);
        List<LedgerEntry> entries = ledger.entries().stream().filter(e -> e.sleeve() == kind).toList();
        SortedMap<LocalDate, Money> premium = new TreeMap<>();
        for (LedgerEntry e : entries) {
            if (e.kind() == EntryKind.SELL_TO_OPEN) {
                premium.merge(LocalDate.ofInstant(e.at(), NEW_YORK).with(DayOfWeek.MONDAY), e.amount(), Money::plus);
            }
        }
        if (!premium.isEmpty() || series.isPresent()) {
            LocalDate first = series.map(EquitySeries::firstDate).orElse(premium.isEmpty() ? today() : premium.firstKey()).with(DayOfWeek.MONDAY);
            if (!premium.isEmpty() && premium.firstKey().isBefore(first)) {
                first = premium.firstKey();
            }
            // weeks without premium are shown as such, not left out
            for (LocalDate w = first; !w.isAfter(today()); w = w.plusWeeks(1)) {
                premium.putIfAbsent(w, Money.ZERO);
            }
        }
        Set<String> held = state.positions().stream().filter(p -> p.sleeve() == kind).map(p -> p.instrument().code()).collect(Collectors.toSet());
        List<OpenPosition> open = positions.stream().map(p -> new OpenPosition(p.instrument(), p.costBasis(), p.marketValue())).toList();
        TradeStatistics trades = TradeStatistics.of(LedgerTrades.closed(entries, held, NEW_YORK), open);
        Optional<Performance> performance = report.map(NodeReport::performance);
        return new SleeveDetail(account, kind, Totals.of(series, Money.ofCents(equity), Money.ofCents(cash)), series, positions, premium, performance, trades);
    }

    RiskFreeRate riskFree() {
        try {
            return new RiskFreeRate(services.market().riskFreeRate());
        } catch (RuntimeException e) {
            return RiskFreeRate.ZERO;
        }
    }

    /** SPY on the series' dates, scaled so that it starts at the series' first equity. */
    Optional<double[]> benchmarkFor(EquitySeries series) {
        try {
            List<DailyClose> closes = services.market().closes(BENCHMARK, series.firstDate().minusDays(7), series.lastDate());
            if (closes.isEmpty()) {
                return Optional.empty();
            }
            PriceSeries prices = PriceSeries.of(BENCHMARK.value(), closes.stream().map(DailyClose::date).toArray(LocalDate[]::new),
                    closes.stream().mapToDouble(DailyClose::close).toArray());
            int[] days = new int[series.size()];
            double[] equity = new double[series.size()];
            for (int i = 0; i < days.length; i++) {
                days[i] = series.epochDay(i);
                equity[i] = series.equityCents(i) / 100.0;
            }
            double[] normalised = Comparison.benchmark(prices, Curve.ofEpochDays(days, equity)).values();
            for (int i = 0; i < normalised.length; i++) {
                normalised[i] = normalised[i] / Comparison.BASE * equity[0];
            }
            return Optional.of(normalised);
        } catch (MarketDataException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Each position priced now with its greeks, see {@link PositionRow}. */
    List<PositionRow> price(List<Position> positions) {
        MarketView market = services.market();
        LocalDate today = today();
        List<PositionRow> rows = new ArrayList<>(positions.size());
        for (Position p : positions) {
            long q = p.quantity();
            try {
                rows.add(switch (p.instrument()) {
                    case OptionContract c when c.expiry().isBefore(today) ->
                            row(p, c.describe(), 0, Money.ZERO, 0, 0, 0, 0, "expired, awaiting settlement");
                    case OptionContract c -> {
                        OptionQuote quote = market.quote(c);
                        double units = (double) q * OptionContract.MULTIPLIER;
                        yield row(p, c.describe(), quote.midPrice(), quote.mid().times(OptionContract.MULTIPLIER).times(q),
                                quote.greeks().delta() * units, quote.greeks().gamma() * units, quote.greeks().thetaPerDay() * units,
                                quote.greeks().vegaPerVolPoint() * units, "");
                    }
                    case Stock s -> {
                        double spot = market.spot(s.underlying());
                        yield row(p, s.underlying().value() + " shares", spot, Money.roundedFrom(spot).times(q), q, 0, 0, 0, "");
                    }
                });
            } catch (MarketDataException e) {
                rows.add(row(p, p.instrument().code(), Double.NaN, p.costBasis(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        "no quote: " + e.getMessage()));
            }
        }
        return rows;
    }

    private static PositionRow row(Position p, String description, double price, Money value, double delta, double gamma, double theta,
                                   double vega, String note) {
        return new PositionRow(p.sleeve(), p.instrument().code(), description, p.quantity(), p.costBasis(), price, value,
                value.minus(p.costBasis()), delta, gamma, theta, vega, note);
    }

    private List<PortfolioDetail.UpcomingRun> upcoming(Map<AccountId, String> names) {
        List<PortfolioDetail.UpcomingRun> rows = new ArrayList<>();
        for (AccountRuntime r : services.engine().runtime()) {
            r.nextRun().ifPresent(at -> rows.add(new PortfolioDetail.UpcomingRun(r.account(), names.getOrDefault(r.account(), r.account().value()), at,
                    r.status().name().toLowerCase(java.util.Locale.ROOT) + (r.busy() ? ", busy" : "")
                            + (r.health().name().equals("OK") ? "" : ", " + r.health().name().toLowerCase(java.util.Locale.ROOT)))));
        }
        rows.sort(Comparator.comparing(PortfolioDetail.UpcomingRun::at));
        return rows.size() > UPCOMING_ROWS ? List.copyOf(rows.subList(0, UPCOMING_ROWS)) : rows;
    }

    private List<PortfolioDetail.RecentCycle> recent(List<Account> accounts) {
        LocalDate from = today().minusDays(RECENT_DAYS);
        List<PortfolioDetail.RecentCycle> rows = new ArrayList<>();
        for (Account a : accounts) {
            for (CycleRun c : services.ledgers().forAccount(a.id()).cyclesSince(from)) {
                rows.add(new PortfolioDetail.RecentCycle(a.id(), a.name(), c.tradingDay(), c.status(), c.summary()));
            }
        }
        rows.sort(Comparator.comparing(PortfolioDetail.RecentCycle::day).reversed().thenComparing(r -> r.id().value()));
        return rows.size() > RECENT_ROWS ? List.copyOf(rows.subList(0, RECENT_ROWS)) : rows;
    }
}
