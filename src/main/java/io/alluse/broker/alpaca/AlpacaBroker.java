package io.alluse.broker.alpaca;

import io.alluse.broker.Broker;
import io.alluse.broker.BrokerAccount;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerException.Kind;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.BrokerPosition;
import io.alluse.broker.OrderRequest;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.PositionEffect;
import io.alluse.market.MarketView;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Broker} over Alpaca's trading API v2 (paper or live), for one Alpaca account with its
 * own keys.
 *
 * <p>Orders are limit/day orders carrying our client order id. {@link #place} first asks Alpaca
 * whether it already has that id and after any failure whose outcome is unknown (timeout, dropped
 * connection) asks again before reporting it, so an order is never sent twice blindly; a
 * "client_order_id must be unique" refusal returns the order Alpaca has.
 *
 * <p>Activities come from {@code /v2/account/activities} in ascending order, paged by activity id:
 * fills (mapped to our client order id through the order), deposits (CSD), withdrawals (CSW),
 * option assignments (OPASN), expirations (OPEXP), exercises (OPEXC) and cash items (fees,
 * dividends, interest).
 *
 * <p>Market data (quotes and chains) come from the {@link MarketView} given at construction: this
 * version does not read Alpaca's market-data API.
 */
public final class AlpacaBroker implements Broker {

    private static final Logger log = LoggerFactory.getLogger(AlpacaBroker.class);
    static final String ACTIVITY_TYPES = "FILL,CSD,CSW,OPASN,OPEXP,OPEXC,FEE,DIV,INT";
    private static final int PAGE = 100;

    private final AlpacaHttp http;
    private final MarketView market;
    private final String expectedAccount;
    /** Alpaca order id -> our client order id, for mapping fills. Orders never change their client id. */
    private final Map<String, ClientOrderId> clientIds = new ConcurrentHashMap<>();
    private volatile String accountNumber;

    /**
     * @param expectedAccount Alpaca's account number this adapter must find behind the keys, or null
     *                        when testing new keys (then {@link #accountId()} asks Alpaca)
     */
    public AlpacaBroker(AlpacaSettings settings, AlpacaCredentials credentials, MarketView market, String expectedAccount) {
        this(settings, credentials, market, expectedAccount, AlpacaHttp.defaultClient(settings), java.lang.Thread::sleep);
    }

    AlpacaBroker(AlpacaSettings settings, AlpacaCredentials credentials, MarketView market, String expectedAccount, HttpClient client,
                 AlpacaHttp.Pause pause) {
        this.http = new AlpacaHttp(settings, credentials, client, pause);
        this.market = market;
        this.expectedAccount = expectedAccount;
    }

    public AlpacaMode mode() {
        return http.settings().mode();
    }

    @Override
    public String accountId() {
        if (expectedAccount != null) {
            return expectedAccount;
        }
        if (accountNumber == null) {
            account();
        }
        return accountNumber;
    }

    @Override
    public BrokerAccount account() {
        Object body = http.get("/v2/account");
        try {
            JsonObject a = JsonObject.of(body, "the account");
            String number = a.text("account_number");
            if (expectedAccount != null && !expectedAccount.equals(number)) {
                // keys of another account must not trade this one's book
                throw new BrokerException(Kind.AUTHENTICATION, "These Alpaca keys belong to account " + number + ", not to " + expectedAccount
                        + ". Enter this account's own keys.");
            }
            accountNumber = number;
            Money cash = a.money("cash");
            Money buyingPower = a.optMoney("options_buying_power").orElseGet(() -> a.money("buying_power"));
            long level = a.optDecimal("options_trading_level").or(() -> a.optDecimal("options_approved_level"))
                    .map(BigDecimal::longValue).orElse(0L);
            String status = a.text("status");
            if (a.flag("trading_blocked") || a.flag("account_blocked")) {
                status = status + " (trading blocked)";
            }
            return new BrokerAccount(number, cash, buyingPower, a.money("equity"), level >= 1, status);
        } catch (IllegalArgumentException e) {
            throw http.unreadable("GET", "/v2/account", e);
        }
    }

    @Override
    public List<BrokerPosition> positions() {
        Object body = http.get("/v2/positions");
        try {
            List<BrokerPosition> out = new ArrayList<>();
            for (JsonObject p : JsonObject.listOf(body, "the positions")) {
                Instrument instrument = AlpacaSymbols.parse(p.text("symbol"), p.optText("asset_class").orElse(null));
                long qty = p.quantity("qty");
                if ("short".equals(p.optText("side").orElse("")) && qty > 0) {
                    qty = -qty;
                }
                BigDecimal basis = p.decimal("avg_entry_price").multiply(BigDecimal.valueOf(qty * instrument.multiplier()));
                out.add(new BrokerPosition(instrument, qty, JsonObject.toMoney(basis)));
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw http.unreadable("GET", "/v2/positions", e);
        }
    }

    @Override
    public BrokerOrder place(OrderRequest request) {
        Optional<BrokerOrder> existing = order(request.clientOrderId());
        if (existing.isPresent()) {
            log.info("Order {} already at Alpaca ({}): not sent again", request.clientOrderId(), existing.get().status());
            return existing.get();
        }
        try {
            return toOrder(http.post("/v2/orders", orderJson(request)), "POST /v2/orders");
        } catch (AlpacaRefusal e) {
            if (e.duplicateClientOrderId()) {
                return order(request.clientOrderId()).orElseThrow(() -> e);
            }
            throw e;
        } catch (BrokerException e) {
            if (e.kind() == Kind.TIMEOUT || e.kind() == Kind.UNAVAILABLE) {
                // the order may have reached Alpaca before the connection failed: ask, do not resend
                try {
                    Optional<BrokerOrder> sent = order(request.clientOrderId());
                    if (sent.isPresent()) {
                        log.info("Order {} reached Alpaca although the answer was lost", request.clientOrderId());
                        return sent.get();
                    }
                } catch (BrokerException lookup) {
                    e.addSuppressed(lookup);
                }
            }
            throw e;
        }
    }

    @Override
    public Optional<BrokerOrder> order(ClientOrderId id) {
        String path = "/v2/orders:by_client_order_id?client_order_id=" + URLEncoder.encode(id.value(), StandardCharsets.UTF_8);
        return http.find(path).map(body -> toOrder(body, "GET /v2/orders:by_client_order_id"));
    }

    @Override
    public List<BrokerOrder> openOrders() {
        Object body = http.get("/v2/orders?status=open&limit=500&direction=asc");
        List<JsonObject> orders;
        try {
            orders = JsonObject.listOf(body, "the orders");
        } catch (IllegalArgumentException e) {
            throw http.unreadable("GET", "/v2/orders", e);
        }
        List<BrokerOrder> out = new ArrayList<>();
        for (JsonObject o : orders) {
            if (!o.has("limit_price")) {
                // an order the user placed by hand (market, stop): not ours, nothing to reconcile
                log.debug("Skipping Alpaca order {} without a limit price", o.optText("id").orElse("?"));
                continue;
            }
            out.add(toOrder(o, "GET /v2/orders"));
        }
        return out;
    }

    @Override
    public BrokerOrder cancel(ClientOrderId id) {
        BrokerOrder current = order(id).orElseThrow(() -> new BrokerException(Kind.NOT_FOUND, "Alpaca has no order " + id + " to cancel."));
        if (current.status().isFinal()) {
            return current;
        }
        try {
            http.delete("/v2/orders/" + current.brokerOrderId());
        } catch (AlpacaRefusal e) {
            // 422: no longer cancelable (it filled or is already cancelled); the state below says which
            if (e.status() != 422 && e.status() != 404) {
                throw e;
            }
        }
        return order(id).orElse(current);
    }

    @Override
    public List<BrokerActivity> activities(Optional<String> afterId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        StringBuilder path = new StringBuilder("/v2/account/activities?activity_types=").append(ACTIVITY_TYPES)
                .append("&direction=asc&page_size=").append(Math.min(limit, PAGE));
        afterId.map(AlpacaBroker::pageToken).filter(id -> !id.isEmpty())
                .ifPresent(id -> path.append("&page_token=").append(URLEncoder.encode(id, StandardCharsets.UTF_8)));
        Object body = http.get(path.toString());
        List<JsonObject> items;
        try {
            items = JsonObject.listOf(body, "the activities");
        } catch (IllegalArgumentException e) {
            throw http.unreadable("GET", "/v2/account/activities", e);
        }
        List<BrokerActivity> out = new ArrayList<>();
        for (JsonObject a : items) {
            try {
                toActivity(a).ifPresent(out::add);
            } catch (IllegalArgumentException e) {
                throw http.unreadable("GET", "/v2/account/activities", e);
            }
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    /**
     * Where a new account's feed starts: {@value #OPENING_PREFIX} followed by the newest activity's id
     * (nothing after the prefix when the account has none). Never blank, so it can serve as the opening
     * cash flow's reference; {@link #activities} reads it as "after that activity".
     */
    public String openingCursor() {
        return OPENING_PREFIX + latestActivityId().orElse("");
    }

    static final String OPENING_PREFIX = "opening:";

    private static String pageToken(String afterId) {
        return afterId.startsWith(OPENING_PREFIX) ? afterId.substring(OPENING_PREFIX.length()) : afterId;
    }

    /** The newest activity's id (empty when the account has none). */
    public Optional<String> latestActivityId() {
        Object body = http.get("/v2/account/activities?activity_types=" + ACTIVITY_TYPES + "&direction=desc&page_size=1");
        try {
            List<JsonObject> items = JsonObject.listOf(body, "the activities");
            return items.isEmpty() ? Optional.empty() : Optional.of(items.getFirst().text("id"));
        } catch (IllegalArgumentException e) {
            throw http.unreadable("GET", "/v2/account/activities", e);
        }
    }

    @Override
    public MarketView market() {
        return market;
    }

    private Optional<BrokerActivity> toActivity(JsonObject a) {
        String id = a.text("id");
        String type = a.text("activity_type");
        Instant at = a.optInstant("transaction_time").or(() -> a.optInstant("date"))
                .orElseThrow(() -> new IllegalArgumentException("activity " + id + " has no time"));
        BrokerActivity activity = switch (type) {
            case "FILL" -> {
                Instrument instrument = AlpacaSymbols.parse(a.text("symbol"), null);
                OrderSide side = a.text("side").toLowerCase(Locale.ROOT).startsWith("buy") ? OrderSide.BUY : OrderSide.SELL;
                yield new BrokerActivity.Fill(id, at, clientIdOf(a.text("order_id")), instrument, side, Math.abs(a.quantity("qty")),
                        a.money("price"), Money.ZERO);
            }
            case "CSD" -> new BrokerActivity.Deposit(id, at, a.money("net_amount").abs());
            case "CSW" -> new BrokerActivity.Withdrawal(id, at, a.money("net_amount").abs());
            case "OPASN" -> new BrokerActivity.Assignment(id, at, AlpacaSymbols.option(a.text("symbol")), Math.abs(a.quantity("qty")));
            case "OPEXC" -> new BrokerActivity.Exercise(id, at, AlpacaSymbols.option(a.text("symbol")), Math.abs(a.quantity("qty")));
            case "OPEXP" -> new BrokerActivity.Expiration(id, at, AlpacaSymbols.option(a.text("symbol")), a.quantity("qty"));
            default -> {
                Optional<Money> amount = a.optMoney("net_amount");
                if (amount.isEmpty() || amount.get().isZero()) {
                    yield null;
                }
                yield new BrokerActivity.CashAdjustment(id, at, amount.get(), type + a.optText("description").map(d -> ": " + d).orElse(""));
            }
        };
        return Optional.ofNullable(activity);
    }

    /** Our client order id of an Alpaca order (asked once per order); a hand-placed order gets a stand-in id. */
    private ClientOrderId clientIdOf(String alpacaOrderId) {
        ClientOrderId known = clientIds.get(alpacaOrderId);
        if (known != null) {
            return known;
        }
        Optional<Object> body = http.find("/v2/orders/" + URLEncoder.encode(alpacaOrderId, StandardCharsets.UTF_8));
        ClientOrderId id = body.flatMap(b -> JsonObject.of(b, "the order").optText("client_order_id"))
                .filter(s -> !s.isBlank() && s.length() <= 64)
                .map(ClientOrderId::new)
                .orElseGet(() -> new ClientOrderId(("alpaca-" + alpacaOrderId).substring(0, Math.min(64, 7 + alpacaOrderId.length()))));
        clientIds.put(alpacaOrderId, id);
        return id;
    }

    private BrokerOrder toOrder(Object body, String call) {
        try {
            return toOrder(JsonObject.of(body, "the order"), call);
        } catch (IllegalArgumentException e) {
            String[] parts = call.split(" ", 2);
            throw http.unreadable(parts[0], parts[1], e);
        }
    }

    private BrokerOrder toOrder(JsonObject o, String call) {
        try {
            ClientOrderId clientId = new ClientOrderId(o.text("client_order_id"));
            String brokerId = o.text("id");
            clientIds.put(brokerId, clientId);
            Instrument instrument = AlpacaSymbols.parse(o.text("symbol"), o.optText("asset_class").orElse(null));
            OrderSide side = o.text("side").toLowerCase(Locale.ROOT).startsWith("buy") ? OrderSide.BUY : OrderSide.SELL;
            PositionEffect effect = effect(o.optText("position_intent").orElse(""), instrument, side);
            long qty = o.quantity("qty");
            OrderRequest request = new OrderRequest(clientId, instrument, side, effect, qty, o.money("limit_price"));
            Instant submitted = o.optInstant("submitted_at").or(() -> o.optInstant("created_at"))
                    .orElseThrow(() -> new IllegalArgumentException("field 'created_at' is missing"));
            Instant updated = o.optInstant("updated_at").orElse(submitted);
            String alpacaStatus = o.text("status");
            return new BrokerOrder(request, brokerId, status(alpacaStatus), o.quantity("filled_qty"),
                    o.optMoney("filled_avg_price").orElse(Money.ZERO), submitted, updated, alpacaStatus);
        } catch (IllegalArgumentException e) {
            String[] parts = call.split(" ", 2);
            throw http.unreadable(parts[0], parts[1], e);
        }
    }

    private static PositionEffect effect(String intent, Instrument instrument, OrderSide side) {
        if (intent.endsWith("_to_open")) {
            return PositionEffect.OPEN;
        }
        if (intent.endsWith("_to_close")) {
            return PositionEffect.CLOSE;
        }
        // without an intent: our wheel sells options to open and buys shares to open
        boolean option = instrument instanceof OptionContract;
        return option == (side == OrderSide.SELL) ? PositionEffect.OPEN : PositionEffect.CLOSE;
    }

    /** Alpaca's order states (docs: "Order Lifecycle") onto ours. */
    static OrderStatus status(String alpaca) {
        return switch (alpaca) {
            case "filled" -> OrderStatus.FILLED;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "canceled", "replaced" -> OrderStatus.CANCELLED;
            case "expired" -> OrderStatus.EXPIRED;
            case "rejected", "suspended" -> OrderStatus.REJECTED;
            // new, accepted, pending_new, accepted_for_bidding, pending_cancel, pending_replace, done_for_day, held, calculated, stopped
            default -> OrderStatus.SUBMITTED;
        };
    }

    static String orderJson(OrderRequest r) {
        boolean option = r.instrument() instanceof OptionContract;
        StringBuilder b = new StringBuilder("{");
        field(b, "symbol", AlpacaSymbols.of(r.instrument()));
        field(b, "qty", Long.toString(r.quantity()));
        field(b, "side", r.side() == OrderSide.BUY ? "buy" : "sell");
        field(b, "type", "limit");
        field(b, "time_in_force", "day");
        field(b, "limit_price", r.limitPrice().toPlainString());
        if (option) {
            field(b, "position_intent", (r.side() == OrderSide.BUY ? "buy" : "sell") + (r.effect() == PositionEffect.OPEN ? "_to_open" : "_to_close"));
        }
        field(b, "client_order_id", r.clientOrderId().value());
        b.setLength(b.length() - 1);
        return b.append('}').toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append("\",");
    }

    @Override
    public String toString() {
        return "AlpacaBroker[" + mode() + ", " + (expectedAccount == null ? "account not yet known" : expectedAccount) + "]";
    }
}
