package io.alluse.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.broker.BrokerAccount;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerException.Kind;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.BrokerPosition;
import io.alluse.broker.OrderRequest;
import io.alluse.broker.alpaca.FakeAlpaca.Reply;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Stock;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.PositionEffect;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlpacaBrokerTest {

    static final String KEY_ID = "PKTESTKEY0000AB12";
    static final String SECRET = "sEcReT-do-not-leak-9f8e7d6c5b4a";
    static final ClientOrderId CID = new ClientOrderId("account-1.gen.2026-11-26.tsla-p-1");
    static final OptionContract TSLA_PUT = new OptionContract(new Symbol("TSLA"), LocalDate.of(2026, 11, 27), OptionRight.PUT,
            Money.ofDollars(250));
    static final OrderRequest SELL_PUTS = new OrderRequest(CID, TSLA_PUT, OrderSide.SELL, PositionEffect.OPEN, 2, Money.ofCents(510));

    final FakeAlpaca alpaca = new FakeAlpaca();
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        alpaca.close();
    }

    AlpacaBroker broker() {
        return broker(AlpacaSettings.at(AlpacaMode.PAPER, alpaca.base(), false).withTimeout(Duration.ofSeconds(2)));
    }

    AlpacaBroker broker(AlpacaSettings settings) {
        return new AlpacaBroker(settings, new AlpacaCredentials(KEY_ID, SECRET.toCharArray()), null, null,
                HttpClient.newBuilder().connectTimeout(settings.timeout()).build(), waits::add);
    }

    @Test
    void readsTheAccountAndSendsTheKeysAsAlpacaExpects() {
        alpaca.healthyAccount();
        BrokerAccount account = broker().account();

        assertThat(account).isEqualTo(new BrokerAccount("PA3TESTACCT1", Money.ofCents(50_000_012), Money.ofCents(47_500_012),
                Money.ofCents(51_234_567), true, "ACTIVE"));
        FakeAlpaca.Received request = alpaca.received("GET", "/v2/account").getFirst();
        assertThat(request.header("APCA-API-KEY-ID")).isEqualTo(KEY_ID);
        assertThat(request.header("APCA-API-SECRET-KEY")).isEqualTo(SECRET);
    }

    @Test
    void anAccountWithoutOptionsLevelIsNotApproved() {
        alpaca.on("GET", "/v2/account", Reply.fixture("account-no-options.json"));
        assertThat(broker().account().optionsApproved()).isFalse();
    }

    @Test
    void keysOfAnotherAccountAreRefused() {
        alpaca.healthyAccount();
        AlpacaSettings s = AlpacaSettings.at(AlpacaMode.PAPER, alpaca.base(), false);
        AlpacaBroker other = new AlpacaBroker(s, new AlpacaCredentials(KEY_ID, SECRET.toCharArray()), null, "PA9OTHER",
                HttpClient.newHttpClient(), waits::add);
        assertKind(other::account, Kind.AUTHENTICATION).hasMessageContaining("belong to account PA3TESTACCT1, not to PA9OTHER");
    }

    @Test
    void positionsMapSharesAndShortOptionsWithSignedQuantityAndCostBasis() {
        alpaca.on("GET", "/v2/positions", Reply.fixture("positions.json"));
        assertThat(broker().positions()).containsExactly(
                new BrokerPosition(new Stock(new Symbol("AAPL")), 100, Money.ofCents(1_502_500)),
                new BrokerPosition(TSLA_PUT, -2, Money.ofCents(-102_000)));
    }

    @Test
    void placesALimitOptionOrderWithOurClientOrderIdAfterCheckingAlpacaDoesNotHaveIt() {
        alpaca.on("GET", "/v2/orders:by_client_order_id", Reply.error(404, 40410000, "order not found"));
        alpaca.on("POST", "/v2/orders", Reply.fixture("order-new.json"));

        BrokerOrder order = broker().place(SELL_PUTS);

        assertThat(order.request()).isEqualTo(SELL_PUTS);
        assertThat(order.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(order.brokerOrderId()).isEqualTo("61e69015-8549-4bfd-b9c3-01e75843f47d");
        assertThat(order.submittedAt()).isEqualTo(Instant.parse("2026-11-26T15:05:01.120001Z"));
        assertThat(alpaca.received("GET", "/v2/orders:by_client_order_id").getFirst().query())
                .isEqualTo("client_order_id=account-1.gen.2026-11-26.tsla-p-1");
        String body = alpaca.received("POST", "/v2/orders").getFirst().body();
        JsonObject sent = JsonObject.of(JsonReader.parse(body), "body");
        assertThat(sent.text("symbol")).isEqualTo("TSLA261127P00250000");
        assertThat(sent.text("qty")).isEqualTo("2");
        assertThat(sent.text("side")).isEqualTo("sell");
        assertThat(sent.text("type")).isEqualTo("limit");
        assertThat(sent.text("time_in_force")).isEqualTo("day");
        assertThat(sent.text("limit_price")).isEqualTo("5.10");
        assertThat(sent.text("position_intent")).isEqualTo("sell_to_open");
        assertThat(sent.text("client_order_id")).isEqualTo(CID.value());
    }

    @Test
    void anOrderAlpacaAlreadyHasIsNotSentAgain() {
        alpaca.on("GET", "/v2/orders:by_client_order_id", Reply.fixture("order-filled.json"));
        BrokerOrder order = broker().place(SELL_PUTS);
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.filledQuantity()).isEqualTo(2);
        assertThat(order.averageFillPrice()).isEqualTo(Money.ofCents(512));
        assertThat(alpaca.received("POST", "/v2/orders")).isEmpty();
    }

    @Test
    void aDuplicateClientOrderIdRefusalReturnsTheOrderAlpacaHas() {
        alpaca.on("GET", "/v2/orders:by_client_order_id", Reply.error(404, 40410000, "order not found"), Reply.fixture("order-new.json"));
        alpaca.on("POST", "/v2/orders", Reply.error(422, 40010001, "client_order_id must be unique"));
        BrokerOrder order = broker().place(SELL_PUTS);
        assertThat(order.request().clientOrderId()).isEqualTo(CID);
        assertThat(alpaca.received("POST", "/v2/orders")).hasSize(1);
    }

    @Test
    void aDroppedConnectionDuringPlacementIsResolvedByLookingUpNotByResending() {
        alpaca.on("GET", "/v2/orders:by_client_order_id", Reply.error(404, 40410000, "order not found"), Reply.fixture("order-new.json"));
        alpaca.on("POST", "/v2/orders", Reply.dropped());
        BrokerOrder order = broker().place(SELL_PUTS);
        assertThat(order.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(alpaca.received("POST", "/v2/orders")).hasSize(1);
    }

    @Test
    void aSlowAnswerTimesOutAndAnOrderNotFoundAfterwardsIsReportedNotResent() {
        alpaca.on("GET", "/v2/orders:by_client_order_id", Reply.error(404, 40410000, "order not found"));
        alpaca.on("POST", "/v2/orders", Reply.fixture("order-new.json").after(Duration.ofSeconds(6)));
        assertKind(() -> broker().place(SELL_PUTS), Kind.TIMEOUT).hasMessageContaining("did not answer");
        assertThat(alpaca.received("POST", "/v2/orders")).hasSize(1);
        assertThat(alpaca.received("GET", "/v2/orders:by_client_order_id")).hasSize(2);
    }

    @Test
    void badKeysAreAnAuthenticationError() {
        alpaca.on("GET", "/v2/account", Reply.error(401, 40110000, "request is not authorized"));
        assertKind(() -> broker().account(), Kind.AUTHENTICATION).hasMessageContaining("refused the API keys")
                .hasMessageContaining("paper-trading keys");
    }

    @Test
    void forbiddenMapsByWhatAlpacaSays() {
        alpaca.on("GET", "/v2/account", Reply.error(403, 40310000, "forbidden"));
        assertKind(() -> broker().account(), Kind.AUTHENTICATION).hasMessageContaining("denied access (403");

        alpaca.on("GET", "/v2/orders:by_client_order_id", Reply.error(404, 40410000, "order not found"));
        alpaca.on("POST", "/v2/orders", Reply.error(403, 40310000, "insufficient options buying power for cash-secured put"));
        assertKind(() -> broker().place(SELL_PUTS), Kind.INSUFFICIENT_FUNDS).hasMessageContaining("buying power");

        alpaca.on("POST", "/v2/orders", Reply.error(403, 40310000, "account not eligible to trade options at this level"));
        assertKind(() -> broker().place(SELL_PUTS), Kind.NOT_APPROVED).hasMessageContaining("options trading");
    }

    @Test
    void notFound() {
        alpaca.on("GET", "/v2/orders:by_client_order_id", Reply.error(404, 40410000, "order not found"));
        assertThat(broker().order(CID)).isEmpty();
        assertKind(() -> broker().cancel(CID), Kind.NOT_FOUND);
        alpaca.on("GET", "/v2/account", Reply.error(404, 40410000, "not found"));
        assertKind(() -> broker().account(), Kind.NOT_FOUND);
    }

    @Test
    void unprocessableOrdersAreRejectedOrMarketClosed() {
        alpaca.on("GET", "/v2/orders:by_client_order_id", Reply.error(404, 40410000, "order not found"));
        alpaca.on("POST", "/v2/orders", Reply.error(422, 42210000, "options market is closed"));
        assertKind(() -> broker().place(SELL_PUTS), Kind.MARKET_CLOSED);
        alpaca.on("POST", "/v2/orders", Reply.error(422, 40010001, "limit_price must be in increments of 0.05"));
        assertKind(() -> broker().place(SELL_PUTS), Kind.REJECTED).hasMessageContaining("increments of 0.05");
    }

    @Test
    void rateLimitsAreWaitedOutAsAlpacaAsks() {
        alpaca.on("GET", "/v2/account", Reply.error(429, 42910000, "rate limit exceeded").withHeader("Retry-After", "2"),
                Reply.error(429, 42910000, "rate limit exceeded"), Reply.fixture("account.json"));
        assertThat(broker().account().accountId()).isEqualTo("PA3TESTACCT1");
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2)); // then 1 << attempt 1 = 2 s back-off
        assertThat(alpaca.received("GET", "/v2/account")).hasSize(3);
    }

    @Test
    void aPersistentRateLimitGivesUpRetryably() {
        alpaca.on("GET", "/v2/account", Reply.error(429, 42910000, "rate limit exceeded"));
        assertKind(() -> broker().account(), Kind.RATE_LIMITED).hasMessageContaining("slow down");
        assertThat(alpaca.received("GET", "/v2/account")).hasSize(4); // first try + 3 retries
        waits.clear();
        alpaca.on("GET", "/v2/account", Reply.error(429, 42910000, "rate limit exceeded").withHeader("Retry-After", "600"));
        assertKind(() -> broker().account(), Kind.RATE_LIMITED).hasMessageContaining("600 s");
        assertThat(waits).isEmpty();
    }

    @Test
    void serverErrorsAreRetryableUnavailability() {
        for (int status : new int[] {500, 502, 503}) {
            alpaca.on("GET", "/v2/positions", Reply.json(status, "<html>upstream error</html>"));
            BrokerException e = catchBroker(() -> broker().positions());
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e).hasMessageContaining(String.valueOf(status));
        }
    }

    @Test
    void malformedJsonIsReportedNotGuessed() {
        alpaca.on("GET", "/v2/account", Reply.json(200, "{\"account_number\": \"PA3\", \"cash\": "));
        assertKind(() -> broker().account(), Kind.UNAVAILABLE).hasMessageContaining("cannot read").hasMessageContaining("/v2/account");
        alpaca.on("GET", "/v2/account", Reply.json(200, "{\"account_number\": \"PA3\"}"));
        assertKind(() -> broker().account(), Kind.UNAVAILABLE).hasMessageContaining("field 'cash' is missing");
        alpaca.on("GET", "/v2/positions", Reply.json(200, "{\"not\": \"a list\"}"));
        assertKind(() -> broker().positions(), Kind.UNAVAILABLE).hasMessageContaining("not a JSON array");
    }

    @Test
    void networkDownIsUnavailable() {
        AlpacaBroker broker = broker();
        alpaca.stop();
        assertKind(broker::account, Kind.UNAVAILABLE).hasMessageContaining("Cannot reach Alpaca");
    }

    @Test
    void activitiesMapFillsCashFlowsAssignmentsAndExpirations() {
        alpaca.on("GET", "/v2/account/activities", Reply.fixture("activities.json"));
        alpaca.on("GET", "/v2/orders/61e69015-8549-4bfd-b9c3-01e75843f47d", Reply.fixture("order-filled.json"));

        List<BrokerActivity> feed = broker().activities(Optional.of("20261119000000000::x"), 50);

        OptionContract aaplCall = new OptionContract(new Symbol("AAPL"), LocalDate.of(2026, 11, 27), OptionRight.CALL, Money.ofDollars(200));
        assertThat(feed).containsExactly(
                new BrokerActivity.Deposit("20261120000000000::8b3a6d0e-1e9f-4d8a-9a3c-0e1f2a3b4c5d", Instant.parse("2026-11-20T00:00:00Z"),
                        Money.ofDollars(500_000)),
                new BrokerActivity.Fill("20261126150502000::1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", Instant.parse("2026-11-26T15:05:02Z"), CID,
                        TSLA_PUT, OrderSide.SELL, 2, Money.ofCents(512), Money.ZERO),
                new BrokerActivity.Assignment("20261128000000000::2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", Instant.parse("2026-11-28T00:00:00Z"),
                        TSLA_PUT, 2),
                new BrokerActivity.Expiration("20261128000000001::3e4f5a6b-7c8d-4e9f-0a1b-2c3d4e5f6a7b", Instant.parse("2026-11-28T00:00:00Z"),
                        aaplCall, -1),
                new BrokerActivity.Withdrawal("20261201000000000::4f5a6b7c-8d9e-4f0a-1b2c-3d4e5f6a7b8c", Instant.parse("2026-12-01T00:00:00Z"),
                        Money.ofCents(250_050)),
                new BrokerActivity.CashAdjustment("20261201000000001::5a6b7c8d-9e0f-4a1b-2c3d-4e5f6a7b8c9d", Instant.parse("2026-12-01T00:00:00Z"),
                        Money.ofCents(-2), "FEE: REG/TAF fee"));
        String query = alpaca.received("GET", "/v2/account/activities").getFirst().query();
        assertThat(query).contains("direction=asc").contains("page_size=50").contains("page_token=20261119000000000%3A%3Ax")
                .contains("activity_types=" + AlpacaBroker.ACTIVITY_TYPES);
        assertThat(broker().activities(Optional.empty(), 2)).hasSize(2);
        broker().activities(Optional.of(AlpacaBroker.OPENING_PREFIX), 10);
        assertThat(alpaca.received("GET", "/v2/account/activities").getLast().query()).doesNotContain("page_token");
        broker().activities(Optional.of(AlpacaBroker.OPENING_PREFIX + "20261119000000000::x"), 10);
        assertThat(alpaca.received("GET", "/v2/account/activities").getLast().query()).contains("page_token=20261119000000000%3A%3Ax");
    }

    @Test
    void openOrdersSkipOrdersWithoutALimitAndCancelAsksAlpaca() {
        alpaca.on("GET", "/v2/orders", Reply.fixture("orders-open.json"));
        assertThat(broker().openOrders()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(o.filledQuantity()).isEqualTo(1);
        });

        alpaca.on("GET", "/v2/orders:by_client_order_id", Reply.fixture("order-new.json"), Reply.fixture("order-canceled.json"));
        alpaca.on("DELETE", "/v2/orders/61e69015-8549-4bfd-b9c3-01e75843f47d", Reply.noContent());
        assertThat(broker().cancel(CID).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(alpaca.received("DELETE", "/v2/orders/61e69015-8549-4bfd-b9c3-01e75843f47d")).hasSize(1);
    }

    @Test
    void credentialsNeverShowInMessagesEvenWhenTheServerEchoesThem() {
        alpaca.on("GET", "/v2/account", Reply.error(403, 40310000, "key " + KEY_ID + " with secret " + SECRET + " is forbidden"));
        BrokerException e = catchBroker(() -> broker().account());
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(KEY_ID).contains("***");
        AlpacaCredentials credentials = new AlpacaCredentials(KEY_ID, SECRET.toCharArray());
        assertThat(credentials.toString()).doesNotContain(SECRET).doesNotContain(KEY_ID).contains("AB12");
    }

    @Test
    void liveTradingNeedsAnExplicitConfirmationAndHttpsAwayFromThisComputer() {
        assertThatThrownBy(() -> AlpacaSettings.live(false)).hasMessageContaining("real money");
        assertThat(AlpacaSettings.live(true).base().toString()).isEqualTo("https://api.alpaca.markets");
        assertThat(AlpacaSettings.paper().base().toString()).isEqualTo("https://paper-api.alpaca.markets");
        assertThatThrownBy(() -> AlpacaSettings.at(AlpacaMode.LIVE, alpaca.base(), false)).hasMessageContaining("confirm live trading");
        assertThatThrownBy(() -> AlpacaSettings.at(AlpacaMode.PAPER, java.net.URI.create("http://example.com"), false))
                .hasMessageContaining("https");
    }

    private static BrokerException catchBroker(ThrowingCallable call) {
        try {
            call.call();
        } catch (BrokerException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected a BrokerException, got " + t, t);
        }
        throw new AssertionError("expected a BrokerException");
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertKind(ThrowingCallable call, Kind kind) {
        BrokerException e = catchBroker(call);
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
        assertThat(e.getMessage()).doesNotContain(SECRET);
        return assertThat((Throwable) e);
    }
}
