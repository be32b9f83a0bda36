package io.alluse.ui.drilldown;

import io.alluse.analytics.trades.ClosedOptionTrade;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The short-option trades a sleeve's ledger entries describe, for {@link io.alluse.analytics.trades.TradeStatistics}.
 * A trade opens with a sell-to-open and closes when its contracts are all bought back, expire, or go
 * (the ledger books an assignment on the shares, not on the option, so an option whose contracts
 * disappear without a closing entry of its own and is no longer held was assigned, on its expiry).
 */
final class LedgerTrades {

    private LedgerTrades() {
    }

    private static final class Open {
        final OptionContract contract;
        long quantity;
        long premium;
        long cost;
        long fees;
        LocalDate closedOn;
        ClosedOptionTrade.Outcome outcome;

        Open(OptionContract contract) {
            this.contract = contract;
        }
    }

    /**
     * @param entries  one sleeve's entries, oldest first
     * @param heldNow  option codes the sleeve still holds
     */
    static List<ClosedOptionTrade> closed(List<LedgerEntry> entries, Set<String> heldNow, ZoneId zone) {
        Map<String, Open> trades = new LinkedHashMap<>();
        // a closing fill's commission is booked just after it: keep the closed trade reachable for it
        Map<String, Open> justClosed = new LinkedHashMap<>();
        List<Open> done = new ArrayList<>();
        for (LedgerEntry e : entries) {
            if (e.instrument().length() <= 15) {
                continue;
            }
            switch (e.kind()) {
                case SELL_TO_OPEN -> {
                    justClosed.remove(e.instrument());
                    Open t = trades.computeIfAbsent(e.instrument(), code -> new Open(OptionContract.parseOcc(code)));
                    t.quantity += e.quantity();
                    t.premium += e.amount().cents();
                }
                case BUY_TO_CLOSE, EXPIRATION -> {
                    Open t = trades.get(e.instrument());
                    if (t == null) {
                        continue;
                    }
                    t.quantity += e.quantity();
                    t.cost -= e.amount().cents();
                    if (t.quantity >= 0) {
                        t.closedOn = LocalDate.ofInstant(e.at(), zone);
                        t.outcome = e.kind() == EntryKind.EXPIRATION ? ClosedOptionTrade.Outcome.EXPIRED : ClosedOptionTrade.Outcome.BOUGHT_BACK;
                        done.add(t);
                        justClosed.put(e.instrument(), t);
                        trades.remove(e.instrument());
                    }
                }
                case COMMISSION -> {
                    Open t = trades.getOrDefault(e.instrument(), justClosed.get(e.instrument()));
                    if (t != null) {
                        t.fees -= e.amount().cents();
                    }
                }
                default -> {
                }
            }
        }
        for (Map.Entry<String, Open> left : trades.entrySet()) {
            if (!heldNow.contains(left.getKey())) {
                Open t = left.getValue();
                t.closedOn = t.contract.expiry();
                t.outcome = ClosedOptionTrade.Outcome.ASSIGNED;
                t.cost = 0;
                done.add(t);
            }
        }
        List<ClosedOptionTrade> closed = new ArrayList<>();
        for (Open t : done) {
            finish(t, closed);
        }
        closed.sort(java.util.Comparator.comparing(ClosedOptionTrade::closedOn));
        return closed;
    }

    private static void finish(Open t, List<ClosedOptionTrade> out) {
        if (t.premium <= 0) {
            return;
        }
        out.add(new ClosedOptionTrade(t.contract.underlying(), t.closedOn, Money.ofCents(t.premium),
                Money.ofCents(t.outcome == ClosedOptionTrade.Outcome.BOUGHT_BACK ? Math.max(0, t.cost) : 0), Money.ofCents(Math.max(0, t.fees)),
                t.outcome));
    }
}
