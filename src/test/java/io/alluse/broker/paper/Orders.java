package io.alluse.broker.paper;

import io.alluse.broker.OrderRequest;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Stock;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.PositionEffect;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Short ways to write the orders and amounts of the paper broker tests. */
final class Orders {

    private Orders() {
    }

    static Money usd(String amount) {
        return Money.of(new BigDecimal(amount));
    }

    static OptionContract put(String symbol, String expiry, String strike) {
        return new OptionContract(new Symbol(symbol), LocalDate.parse(expiry), OptionRight.PUT, usd(strike));
    }

    static OptionContract call(String symbol, String expiry, String strike) {
        return new OptionContract(new Symbol(symbol), LocalDate.parse(expiry), OptionRight.CALL, usd(strike));
    }

    static Stock shares(String symbol) {
        return new Stock(new Symbol(symbol));
    }

    static ClientOrderId id(String value) {
        return new ClientOrderId(value);
    }

    static OrderRequest sellToOpen(String id, Instrument instrument, long quantity, String limit) {
        return new OrderRequest(id(id), instrument, OrderSide.SELL, PositionEffect.OPEN, quantity, usd(limit));
    }

    static OrderRequest buyToOpen(String id, Instrument instrument, long quantity, String limit) {
        return new OrderRequest(id(id), instrument, OrderSide.BUY, PositionEffect.OPEN, quantity, usd(limit));
    }

    static OrderRequest buyToClose(String id, Instrument instrument, long quantity, String limit) {
        return new OrderRequest(id(id), instrument, OrderSide.BUY, PositionEffect.CLOSE, quantity, usd(limit));
    }

    static OrderRequest sellToClose(String id, Instrument instrument, long quantity, String limit) {
        return new OrderRequest(id(id), instrument, OrderSide.SELL, PositionEffect.CLOSE, quantity, usd(limit));
    }
}
