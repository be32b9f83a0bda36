package io.alluse.ui.portfolio;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.domain.run.AccountHealth;
import io.alluse.engine.AccountRuntime;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every tree row's numbers at once, computed off the FX thread from the accounts (live equity),
 * recent end-of-day snapshots (week P&L) and the engine's runtime (status icons).
 */
public record PortfolioFigures(NodeFigures total, Map<AccountId, AccountFigures> accounts) {

    public static final PortfolioFigures EMPTY = new PortfolioFigures(NodeFigures.of(Money.ZERO), Map.of());

    /** How many calendar days of snapshots {@link #compute} needs: a week back from the last close, plus weekends and holidays. */
    public static final int DAYS_NEEDED = 14;

    public Optional<AccountFigures> of(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    /**
     * @param recent  snapshots of at least the last {@link #DAYS_NEEDED} days, any order
     * @param runtime the engine's view of the accounts it manages (accounts without one are {@link RunState#IDLE})
     * @param missed  accounts whose latest cycle was missed, with what to tell the user
     */
    public static PortfolioFigures compute(List<Account> list, List<EquitySnapshot> recent, List<AccountRuntime> runtime,
                                           Map<AccountId, String> missed) {
        Map<AccountId, Map<SleeveKind, NavigableMap<LocalDate, EquitySnapshot>>> closes = new HashMap<>();
        for (EquitySnapshot s : recent) {
            closes.computeIfAbsent(s.account(), id -> new EnumMap<>(SleeveKind.class))
                    .computeIfAbsent(s.sleeve(), k -> new TreeMap<>()).put(s.day(), s);
        }
        Map<AccountId, AccountRuntime> running = new HashMap<>();
        runtime.forEach(r -> running.put(r.account(), r));

        Map<AccountId, AccountFigures> result = new HashMap<>(list.size() * 2);
        Money totalEquity = Money.ZERO;
        Money totalPnl = Money.ZERO;
        boolean anyPnl = false;
        for (Account a : list) {
            Money equity = a.totalCapital();
            Map<SleeveKind, NavigableMap<LocalDate, EquitySnapshot>> byKind = closes.getOrDefault(a.id(), Map.of());
            Map<SleeveKind, NodeFigures> sleeves = new EnumMap<>(SleeveKind.class);
            Money accountPnl = Money.ZERO;
            boolean accountHasPnl = false;
            for (SleeveKind kind : SleeveKind.values()) {
                Money sleeveEquity = a.capital().of(kind);
                Optional<Money> pnl = weekPnl(byKind.get(kind));
                Optional<Integer> drift = equity.isPositive()
                        ? Optional.of((int) Math.round(sleeveEquity.cents() * 10_000.0 / equity.cents()) - a.config().target(kind).basisPoints())
                        : Optional.empty();
                sleeves.put(kind, new NodeFigures(sleeveEquity, pnl, drift));
                if (pnl.isPresent()) {
                    accountPnl = accountPnl.plus(pnl.get());
                    accountHasPnl = true;
                }
            }
            AccountRuntime r = running.get(a.id());
            RunState state = state(a, r, missed.containsKey(a.id()));
            String detail = switch (state) {
                case ERROR -> r.lastError().isBlank() ? "The broker keeps failing; retrying" : r.lastError();
                case MISSED -> missed.get(a.id());
                case IDLE -> a.status() == AccountStatus.ACTIVE ? "Not running yet" : a.status().name();
                default -> state.label();
            };
            result.put(a.id(), new AccountFigures(a.id(), new NodeFigures(equity, accountHasPnl ? Optional.of(accountPnl) : Optional.empty(),
                    Optional.empty()), sleeves, state, detail, r == null ? Optional.empty() : r.nextRun()));
            totalEquity = totalEquity.plus(equity);
            if (accountHasPnl) {
                totalPnl = totalPnl.plus(accountPnl);
                anyPnl = true;
            }
        }
        return new PortfolioFigures(new NodeFigures(totalEquity, anyPnl ? Optional.of(totalPnl) : Optional.empty(), Optional.empty()),
                Map.copyOf(result));
    }

    static RunState state(Account a, AccountRuntime r, boolean missed) {
        AccountStatus status = r == null ? a.status() : r.status();
        if (status == AccountStatus.CLOSED) {
            return RunState.CLOSED;
        }
        if (r == null) {
            return status == AccountStatus.PAUSED ? RunState.PAUSED : RunState.IDLE;
        }
        // a failing broker matters more than a pause: the user has to act on it either way
        if (r.health() != AccountHealth.OK) {
            return RunState.ERROR;
        }
        if (status == AccountStatus.PAUSED) {
            return RunState.PAUSED;
        }
        return missed ? RunState.MISSED : RunState.RUNNING;
    }

    /**
     * Equity at the last close minus equity at the last close at least a week before it (or the
     * first close, with less history), less the external flows booked in between: money the user
     * moved is not profit.
     */
    static Optional<Money> weekPnl(NavigableMap<LocalDate, EquitySnapshot> closes) {
        if (closes == null || closes.size() < 2) {
            return Optional.empty();
        }
        LocalDate last = closes.lastKey();
        LocalDate base = Optional.ofNullable(closes.floorKey(last.minusDays(7))).orElse(closes.firstKey());
        Money flows = Money.ZERO;
        for (EquitySnapshot s : closes.subMap(base, false, last, true).values()) {
            flows = flows.plus(s.flow());
        }
        return Optional.of(closes.get(last).equity().minus(closes.get(base).equity()).minus(flows));
    }
}
