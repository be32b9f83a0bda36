package io.alluse.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerException.Kind;
import io.alluse.broker.alpaca.FakeAlpaca.Reply;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Symbol;
import io.alluse.market.DailyClose;
import io.alluse.market.MarketDataException;
import io.alluse.market.MarketView;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import io.alluse.market.clock.SimulatedClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link AlpacaMarket} against a loopback server answering with Alpaca-shaped market data. */
class AlpacaMarketTest {

    static final Symbol TSLA = new Symbol("TSLA");
    static final LocalDate NOV27 = LocalDate.of(2026, 11, 27);
    static final double RATE = 0.04;
    static final double YIELD = 0.0;

    final FakeAlpaca alpaca = new FakeAlpaca();
    final SimulatedClock clock = new SimulatedClock(ny("2026-11-23", "10:00"));

    @AfterEach
    void stop() {
        alpaca.close();
    }

    static Instant ny(String date, String time) {
        return ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), ExchangeCalendar.NEW_YORK).toInstant();
    }

    AlpacaMarket market(Duration timeout) {
        AlpacaSettings settings = AlpacaSettings.at(AlpacaMode.PAPER, alpaca.base(), false).withTimeout(timeout);
        return new AlpacaMarket(settings, alpaca.base(), new AlpacaCredentials("PKTESTKEY0000AB12", "sEcReT".toCharArray()),
                new Reference(clock), HttpClient.newBuilder().connectTimeout(timeout).build(), d -> { });
    }

    AlpacaMarket market() {
        return market(Duration.ofSeconds(2));
    }

    void tslaListed() {
        alpaca.on("GET", "/v2/options/contracts", Reply.fixture("option-contracts-page1.json"), Reply.fixture("option-contracts-page2.json"));
        alpaca.on("GET", "/v2/stocks/TSLA/snapshot", Reply.fixture("stock-snapshot.json"));
        alpaca.on("GET", "/v1beta1/options/snapshots/TSLA", Reply.fixture("option-snapshots-page1.json"),
                Reply.fixture("option-snapshots-page2.json"));
    }

    @Test
    void listsExpiriesFromEveryPageOfContracts() {
        tslaListed();
        assertThat(market().expiries(TSLA)).containsExactly(NOV27, LocalDate.of(2026, 12, 4));
        var requests = alpaca.received("GET", "/v2/options/contracts");
        assertThat(requests).hasSize(2);
        assertThat(requests.getFirst().query()).contains("underlying_symbols=TSLA", "expiration_date_gte=2026-11-23",
                "expiration_date_lte=2027-02-01").doesNotContain("page_token");
        assertThat(requests.get(1).query()).contains("page_token=MTAwMA%3D%3D");
        assertThat(requests.getFirst().header("APCA-API-KEY-ID")).isEqualTo("PKTESTKEY0000AB12");
    }

    @Test
    void chainJoinsContractsWithQuotesAndGreeksFromEveryPage() {
        tslaListed();
        OptionChain chain = market().chain(TSLA, NOV27);
        // 260 has a call quote but its put has no quote: a strike needs both sides
        assertThat(chain.strikes()).containsExactly(Money.ofDollars(240), Money.ofDollars(250));
        assertThat(chain.underlyingPrice()).isEqualTo(252.3);
        OptionQuote put250 = chain.quote(OptionRight.PUT, Money.ofDollars(250)).orElseThrow();
        assertThat(put250.bid()).isEqualTo(Money.ofCents(505));
        assertThat(put250.ask()).isEqualTo(Money.ofCents(515));
        assertThat(put250.delta()).as("Alpaca's own delta").isEqualTo(-0.4412);
        assertThat(put250.impliedVolatility()).isEqualTo(0.5123);
        assertThat(chain.quote(OptionRight.CALL, Money.ofDollars(240)).orElseThrow().delta()).isEqualTo(0.7011);
        assertThat(alpaca.received("GET", "/v1beta1/options/snapshots/TSLA")).hasSize(2)
                .satisfies(r -> assertThat(r.getFirst().query()).contains("expiration_date=2026-11-27", "feed=opra"))
                .satisfies(r -> assertThat(r.get(1).query()).contains("page_token="));
    }

    @Test
    void missingGreeksAreComputedFromTheImpliedVolatilityOrTheMid() {
        tslaListed();
        OptionChain chain = market().chain(TSLA, NOV27);
        double years = chain.yearsToExpiry();
        // Thanksgiving week: Friday the 27th closes early at 13:00 New York
        assertThat(years).isCloseTo(Duration.between(ny("2026-11-23", "10:00"), ny("2026-11-27", "13:00")).toSeconds()
                / (365.0 * 86_400), within(1e-12));
        double spot = 252.3;

        OptionQuote call250 = chain.quote(OptionRight.CALL, Money.ofDollars(250)).orElseThrow();
        assertThat(call250.impliedVolatility()).isEqualTo(0.5004);
        assertThat(call250.delta()).as("delta at Alpaca's IV, against Strata's Black-Scholes")
                .isCloseTo(BlackScholesFormulaRepository.delta(spot, 250, years, 0.5004, RATE, RATE - YIELD, true), within(1e-9));

        OptionQuote put240 = chain.quote(OptionRight.PUT, Money.ofDollars(240)).orElseThrow();
        double mid = (1.96 + 2.02) / 2;
        double iv = put240.impliedVolatility();
        assertThat(BlackScholesFormulaRepository.price(spot, 240, years, iv, RATE, RATE - YIELD, false))
                .as("the volatility solved from the mid reprices the mid").isCloseTo(mid, within(1e-7));
        assertThat(put240.delta())
                .isCloseTo(BlackScholesFormulaRepository.delta(spot, 240, years, iv, RATE, RATE - YIELD, false), within(1e-9));
        assertThat(put240.delta()).isBetween(-0.5, 0.0);
    }

    @Test
    void answersAreCachedForTheQuoteMinute() {
        tslaListed();
        AlpacaMarket market = market();
        market.chain(TSLA, NOV27);
        market.chain(TSLA, NOV27);
        market.quote(new OptionContract(TSLA, NOV27, OptionRight.PUT, Money.ofDollars(250)));
        market.spot(TSLA);
        assertThat(alpaca.received("GET", "/v1beta1/options/snapshots/TSLA")).hasSize(2);
        assertThat(alpaca.received("GET", "/v2/stocks/TSLA/snapshot")).hasSize(1);

        clock.setTo(ny("2026-11-23", "10:01"));
        alpaca.on("GET", "/v1beta1/options/snapshots/TSLA", Reply.fixture("option-snapshots-page1.json"),
                Reply.fixture("option-snapshots-page2.json"));
        market.chain(TSLA, NOV27);
        assertThat(alpaca.received("GET", "/v1beta1/options/snapshots/TSLA")).as("a new minute asks again").hasSize(4);
        assertThat(alpaca.received("GET", "/v2/stocks/TSLA/snapshot")).hasSize(2);
        assertThat(alpaca.received("GET", "/v2/options/contracts")).as("contracts are listed once a day").hasSize(2);
    }

    @Test
    void aContractOutsideTheChainIsQuotedAlone() {
        tslaListed();
        alpaca.on("GET", "/v1beta1/options/snapshots", Reply.json(200, """
                {"snapshots": {"TSLA261127P00245000": {"latestQuote": {"ap": 3.3, "bp": 3.1}, "impliedVolatility": 0.51}},
                 "next_page_token": null}"""));
        OptionContract held = new OptionContract(TSLA, NOV27, OptionRight.PUT, Money.ofDollars(245));
        OptionQuote q = market().quote(held);
        assertThat(q.mid()).isEqualTo(Money.ofCents(320));
        assertThat(alpaca.received("GET", "/v1beta1/options/snapshots").getFirst().query()).contains("symbols=TSLA261127P00245000");
        assertThatThrownBy(() -> market().quote(new OptionContract(TSLA, LocalDate.of(2026, 11, 20), OptionRight.PUT, Money.ofDollars(245))))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("has expired");
    }

    @Test
    void withoutAnOpraSubscriptionTheIndicativeFeedIsUsed() {
        tslaListed();
        alpaca.on("GET", "/v1beta1/options/snapshots/TSLA", Reply.error(403, 40310000, "OPRA agreement is not signed"),
                Reply.fixture("option-snapshots-page1.json"), Reply.fixture("option-snapshots-page2.json"));
        AlpacaMarket market = market();
        assertThat(market.chain(TSLA, NOV27).strikes()).hasSize(2);
        assertThat(market.optionFeed()).isEqualTo("indicative");
        var requests = alpaca.received("GET", "/v1beta1/options/snapshots/TSLA");
        assertThat(requests.getFirst().query()).contains("feed=opra");
        assertThat(requests.get(1).query()).contains("feed=indicative");
    }

    @Test
    void noMarketDataAtAllIsAnAccountErrorThatSaysWhatToDo() {
        tslaListed();
        alpaca.on("GET", "/v1beta1/options/snapshots/TSLA", Reply.error(403, 40310000, "forbidden"));
        assertThatThrownBy(() -> market().chain(TSLA, NOV27))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION))
                .hasMessageContaining("refuses market data for TSLA options")
                .hasMessageContaining("approved for options trading")
                .hasMessageNotContaining("sEcReT");
    }

    @Test
    void noListedContractsIsAnAccountErrorAndNoQuotesIsASkip() {
        alpaca.on("GET", "/v2/options/contracts", Reply.json(200, "{\"option_contracts\": [], \"next_page_token\": null}"));
        assertThatThrownBy(() -> market().expiries(TSLA))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("lists no tradable TSLA options").hasMessageContaining("remove TSLA");

        tslaListed();
        alpaca.on("GET", "/v1beta1/options/snapshots/TSLA", Reply.json(200, "{\"snapshots\": {}, \"next_page_token\": null}"));
        assertThatThrownBy(() -> market().chain(TSLA, NOV27))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("no usable quotes for TSLA options expiring 2026-11-27");
        assertThatThrownBy(() -> market().chain(TSLA, LocalDate.of(2026, 11, 30)))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("lists no TSLA options expiring 2026-11-30");
    }

    @Test
    void aSlowAnswerTimesOutAsARetryableFailure() {
        tslaListed();
        alpaca.on("GET", "/v2/stocks/TSLA/snapshot", Reply.fixture("stock-snapshot.json").after(Duration.ofSeconds(3)));
        assertThatThrownBy(() -> market(Duration.ofMillis(300)).spot(TSLA))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void aRepeatedPageTokenIsRefusedInsteadOfLoopingForEver() {
        alpaca.on("GET", "/v2/options/contracts", Reply.fixture("option-contracts-page1.json"));
        assertThatThrownBy(() -> market().expiries(TSLA))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessageContaining("did not end");
    }

    @Test
    void stockPriceFallsBackToTheQuoteThenTheBars() {
        alpaca.on("GET", "/v2/stocks/TSLA/snapshot", Reply.json(200, """
                {"symbol": "TSLA", "latestQuote": {"ap": 252.4, "bp": 252.2}, "prevDailyBar": {"c": 249.75}}"""));
        assertThat(market().spot(TSLA)).isCloseTo(252.3, within(1e-9));
        alpaca.on("GET", "/v2/stocks/XYZ/snapshot", Reply.error(404, 40410000, "symbol not found"));
        assertThatThrownBy(() -> market().spot(new Symbol("XYZ"))).isInstanceOf(MarketDataException.class).hasMessageContaining("XYZ");
    }

    /** The app's market as far as the Alpaca view uses it: clock, calendar, rate. */
    private record Reference(SimulatedClock clock) implements MarketView {
        @Override
        public Instant now() {
            return clock.now();
        }

        @Override
        public ExchangeCalendar calendar() {
            return ExchangeCalendar.nyse();
        }

        @Override
        public Set<Symbol> symbols() {
            return Set.of(TSLA);
        }

        @Override
        public double spot(Symbol symbol) {
            throw new AssertionError("priced by Alpaca");
        }

        @Override
        public List<LocalDate> expiries(Symbol symbol) {
            throw new AssertionError("listed by Alpaca");
        }

        @Override
        public OptionChain chain(Symbol symbol, LocalDate expiry) {
            throw new AssertionError("quoted by Alpaca");
        }

        @Override
        public OptionQuote quote(OptionContract contract) {
            throw new AssertionError("quoted by Alpaca");
        }

        @Override
        public double riskFreeRate() {
            return RATE;
        }

        @Override
        public double dividendYield(Symbol symbol) {
            return YIELD;
        }

        @Override
        public List<DailyClose> closes(Symbol symbol, LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public boolean isKnown(Symbol symbol) {
            return true;
        }

        @Override
        public String name() {
            return "test market";
        }

        @Override
        public String describeKnown() {
            return "TSLA";
        }
    }
}
