package io.alluse.engine;

import io.alluse.domain.AccountId;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.Stock;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.Position;
import io.alluse.domain.ledger.PositionEffect;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.chain.OptionQuote;
import io.alluse.strategy.LimitPrices;
import io.alluse.strategy.OrderIntent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The orders that close a merging account's positions at the market (docs/decisions/0019): a
 * marketable limit per position, options first (a covered call must be bought back before its
 * shares can be sold), shares once no option is left. The client order id is derived from the
 * account, sleeve, instrument and attempt, so the engine's stored intents and its reconciliation
 * by client order id guarantee that a crash never sends one twice; an order that expired unfilled
 * at the close is followed by the next attempt on the next trading day.
 */
public final class MergeOrders {

    /** The cycle part of every merge order's client order id. */
    public static final String CYCLE = "merge";

    private MergeOrders() {
    }

    /**
     * Closing orders still to send: for every position not being closed by an open order already.
     *
     * @param earlier the account's merge orders so far, in any state (they number the attempts)
     */
    public static List<OrderIntent> closing(AccountId account, List<Position> positions, List<OrderRecord> open, List<OrderRecord> earlier,
                                            MarketView market, String parent) {
        Set<String> beingClosed = new HashSet<>();
        for (OrderRecord o : open) {
            beingClosed.add(o.sleeve() + "/" + o.instrument().code());
        }
        boolean optionsLeft = positions.stream().anyMatch(p -> p.instrument() instanceof OptionContract);
        List<Position> ordered = new ArrayList<>(positions);
        ordered.sort(Comparator.comparing((Position p) -> p.sleeve().ordinal()).thenComparing(p -> p.instrument().code()));
        List<OrderIntent> orders = new ArrayList<>();
        for (Position p : ordered) {
            if (p.quantity() == 0 || beingClosed.contains(p.sleeve() + "/" + p.instrument().code())) {
                continue;
            }
            if (p.instrument() instanceof Stock && optionsLeft) {
                continue;
            }
            OrderSide side = p.quantity() < 0 ? OrderSide.BUY : OrderSide.SELL;
            Money limit;
            try {
                limit = limit(p.instrument(), side, market);
            } catch (MarketDataException e) {
                continue;
            }
            if (!limit.isPositive()) {
                // a long option nobody bids for: it expires on its own
                continue;
            }
            long attempt = 1 + earlier.stream().filter(o -> o.sleeve() == p.sleeve() && o.instrument().code().equals(p.instrument().code())).count();
            ClientOrderId id = ClientOrderId.of(account, p.sleeve(), CYCLE, leg(p.instrument()) + "-" + attempt);
            orders.add(new OrderIntent(id, p.sleeve(), CYCLE, p.instrument(), side, PositionEffect.CLOSE, Math.abs(p.quantity()), limit,
                    (side == OrderSide.BUY ? "buy back " : "sell ") + Math.abs(p.quantity()) + " " + LedgerBook.describe(p.instrument())
                            + " at the market (limit " + limit + ") before merging into " + parent + "'s Com-Acc"
                            + (attempt > 1 ? " (attempt " + attempt + ")" : "")));
        }
        return orders;
    }

    /** A limit that fills at once at the paper broker's mid -/+ slippage and never worse than the quote. */
    static Money limit(Instrument instrument, OrderSide side, MarketView market) {
        return switch (instrument) {
            case OptionContract c -> {
                OptionQuote q = quote(c, market);
                yield side == OrderSide.BUY ? LimitPrices.buy(q) : LimitPrices.sell(q);
            }
            case Stock s -> {
                double spot = market.spot(s.underlying());
                if (side == OrderSide.BUY) {
                    yield Money.ofCents(LimitPrices.buyStockCents(spot));
                }
                long cents = (long) Math.floor(spot * 100.0 + 1e-9);
                yield Money.ofCents(Math.max(0, cents - Math.max(1, (cents + 9_999) / 10_000)));
            }
        };
    }

    private static OptionQuote quote(OptionContract c, MarketView market) {
        try {
            var q = market.chain(c.underlying(), c.expiry()).quote(c.right(), c.strike());
            if (q.isPresent()) {
                return q.get();
            }
        } catch (MarketDataException notListed) {
            // off the listed grid: quote the contract on its own
        }
        return market.quote(c);
    }

    private static String leg(Instrument instrument) {
        return instrument.code().replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
