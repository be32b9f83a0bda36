package io.alluse.analytics;

import io.alluse.analytics.compare.Comparison;
import io.alluse.analytics.metrics.Performance;
import io.alluse.analytics.metrics.RiskFreeRate;
import io.alluse.analytics.series.Aggregation;
import io.alluse.analytics.series.Curve;
import io.alluse.analytics.series.EquitySeries;
import io.alluse.analytics.series.PriceSeries;
import io.alluse.analytics.trades.ClosedOptionTrade;
import io.alluse.analytics.trades.OpenPosition;
import io.alluse.analytics.trades.OptionTrades;
import io.alluse.analytics.trades.TradeStatistics;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.Position;
import io.alluse.store.AccountRepository;
import io.alluse.store.LedgerStore;
import io.alluse.store.SnapshotRepository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Performance, trades and comparisons for any node of the portfolio, read from the store: the
 * daily snapshots for equity and flows, the ledgers for trades. Returns values only, and is safe to
 * call from any number of background threads at once (never from the FX thread: the first call reads
 * every snapshot).
 *
 * <p>Each account's snapshot history is read once and kept; before every answer one aggregate query
 * ({@link SnapshotRepository#stamps()}) tells which accounts have new snapshots, and only those are
 * read again. Snapshots are never changed once written, so this is exact, not a time-based cache.
 *
 * <p>Money moved between our own sleeves or accounts is an external flow of each side; in any node
 * holding both sides the two flows of the same day cancel (see {@link Aggregation}), so it is never
 * performance.
 */
public final class PortfolioAnalytics {

    private final AccountRepository accounts;
    private final SnapshotRepository snapshots;
    private final LedgerStore ledgers;

    /** One account's sleeves and their combination, as read at {@code stamp}. */
    private record Cached(SnapshotRepository.Stamp stamp, Map<SleeveKind, EquitySeries> sleeves, EquitySeries account) {
    }

    private final Map<AccountId, Cached> cache = new ConcurrentHashMap<>();

    public PortfolioAnalytics(AccountRepository accounts, SnapshotRepository snapshots, LedgerStore ledgers) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.ledgers = Objects.requireNonNull(ledgers, "ledgers");
    }

    // ---- series and metrics -------------------------------------------------------------------

    /** The node's daily equity and external flows; empty when it has no snapshot yet (or the account is unknown). */
    public Optional<EquitySeries> series(PortfolioNode node) {
        Map<AccountId, Cached> now = fresh();
        return switch (node) {
            case PortfolioNode.Whole w -> now.isEmpty() ? Optional.empty()
                    : Optional.of(Aggregation.combine(now.values().stream().map(Cached::account).toList()));
            case PortfolioNode.OfAccount a -> Optional.ofNullable(now.get(a.account())).map(Cached::account);
            case PortfolioNode.OfSleeve s -> Optional.ofNullable(now.get(s.account())).map(c -> c.sleeves().get(s.sleeve()));
            case PortfolioNode.OfSleeveKind k -> {
                List<EquitySeries> parts = now.values().stream().map(c -> c.sleeves().get(k.sleeve())).filter(Objects::nonNull).toList();
                yield parts.isEmpty() ? Optional.empty() : Optional.of(Aggregation.combine(parts));
            }
        };
    }

    /** The node's series and every metric over its whole history; empty when it has no snapshot yet. */
    public Optional<NodeReport> report(PortfolioNode node, RiskFreeRate riskFree) {
        Objects.requireNonNull(riskFree, "riskFree");
        return series(node).map(s -> new NodeReport(node, s, Performance.of(s, riskFree)));
    }

    /**
     * As {@link #report(PortfolioNode, RiskFreeRate)} for the days {@code from} to {@code to} (inclusive):
     * the first snapshot on or after {@code from} is the opening. Empty when no snapshot falls inside.
     */
    public Optional<NodeReport> report(PortfolioNode node, RiskFreeRate riskFree, LocalDate from, LocalDate to) {
        Objects.requireNonNull(riskFree, "riskFree");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends on " + to + ", before it starts on " + from + ": swap the dates");
        }
        return series(node).flatMap(s -> s.between(from, to)).map(s -> new NodeReport(node, s, Performance.of(s, riskFree)));
    }

    /** The aggregate dashboard: the whole portfolio, each sleeve kind across accounts, each account. */
    public Dashboard dashboard(RiskFreeRate riskFree) {
        Objects.requireNonNull(riskFree, "riskFree");
        Map<AccountId, Cached> now = fresh();
        if (now.isEmpty()) {
            return new Dashboard(Optional.empty(), Map.of(), new TreeMap<>());
        }
        SortedMap<AccountId, Performance> byAccount = new TreeMap<>();
        Map<SleeveKind, List<EquitySeries>> kinds = new EnumMap<>(SleeveKind.class);
        List<EquitySeries> all = new ArrayList<>(now.size());
        now.forEach((id, c) -> {
            byAccount.put(id, Performance.of(c.account(), riskFree));
            all.add(c.account());
            c.sleeves().forEach((kind, s) -> kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(s));
        });
        Map<SleeveKind, Performance> bySleeve = new EnumMap<>(SleeveKind.class);
        kinds.forEach((kind, parts) -> bySleeve.put(kind, Performance.of(Aggregation.combine(parts), riskFree)));
        return new Dashboard(Optional.of(Performance.of(Aggregation.combine(all), riskFree)), bySleeve, byAccount);
    }

    // ---- comparison ---------------------------------------------------------------------------

    /**
     * {@code ids} side by side over their common period, optionally against a benchmark price series
     * (e.g. SPY closes the caller read from the market).
     *
     * @throws IllegalArgumentException naming the account when {@code ids} is empty, repeats an id, names
     *                                  an unknown account or one without snapshots, when the accounts
     *                                  share no period, or when the benchmark starts after the common start
     */
    public AccountComparison compare(List<AccountId> ids, Optional<PriceSeries> benchmark, RiskFreeRate riskFree) {
        Objects.requireNonNull(riskFree, "riskFree");
        Objects.requireNonNull(benchmark, "benchmark");
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare: choose at least one account");
        }
        if (ids.stream().distinct().count() != ids.size()) {
            throw new IllegalArgumentException("an account is chosen twice: " + ids + "; choose each account once");
        }
        Map<AccountId, Cached> now = fresh();
        Map<AccountId, String> names = new HashMap<>();
        List<EquitySeries> series = new ArrayList<>();
        for (AccountId id : ids) {
            names.put(id, accounts.find(id).map(Account::name).orElseThrow(() -> new IllegalArgumentException(
                    "no account with id '" + id + "': choose one of the existing accounts")));
            Cached c = now.get(id);
            if (c == null) {
                throw new IllegalArgumentException(id + " has no daily snapshot yet: it can be compared after its first trading day ends");
            }
            series.add(c.account());
        }
        LocalDate start = Comparison.commonStart(series);
        LocalDate end = series.stream().map(EquitySeries::lastDate).max(LocalDate::compareTo).orElseThrow();
        List<AccountComparison.Compared> compared = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            EquitySeries s = series.get(i);
            AccountId id = ids.get(i);
            EquitySeries period = s.between(start, end).orElseThrow(() -> new IllegalArgumentException(
                    id + " has no snapshot on or after " + start + " (its history ends on " + s.lastDate()
                            + "): the chosen accounts share no period; leave it out"));
            compared.add(new AccountComparison.Compared(id, names.get(id), Performance.of(period, riskFree),
                    Comparison.normalised(period, start), Comparison.drawdowns(period)));
        }
        Optional<AccountComparison.Benchmark> line = benchmark.map(prices -> {
            Curve normalised = Comparison.benchmark(prices, compared.getFirst().normalised());
            return new AccountComparison.Benchmark(prices.name(), normalised,
                    normalised.value(normalised.size() - 1) / Comparison.BASE - 1.0);
        });
        return new AccountComparison(start, compared, line);
    }

    // ---- trades -------------------------------------------------------------------------------

    /**
     * Trade figures of the node from the ledgers: closed short-option trades (premium, wins,
     * assignments, realized P&L of the options) and the unrealized P&L of open positions at
     * {@code marks} ({@link UnitMarks#AT_COST} when the caller has no prices).
     */
    public TradeStatistics trades(PortfolioNode node, UnitMarks marks) {
        Objects.requireNonNull(marks, "marks");
        List<ClosedOptionTrade> closed = new ArrayList<>();
        List<OpenPosition> open = new ArrayList<>();
        for (AccountId id : accountsOf(node)) {
            var ledger = ledgers.forAccount(id);
            for (OptionTrades.SleeveTrade t : OptionTrades.closed(ledger.entries())) {
                if (node.contains(id, t.sleeve())) {
                    closed.add(t.trade());
                }
            }
            for (Position p : ledger.positions()) {
                if (node.contains(id, p.sleeve())) {
                    Money value = marks.unitPrice(p.instrument())
                            .map(price -> price.times(p.instrument().multiplier()).times(p.quantity()))
                            .orElse(p.costBasis());
                    open.add(new OpenPosition(p.instrument().code(), p.costBasis(), value));
                }
            }
        }
        return TradeStatistics.of(closed, open);
    }

    private Collection<AccountId> accountsOf(PortfolioNode node) {
        return switch (node) {
            case PortfolioNode.OfAccount a -> accounts.find(a.account()).isPresent() ? List.of(a.account()) : List.of();
            case PortfolioNode.OfSleeve s -> accounts.find(s.account()).isPresent() ? List.of(s.account()) : List.of();
            case PortfolioNode.Whole w -> accounts.findAll().stream().map(Account::id).sorted().toList();
            case PortfolioNode.OfSleeveKind k -> accounts.findAll().stream().map(Account::id).sorted().toList();
        };
    }

    // ---- cache --------------------------------------------------------------------------------

    /** Forgets everything read, e.g. after a restore replaced the database. */
    public void invalidateAll() {
        cache.clear();
    }

    /** Every account with snapshots, each re-read only if it has new ones since last time. */
    private Map<AccountId, Cached> fresh() {
        Map<AccountId, SnapshotRepository.Stamp> stamps = snapshots.stamps();
        cache.keySet().retainAll(stamps.keySet());
        List<AccountId> stale = new ArrayList<>();
        stamps.forEach((id, stamp) -> {
            Cached c = cache.get(id);
            if (c == null || !c.stamp().equals(stamp)) {
                stale.add(id);
            }
        });
        if (!stale.isEmpty()) {
            load(stale);
        }
        SortedMap<AccountId, Cached> out = new TreeMap<>();
        for (AccountId id : stamps.keySet()) {
            Cached c = cache.get(id);
            if (c != null) {
                out.put(id, c);
            }
        }
        return out;
    }

    private void load(List<AccountId> ids) {
        Map<AccountId, Map<SleeveKind, EquitySeries>> read = new HashMap<>();
        snapshots.scan(ids, (account, sleeve, days, equity, flow) -> read.computeIfAbsent(account, k -> new EnumMap<>(SleeveKind.class))
                .put(sleeve, EquitySeries.ofEpochDays(days, equity, flow)));
        read.forEach((id, sleeves) -> {
            long rows = 0;
            LocalDate last = LocalDate.MIN;
            for (EquitySeries s : sleeves.values()) {
                rows += s.size();
                last = s.lastDate().isAfter(last) ? s.lastDate() : last;
            }
            // the stamp of what was actually read, so a snapshot written meanwhile is picked up next time
            cache.put(id, new Cached(new SnapshotRepository.Stamp(rows, last), Map.copyOf(sleeves), Aggregation.combine(sleeves.values())));
        });
    }
}
