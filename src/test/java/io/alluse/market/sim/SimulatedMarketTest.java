package io.alluse.market.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Symbol;
import io.alluse.market.DailyClose;
import io.alluse.market.MarketDataException;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.OptionQuote;
import io.alluse.market.clock.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final Symbol TSLA = new Symbol("TSLA");
    private static final LocalDate START = LocalDate.of(2026, 1, 2);
    private static final Instant MONDAY_1130 = Instant.parse("2026-01-12T16:30:00Z");

    private static SimulatedMarket market(long seed, Instant at) {
        return new SimulatedMarket(new SimulatedClock(at), SimulationSettings.defaults(seed, START));
    }

    @Test
    void startsAtTheProfilePrices() {
        SimulatedMarket m = market(7, MONDAY_1130);
        for (SymbolProfile p : SymbolProfile.defaults()) {
            assertThat(m.closeOn(p.symbol(), START)).as(p.symbol().value()).isCloseTo(p.price(), within(1e-9 * p.price()));
        }
        assertThat(m.symbols()).contains(AAPL, TSLA, new Symbol("SPY"), new Symbol("QQQ"));
    }

    @Test
    void sameSeedSamePricesDifferentSeedDifferentPrices() {
        SimulatedMarket a = market(42, MONDAY_1130);
        SimulatedMarket b = market(42, MONDAY_1130);
        SimulatedMarket c = market(43, MONDAY_1130);
        assertThat(a.spot(AAPL)).isEqualTo(b.spot(AAPL)).isNotEqualTo(c.spot(AAPL));
        assertThat(a.closeOn(TSLA, LocalDate.of(2027, 6, 1))).isEqualTo(b.closeOn(TSLA, LocalDate.of(2027, 6, 1)));
    }

    @Test
    void pricesDoNotDependOnTheOrderOrThreadOfTheQuestions() throws Exception {
        List<Instant> moments = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            moments.add(Instant.parse("2026-01-05T14:30:00Z").plus(Duration.ofMinutes(37L * i)));
        }
        SimulatedMarket reference = market(99, MONDAY_1130);
        List<Double> expected = moments.stream().map(t -> reference.spotAt(AAPL, t)).toList();

        SimulatedMarket shared = market(99, MONDAY_1130);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < moments.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(1));
        double[] got = new double[moments.size()];
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : order) {
                futures.add(pool.submit(() -> {
                    got[i] = shared.spotAt(AAPL, moments.get(i));
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).as("moment %s", moments.get(i)).isEqualTo(expected.get(i));
        }
    }

    @Test
    void intradayPathJoinsThePreviousCloseToTheClose() {
        SimulatedMarket m = market(5, MONDAY_1130);
        LocalDate day = LocalDate.of(2026, 1, 12);
        double previousClose = m.closeOn(AAPL, LocalDate.of(2026, 1, 9));
        double close = m.closeOn(AAPL, day);
        assertThat(m.spotAt(AAPL, Instant.parse("2026-01-12T13:00:00Z"))).isEqualTo(previousClose); // 08:00, before the open
        assertThat(m.spotAt(AAPL, Instant.parse("2026-01-12T14:30:00Z"))).isCloseTo(previousClose, within(1e-9));
        assertThat(m.spotAt(AAPL, Instant.parse("2026-01-12T21:00:00Z"))).isEqualTo(close);
        assertThat(m.spotAt(AAPL, Instant.parse("2026-01-17T18:00:00Z"))) // Saturday: Friday's close
                .isEqualTo(m.closeOn(AAPL, LocalDate.of(2026, 1, 16)));
        // Continuous within the session: one second moves the price far less than a whole day does.
        double a = m.spotAt(AAPL, Instant.parse("2026-01-12T17:00:00Z"));
        double b = m.spotAt(AAPL, Instant.parse("2026-01-12T17:00:01Z"));
        assertThat(Math.abs(Math.log(b / a))).isLessThan(0.002);
    }

    @Test
    void dailyReturnsHaveTheProfilesVolatilityAndAreIndependent() {
        // Five years of TSLA closes against the model: sigma 0.55 with one step per weekday.
        SimulatedMarket m = market(2024, Instant.parse("2031-01-02T21:00:00Z"));
        List<DailyClose> closes = m.closes(TSLA, LocalDate.of(2026, 1, 2), LocalDate.of(2030, 12, 31));
        assertThat(closes).hasSizeGreaterThan(1200);
        double[] r = new double[closes.size() - 1];
        for (int i = 1; i < closes.size(); i++) {
            r[i - 1] = Math.log(closes.get(i).close() / closes.get(i - 1).close());
        }
        double sum = 0;
        double sumSq = 0;
        double lagged = 0;
        for (int i = 0; i < r.length; i++) {
            sum += r[i];
            sumSq += r[i] * r[i];
            if (i > 0) {
                lagged += r[i] * r[i - 1];
            }
        }
        double years = closes.size() / 252.0;
        double annualVariance = sumSq / years; // sum of squared log returns per year
        assertThat(Math.sqrt(annualVariance)).isCloseTo(0.55, within(0.55 * 0.06));
        double autocorrelation = lagged / sumSq;
        assertThat(autocorrelation).isBetween(-0.1, 0.1); // standard error about 0.03
        assertThat(sum / years).isBetween(-0.6, 0.6); // drift minus sigma^2/2, noisy over five years
    }

    @Test
    void thousandAccountsOnManyThreadsShareOneChain() throws Exception {
        SimulatedMarket m = market(3, MONDAY_1130);
        LocalDate expiry = LocalDate.of(2026, 1, 16);
        Set<OptionChain> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<OptionChain>> futures = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                futures.add(pool.submit(() -> m.chain(AAPL, expiry)));
            }
            for (Future<OptionChain> f : futures) {
                distinct.add(f.get());
            }
        }
        assertThat(distinct).hasSize(1);
        assertThat(m.chainsBuilt()).isEqualTo(1);
        OptionChain chain = distinct.iterator().next();
        assertThat(chain.underlyingPrice()).isEqualTo(m.spot(AAPL));
    }

    @Test
    void chainMemoryStaysBoundedOverManySimulatedWeeks() {
        SimulatedClock clock = new SimulatedClock(MONDAY_1130);
        SimulatedMarket m = new SimulatedMarket(clock, SimulationSettings.defaults(1, START).withChainCacheSize(16));
        for (int week = 0; week < 60; week++) {
            for (LocalDate expiry : m.expiries(TSLA).subList(0, 3)) {
                m.chain(TSLA, expiry);
                m.chain(AAPL, expiry);
            }
            clock.advance(Duration.ofDays(7));
        }
        assertThat(m.chainsBuilt()).isEqualTo(60 * 6);
        assertThat(m.chainsCached()).isLessThanOrEqualTo(16);
    }

    @Test
    void pricesMoveInQuoteIntervalSteps() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-12T16:30:10Z"));
        SimulatedMarket m = new SimulatedMarket(clock, SimulationSettings.defaults(11, START));
        double first = m.spot(AAPL);
        clock.advance(Duration.ofSeconds(40));
        assertThat(m.spot(AAPL)).isEqualTo(first);
        assertThat(m.quoteTime()).isEqualTo(Instant.parse("2026-01-12T16:30:00Z"));
        clock.advance(Duration.ofSeconds(15));
        assertThat(m.spot(AAPL)).isNotEqualTo(first);
    }

    @Test
    void expiriesChainsAndQuotesOfTheDay() {
        SimulatedMarket m = market(8, MONDAY_1130);
        List<LocalDate> expiries = m.expiries(AAPL);
        assertThat(expiries.getFirst()).isEqualTo(LocalDate.of(2026, 1, 16));
        assertThat(expiries).contains(LocalDate.of(2026, 2, 20), LocalDate.of(2027, 1, 15), LocalDate.of(2029, 1, 19));
        OptionChain chain = m.chain(AAPL, LocalDate.of(2026, 2, 20));
        OptionQuote fromChain = chain.puts().get(chain.puts().size() / 2);
        OptionQuote direct = m.quote(fromChain.contract());
        assertThat(direct).isEqualTo(fromChain);
        assertThatThrownBy(() -> m.chain(AAPL, LocalDate.of(2026, 1, 23).plusWeeks(20)))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("listed");
    }

    @Test
    void todaysExpiryDisappearsAtTheClosingBellAndCannotBeQuotedAfterwards() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-16T20:59:00Z"));
        SimulatedMarket m = new SimulatedMarket(clock, SimulationSettings.defaults(8, START));
        LocalDate friday = LocalDate.of(2026, 1, 16);
        assertThat(m.expiries(AAPL).getFirst()).isEqualTo(friday);
        OptionContract put = new OptionContract(AAPL, friday, OptionRight.PUT, Money.ofDollars(200));
        assertThat(m.quote(put).bid().isNegative()).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(m.expiries(AAPL).getFirst()).isAfter(friday);
        assertThatThrownBy(() -> m.quote(put)).isInstanceOf(MarketDataException.class).hasMessageContaining("expired");
    }

    @Test
    void closesAreOnlyThoseAlreadyMade() {
        SimulatedMarket m = market(8, MONDAY_1130);
        List<DailyClose> closes = m.closes(AAPL, LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 31));
        assertThat(closes).extracting(DailyClose::date).containsExactly(
                LocalDate.of(2025, 12, 29), LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6),
                LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 9));
    }

    @Test
    void isTheSymbolCatalogOfThePaperMarket() {
        SimulatedMarket m = market(8, MONDAY_1130);
        assertThat(m.name()).isEqualTo("paper market");
        assertThat(m.isKnown(AAPL)).isTrue();
        assertThat(m.isKnown(new Symbol("XYZ"))).isFalse();
        assertThat(m.describeKnown()).startsWith("AAPL, AMD, AMZN");
        assertThatThrownBy(() -> m.spot(new Symbol("XYZ")))
                .isInstanceOf(MarketDataException.class)
                .hasMessage("XYZ is not quoted by the paper market; it quotes " + m.describeKnown());
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> SymbolProfile.of("AAPL", -5, 0.2, 0, 0)).hasMessageContaining("start price");
        assertThatThrownBy(() -> SymbolProfile.of("AAPL", 5, 0, 0, 0)).hasMessageContaining("volatility");
        assertThatThrownBy(() -> SimulationSettings.defaults(1, START).withProfiles(List.of(
                SymbolProfile.of("AAPL", 5, 0.2, 0, 0), SymbolProfile.of("AAPL", 6, 0.2, 0, 0))))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> SimulationSettings.defaults(1, START).withQuoteInterval(Duration.ZERO))
                .hasMessageContaining("quote interval");
    }
}
