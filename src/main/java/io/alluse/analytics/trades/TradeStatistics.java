package io.alluse.analytics.trades;

import io.alluse.domain.Money;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * Trade-level figures of a sleeve, an account or any selection of trades.
 * A trade is a win when its realized P&L ({@link ClosedOptionTrade#realizedPnl()}) is above zero, so
 * an assigned put whose premium exceeded its fees is a win on the option; what the assigned shares
 * do afterwards is in the equity series, not here.
 *
 * @param closedTrades     number of closed trades
 * @param wins             trades with realized P&L above zero
 * @param assigned         trades that ended in assignment
 * @param expired          trades that expired worthless
 * @param premiumCollected gross premium received
 * @param realizedPnl      premium received minus cost to close minus fees
 * @param unrealizedPnl    market value minus cost of the open positions
 */
public record TradeStatistics(int closedTrades, int wins, int assigned, int expired, Money premiumCollected,
                              Money realizedPnl, Money unrealizedPnl) {

    public static TradeStatistics of(Collection<ClosedOptionTrade> closed, Collection<OpenPosition> open) {
        int wins = 0;
        int assigned = 0;
        int expired = 0;
        long premium = 0;
        long realized = 0;
        for (ClosedOptionTrade t : closed) {
            long pnl = t.realizedPnl().cents();
            wins += pnl > 0 ? 1 : 0;
            assigned += t.outcome() == ClosedOptionTrade.Outcome.ASSIGNED ? 1 : 0;
            expired += t.outcome() == ClosedOptionTrade.Outcome.EXPIRED ? 1 : 0;
            premium = Math.addExact(premium, t.premiumReceived().cents());
            realized = Math.addExact(realized, pnl);
        }
        long unrealized = 0;
        for (OpenPosition p : open) {
            unrealized = Math.addExact(unrealized, p.unrealizedPnl().cents());
        }
        return new TradeStatistics(closed.size(), wins, assigned, expired, Money.ofCents(premium),
                Money.ofCents(realized), Money.ofCents(unrealized));
    }

    /** Wins per closed trade; empty when there are none. */
    public OptionalDouble winRate() {
        return closedTrades == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) wins / closedTrades);
    }

    /** Assignments per closed trade; empty when there are none. */
    public OptionalDouble assignmentRate() {
        return closedTrades == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) assigned / closedTrades);
    }

    /** Realized plus unrealized. */
    public Money totalPnl() {
        return realizedPnl.plus(unrealizedPnl);
    }
}
