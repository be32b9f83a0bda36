package io.alluse.broker.alpaca;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.BrokerPosition;
import io.alluse.broker.OrderRequest;
import io.alluse.broker.paper.PaperAccount;
import io.alluse.broker.paper.PaperBroker;
import io.alluse.broker.paper.PaperSettings;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.PositionEffect;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import io.alluse.market.clock.SimulatedClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful Alpaca on the loopback interface, for engine tests: the trading API (account,
 * positions, orders with client order id lookup and duplicate refusal, the activity feed with fills,
 * deposits CSD, withdrawals CSW, assignments OPASN and expirations OPEXP) and the market data API
 * (option contracts, option snapshots, stock snapshots) in Alpaca's JSON shapes.
 *
 * <p>Behind it: one in-memory {@link PaperAccount} per Alpaca account (the paper broker's matching,
 * expiry and assignment code, without commissions as at Alpaca) and the simulated market, so fills
 * and expiries behave as at the paper broker. It lives in the test JVM: an engine in a child JVM
 * that is killed finds it unchanged when it restarts. A child moves the server's clock forward with
 * {@code POST /test/clock} (never backward), since its simulated time is its own.
 */
public final class AlpacaSimulator implements AutoCloseable {

    /** Alpaca commissions nothing on options; a cent of slippage as the paper default. */
    public static final PaperSettings SETTINGS = new PaperSettings(Money.ofCents(1), Money.ZERO, Money.ZERO);
    private static final int CONTRACTS_PAGE = 250;
    private static final int SNAPSHOTS_PAGE = 40;

    private final HttpServer server;
    private final MarketView market;
    private final SimulatedClock clock;
    /** Alpaca account by API key id. */
    private final Map<String, PaperAccount> byKey = new ConcurrentHashMap<>();
    /** Alpaca order id to our client order id, for every order ever accepted. */
    private final Map<String, ClientOrderId> orderIds = new ConcurrentHashMap<>();
    /** Every order POST that reached the server, per client order id. */
    private final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
    private final AtomicInteger duplicatesRefused = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger marketData = new AtomicInteger();

    /**
     * @param clock the market's clock if {@code POST /test/clock} may move it (a child JVM), else null
     */
    public AlpacaSimulator(MarketView market, SimulatedClock clock) {
        this.market = market;
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Moves the market's clock forward to {@code to} (never back): the engine's simulated time, before it works at it. */
    public synchronized void advanceTo(Instant to) {
        if (clock != null && to.isAfter(clock.now())) {
            clock.setTo(to);
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Opens an Alpaca account reached with {@code keyId}, funded with {@code cash} (a CSD activity). */
    public PaperBroker openAccount(String keyId, String accountNumber, Money cash) {
        PaperAccount account = PaperAccount.open(accountNumber, market, SETTINGS, cash);
        byKey.put(keyId, account);
        return account;
    }

    public PaperBroker account(String keyId) {
        return byKey.get(keyId);
    }

    /** How many order POSTs carried each client order id. */
    public Map<String, Integer> postsPerClientOrderId() {
        Map<String, Integer> out = new LinkedHashMap<>();
        posts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public int duplicatesRefused() {
        return duplicatesRefused.get();
    }

    public int requests() {
        return requests.get();
    }

    /** Requests for contracts, quotes and prices. */
    public int marketDataRequests() {
        return marketData.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- dispatch -------------------------------------------------------------------------------

    private record Answer(int status, String body) {
        static Answer ok(String body) {
            return new Answer(200, body);
        }

        static Answer error(int status, long code, String message) {
            return new Answer(status, "{\"code\":" + code + ",\"message\":" + str(message) + "}");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            Map<String, String> query = query(uri.getRawQuery());
            Answer answer;
            try {
                answer = route(exchange.getRequestMethod(), uri.getPath(), query, body, exchange.getRequestHeaders().getFirst("APCA-API-KEY-ID"));
            } catch (BrokerException e) {
                answer = refusal(e);
            } catch (MarketDataException e) {
                answer = Answer.error(404, 40410000, e.getMessage());
            } catch (RuntimeException e) {
                answer = Answer.error(500, 50010000, "simulator failure: " + e);
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private Answer route(String method, String path, Map<String, String> q, String body, String keyId) {
        if (method.equals("POST") && path.equals("/test/clock")) {
            advanceTo(Instant.parse(body.strip()));
            return new Answer(204, "");
        }
        PaperAccount account = keyId == null ? null : byKey.get(keyId);
        if (account == null) {
            return Answer.error(401, 40110000, "request is not authorized");
        }
        if (path.startsWith("/v1beta1/") || path.startsWith("/v2/stocks/") || path.startsWith("/v2/options/")) {
            marketData.incrementAndGet();
        }
        if (path.startsWith("/v1beta1/") || path.startsWith("/v2/stocks/")) {
            return Answer.ok(marketData(path, q));
        }
        return switch (method + " " + path) {
            case "GET /v2/account" -> Answer.ok(accountJson(account));
            case "GET /v2/positions" -> Answer.ok(json(account.positions().stream().map(AlpacaSimulator::positionJson).toList()));
            case "GET /v2/orders" -> Answer.ok(json(account.openOrders().stream().map(this::orderJson).toList()));
            case "POST /v2/orders" -> place(account, body);
            case "GET /v2/orders:by_client_order_id" -> account.order(new ClientOrderId(q.get("client_order_id")))
                    .map(o -> Answer.ok(orderJson(o))).orElse(Answer.error(404, 40410000, "order not found"));
            case "GET /v2/account/activities" -> Answer.ok(activities(account, q));
            case "GET /v2/options/contracts" -> Answer.ok(contracts(q));
            default -> {
                if (path.startsWith("/v2/orders/")) {
                    ClientOrderId id = orderIds.get(path.substring("/v2/orders/".length()));
                    Optional<BrokerOrder> order = id == null ? Optional.empty() : account.order(id);
                    if (order.isEmpty()) {
                        yield Answer.error(404, 40410000, "order not found");
                    }
                    if (method.equals("DELETE")) {
                        if (order.get().status().isFinal()) {
                            yield Answer.error(422, 42210000, "order is not cancelable");
                        }
                        account.cancel(id);
                        yield new Answer(204, "");
                    }
                    yield Answer.ok(orderJson(order.get()));
                }
                yield Answer.error(404, 40410000, "endpoint not found");
            }
        };
    }

    private Answer place(PaperAccount account, String body) {
        JsonObject o = JsonObject.of(JsonReader.parse(body), "the order");
        ClientOrderId id = new ClientOrderId(o.text("client_order_id"));
        posts.computeIfAbsent(id.value(), k -> new AtomicInteger()).incrementAndGet();
        if (account.order(id).isPresent()) {
            duplicatesRefused.incrementAndGet();
            return Answer.error(422, 40010001, "client_order_id must be unique");
        }
        Instrument instrument = AlpacaSymbols.parse(o.text("symbol"), null);
        OrderSide side = o.text("side").equals("buy") ? OrderSide.BUY : OrderSide.SELL;
        String intent = o.optText("position_intent").orElse("");
        PositionEffect effect = intent.endsWith("_to_close") ? PositionEffect.CLOSE
                : intent.endsWith("_to_open") ? PositionEffect.OPEN
                : (instrument instanceof OptionContract) == (side == OrderSide.SELL) ? PositionEffect.OPEN : PositionEffect.CLOSE;
        BrokerOrder placed = account.place(new OrderRequest(id, instrument, side, effect, o.quantity("qty"), o.money("limit_price")));
        return Answer.ok(orderJson(placed));
    }

    private static Answer refusal(BrokerException e) {
        return switch (e.kind()) {
            case INSUFFICIENT_FUNDS -> Answer.error(403, 40310000, "insufficient buying power: " + e.getMessage());
            case MARKET_CLOSED -> Answer.error(422, 42210000, "market closed: " + e.getMessage());
            case NOT_FOUND -> Answer.error(404, 40410000, e.getMessage());
            case NOT_APPROVED -> Answer.error(403, 40310000, "options trading not approved: " + e.getMessage());
            default -> Answer.error(422, 42210000, e.getMessage());
        };
    }

    // ---- trading JSON ---------------------------------------------------------------------------

    private static String accountJson(PaperAccount account) {
        var a = account.account();
        return "{\"id\":\"a1b2c3d4-0000-4000-8000-" + String.format("%012d", Math.abs(a.accountId().hashCode()) % 1_000_000_000_000L)
                + "\",\"account_number\":" + str(a.accountId()) + ",\"status\":\"ACTIVE\",\"currency\":\"USD\",\"cash\":" + str(a.cash().toPlainString())
                + ",\"buying_power\":" + str(a.buyingPower().toPlainString()) + ",\"options_buying_power\":" + str(a.buyingPower().toPlainString())
                + ",\"equity\":" + str(a.equity().toPlainString()) + ",\"options_approved_level\":2,\"options_trading_level\":2"
                + ",\"pattern_day_trader\":false,\"trading_blocked\":false,\"transfers_blocked\":false,\"account_blocked\":false}";
    }

    private static String positionJson(BrokerPosition p) {
        boolean option = p.instrument() instanceof OptionContract;
        long units = Math.abs(p.quantity()) * p.instrument().multiplier();
        BigDecimal avg = units == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(Math.abs(p.costBasis().cents()))
                .divide(BigDecimal.valueOf(units * 100L), 6, RoundingMode.HALF_EVEN);
        return "{\"asset_id\":\"00000000-0000-4000-8000-000000000000\",\"symbol\":" + str(AlpacaSymbols.of(p.instrument()))
                + ",\"exchange\":\"\",\"asset_class\":" + str(option ? "us_option" : "us_equity") + ",\"qty\":" + str(Long.toString(p.quantity()))
                + ",\"side\":" + str(p.quantity() < 0 ? "short" : "long") + ",\"avg_entry_price\":" + str(avg.toPlainString()) + "}";
    }

    private String orderJson(BrokerOrder o) {
        orderIds.put(o.brokerOrderId(), o.request().clientOrderId());
        OrderRequest r = o.request();
        boolean option = r.instrument() instanceof OptionContract;
        String status = switch (o.status()) {
            case FILLED -> "filled";
            case PARTIALLY_FILLED -> "partially_filled";
            case CANCELLED -> "canceled";
            case EXPIRED -> "expired";
            case REJECTED -> "rejected";
            default -> "new";
        };
        String intent = (r.side() == OrderSide.BUY ? "buy" : "sell") + (r.effect() == PositionEffect.OPEN ? "_to_open" : "_to_close");
        return "{\"id\":" + str(o.brokerOrderId()) + ",\"client_order_id\":" + str(r.clientOrderId().value())
                + ",\"created_at\":" + str(o.submittedAt().toString()) + ",\"updated_at\":" + str(o.updatedAt().toString())
                + ",\"submitted_at\":" + str(o.submittedAt().toString())
                + ",\"symbol\":" + str(AlpacaSymbols.of(r.instrument())) + ",\"asset_class\":" + str(option ? "us_option" : "us_equity")
                + ",\"qty\":" + str(Long.toString(r.quantity())) + ",\"filled_qty\":" + str(Long.toString(o.filledQuantity()))
                + ",\"filled_avg_price\":" + (o.filledQuantity() == 0 ? "null" : str(o.averageFillPrice().toPlainString()))
                + ",\"order_class\":\"simple\",\"order_type\":\"limit\",\"type\":\"limit\",\"side\":" + str(r.side() == OrderSide.BUY ? "buy" : "sell")
                + ",\"position_intent\":" + str(intent) + ",\"time_in_force\":\"day\",\"limit_price\":" + str(r.limitPrice().toPlainString())
                + ",\"status\":" + str(status) + ",\"extended_hours\":false}";
    }

    private String activities(PaperAccount account, Map<String, String> q) {
        int size = Integer.parseInt(q.getOrDefault("page_size", "100"));
        List<BrokerActivity> all;
        if ("desc".equals(q.get("direction"))) {
            all = account.activities(Optional.empty(), Integer.MAX_VALUE);
            List<BrokerActivity> newest = new ArrayList<>(all.subList(Math.max(0, all.size() - size), all.size()));
            java.util.Collections.reverse(newest);
            all = newest;
        } else {
            all = account.activities(Optional.ofNullable(q.get("page_token")), size);
        }
        List<String> out = new ArrayList<>();
        for (BrokerActivity a : all) {
            out.add(activityJson(a));
        }
        return json(out);
    }

    private String activityJson(BrokerActivity a) {
        String date = a.at().atZone(ZoneOffset.UTC).toLocalDate().toString();
        return switch (a) {
            case BrokerActivity.Fill f -> {
                String orderId = orderIds.entrySet().stream().filter(e -> e.getValue().equals(f.clientOrderId())).map(Map.Entry::getKey)
                        .findFirst().orElseThrow(() -> new IllegalStateException("fill of an unknown order " + f.clientOrderId()));
                yield "{\"id\":" + str(f.id()) + ",\"activity_type\":\"FILL\",\"transaction_time\":" + str(f.at().toString())
                        + ",\"type\":\"fill\",\"price\":" + str(f.price().toPlainString()) + ",\"qty\":" + str(Long.toString(f.quantity()))
                        + ",\"side\":" + str(f.side() == OrderSide.BUY ? "buy" : "sell") + ",\"symbol\":" + str(AlpacaSymbols.of(f.instrument()))
                        + ",\"leaves_qty\":\"0\",\"order_id\":" + str(orderId) + ",\"cum_qty\":" + str(Long.toString(f.quantity()))
                        + ",\"order_status\":\"filled\"}";
            }
            case BrokerActivity.Deposit d -> nonTrade(d.id(), "CSD", date, d.amount().toPlainString(), null, null);
            case BrokerActivity.Withdrawal w -> nonTrade(w.id(), "CSW", date, w.amount().negate().toPlainString(), null, null);
            case BrokerActivity.Assignment s -> nonTrade(s.id(), "OPASN", date, "0", AlpacaSymbols.of(s.option()), Long.toString(s.contracts()));
            case BrokerActivity.Expiration x -> nonTrade(x.id(), "OPEXP", date, "0", AlpacaSymbols.of(x.option()), Long.toString(x.quantity()));
            case BrokerActivity.Exercise x -> nonTrade(x.id(), "OPEXC", date, "0", AlpacaSymbols.of(x.option()), Long.toString(x.contracts()));
            case BrokerActivity.CashAdjustment c -> nonTrade(c.id(), "FEE", date, c.amount().toPlainString(), null, null);
            // the paper brokerage's transfer between two of its accounts has no Alpaca counterpart
            case BrokerActivity.PositionTransfer t -> throw new IllegalStateException("Alpaca has no position transfers: " + t);
            case BrokerActivity.CashJournal j -> nonTrade(j.id(), "JNLC", date, j.amount().toPlainString(), null, null);
        };
    }

    private static String nonTrade(String id, String type, String date, String amount, String symbol, String qty) {
        return "{\"id\":" + str(id) + ",\"activity_type\":" + str(type) + ",\"date\":" + str(date) + ",\"net_amount\":" + str(amount)
                + (symbol == null ? "" : ",\"symbol\":" + str(symbol) + ",\"qty\":" + str(qty)) + ",\"status\":\"executed\"}";
    }

    // ---- market data JSON -----------------------------------------------------------------------

    private String contracts(Map<String, String> q) {
        Symbol symbol = new Symbol(q.get("underlying_symbols"));
        LocalDate from = LocalDate.parse(q.get("expiration_date_gte"));
        LocalDate to = LocalDate.parse(q.get("expiration_date_lte"));
        List<String> all = new ArrayList<>();
        for (LocalDate expiry : market.expiries(symbol)) {
            if (expiry.isBefore(from) || expiry.isAfter(to)) {
                continue;
            }
            for (Money strike : market.chain(symbol, expiry).strikes()) {
                for (OptionRight right : OptionRight.values()) {
                    OptionContract c = new OptionContract(symbol, expiry, right, strike);
                    all.add("{\"id\":\"00000000-0000-4000-8000-000000000001\",\"symbol\":" + str(AlpacaSymbols.of(c)) + ",\"name\":"
                            + str(c.describe()) + ",\"status\":\"active\",\"tradable\":true,\"expiration_date\":" + str(expiry.toString())
                            + ",\"root_symbol\":" + str(symbol.value()) + ",\"underlying_symbol\":" + str(symbol.value())
                            + ",\"type\":" + str(right == OptionRight.CALL ? "call" : "put") + ",\"style\":\"american\",\"strike_price\":"
                            + str(strike.toPlainString()) + ",\"multiplier\":\"100\",\"size\":\"100\"}");
                }
            }
        }
        int limit = Math.min(CONTRACTS_PAGE, Integer.parseInt(q.getOrDefault("limit", "100")));
        return page("option_contracts", all, q.get("page_token"), limit, true);
    }

    private String marketData(String path, Map<String, String> q) {
        if (path.startsWith("/v2/stocks/") && path.endsWith("/snapshot")) {
            String symbol = path.substring("/v2/stocks/".length(), path.length() - "/snapshot".length());
            double spot = market.spot(new Symbol(symbol));
            return "{\"symbol\":" + str(symbol) + ",\"latestTrade\":{\"t\":" + str(market.now().toString()) + ",\"x\":\"V\",\"p\":" + spot
                    + ",\"s\":100},\"latestQuote\":{\"t\":" + str(market.now().toString()) + ",\"bp\":" + spot + ",\"ap\":" + spot + "}}";
        }
        if (path.equals("/v1beta1/options/snapshots")) {
            List<String> entries = new ArrayList<>();
            for (String occ : q.getOrDefault("symbols", "").split(",")) {
                if (occ.isBlank()) {
                    continue;
                }
                try {
                    entries.add(str(occ) + ":" + snapshotJson(market.quote(AlpacaSymbols.option(occ))));
                } catch (MarketDataException noQuote) {
                    // Alpaca leaves a symbol without data out of the map
                }
            }
            return "{\"snapshots\":{" + String.join(",", entries) + "},\"next_page_token\":null}";
        }
        if (path.startsWith("/v1beta1/options/snapshots/")) {
            Symbol symbol = new Symbol(path.substring("/v1beta1/options/snapshots/".length()));
            LocalDate expiry = LocalDate.parse(q.get("expiration_date"));
            OptionChain chain = market.chain(symbol, expiry);
            List<String> all = new ArrayList<>();
            for (OptionRight right : OptionRight.values()) {
                for (OptionQuote quote : chain.quotes(right)) {
                    all.add(str(AlpacaSymbols.of(quote.contract())) + ":" + snapshotJson(quote));
                }
            }
            return page("snapshots", all, q.get("page_token"), SNAPSHOTS_PAGE, false);
        }
        throw new MarketDataException("no market data at " + path);
    }

    private String snapshotJson(OptionQuote q) {
        String t = str(market.now().toString());
        return "{\"latestQuote\":{\"t\":" + t + ",\"ax\":\"C\",\"ap\":" + q.ask().toPlainString() + ",\"as\":10,\"bx\":\"N\",\"bp\":"
                + q.bid().toPlainString() + ",\"bs\":10,\"c\":\"A\"},\"greeks\":{\"delta\":" + q.delta() + ",\"gamma\":" + q.greeks().gamma()
                + ",\"rho\":" + q.greeks().rho() / 100 + ",\"theta\":" + q.greeks().thetaPerDay() + ",\"vega\":" + q.greeks().vega() / 100
                + "},\"impliedVolatility\":" + q.impliedVolatility() + "}";
    }

    /** One page of a list (array) or of a map (object of "key":value entries), with Alpaca's next_page_token. */
    private static String page(String field, List<String> all, String token, int size, boolean array) {
        int from = token == null ? 0 : Integer.parseInt(new String(java.util.Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? str(java.util.Base64.getEncoder().encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8)))
                : "null";
        String items = String.join(",", all.subList(from, to));
        return "{\"" + field + "\":" + (array ? "[" + items + "]" : "{" + items + "}") + ",\"next_page_token\":" + next + "}";
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String json(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
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
        return b.append('"').toString();
    }
}
