package io.alluse.bench;

import com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository;
import io.alluse.domain.Symbol;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.chain.MarketMaker;
import io.alluse.market.chain.OptionChain;
import io.alluse.market.chain.SpreadModel;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.pricing.BlackScholes;
import io.alluse.market.pricing.ExpiryPricer;
import io.alluse.market.pricing.FastMathProbe;
import io.alluse.market.pricing.MathExpBlackScholes;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.market.sim.SimulationSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Price+delta of ours against Strata's BlackScholesFormulaRepository (price() then delta(), the
 * way a caller of that API gets both) on the same 1,024 inputs, plus the cost of building one
 * option chain and of a shared chain lookup. Run through {@link PricingSection}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PricingBenchmark {

    static final int N = 1024;
    static final Instant MONDAY_NOON = Instant.parse("2026-01-12T17:00:00Z");

    private final double[] spot = new double[N];
    private final double[] strike = new double[N];
    private final double[] years = new double[N];
    private final double[] vol = new double[N];
    private final double[] rate = new double[N];
    private final double[] yield = new double[N];
    private final boolean[] call = new boolean[N];
    private final double[] out = new double[2];

    private MarketMaker maker;
    private SimulatedMarket market;
    private Symbol aapl;
    private LocalDate weekly;

    @Setup
    public void setup() {
        // A chain scan's inputs: strikes within +-30% of the spot, 1 to 60 days, usual volatilities.
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < N; i++) {
            spot[i] = random.nextDouble(20, 800);
            strike[i] = spot[i] * random.nextDouble(0.7, 1.3);
            years[i] = random.nextDouble(1, 60) / 365;
            vol[i] = random.nextDouble(0.12, 0.9);
            rate[i] = random.nextDouble(0.0, 0.06);
            yield[i] = random.nextDouble(0.0, 0.02);
            call[i] = random.nextBoolean();
        }
        maker = new MarketMaker(ExchangeCalendar.nyse(), 0.04, 1.0, SpreadModel.DEFAULT);
        market = new SimulatedMarket(new SimulatedClock(MONDAY_NOON), SimulationSettings.defaults(1, LocalDate.of(2026, 1, 2)));
        aapl = new Symbol("AAPL");
        weekly = LocalDate.of(2026, 1, 16);
        market.chain(aapl, weekly);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double oursPriceAndDelta() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            BlackScholes.priceAndDelta(call[i], spot[i], strike[i], years[i], vol[i], rate[i], yield[i], out);
            sum += out[BlackScholes.PRICE] + out[BlackScholes.DELTA];
        }
        return sum;
    }

    /** The same code on Math.exp/Math.log, as before decision record 0033: the baseline. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double mathExpPriceAndDelta() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            MathExpBlackScholes.priceAndDelta(call[i], spot[i], strike[i], years[i], vol[i], rate[i], yield[i], out);
            sum += out[BlackScholes.PRICE] + out[BlackScholes.DELTA];
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double strataPriceAndDelta() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            double carry = rate[i] - yield[i];
            sum += BlackScholesFormulaRepository.price(spot[i], strike[i], years[i], vol[i], rate[i], carry, call[i]);
            sum += BlackScholesFormulaRepository.delta(spot[i], strike[i], years[i], vol[i], rate[i], carry, call[i]);
        }
        return sum;
    }

    /** A chain scan: one ExpiryPricer per 64 strikes (its set-up included), then price+delta per strike. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double oursExpiryScan() {
        double sum = 0;
        for (int group = 0; group < N; group += 64) {
            ExpiryPricer pricer = new ExpiryPricer(spot[group], years[group], rate[group], yield[group]);
            for (int i = group; i < group + 64; i++) {
                pricer.priceAndDelta(call[i], strike[i], vol[i], out);
                sum += out[BlackScholes.PRICE] + out[BlackScholes.DELTA];
            }
        }
        return sum;
    }

    /** The chain scan on Math.exp/Math.log, as before decision record 0033. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double mathExpExpiryScan() {
        double sum = 0;
        for (int group = 0; group < N; group += 64) {
            MathExpBlackScholes.Scan pricer = new MathExpBlackScholes.Scan(spot[group], years[group], rate[group], yield[group]);
            for (int i = group; i < group + 64; i++) {
                pricer.priceAndDelta(call[i], strike[i], vol[i], out);
                sum += out[BlackScholes.PRICE] + out[BlackScholes.DELTA];
            }
        }
        return sum;
    }

    /** The breakdown: one exp of a normal density's argument, and what the loop itself costs. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double expMath() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += Math.exp(-0.5 * vol[i] * strike[i] / spot[i]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double expFast() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += FastMathProbe.exp(-0.5 * vol[i] * strike[i] / spot[i]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double logMath() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += Math.log(strike[i] / spot[i]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double logFast() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += FastMathProbe.log(strike[i] / spot[i]);
        }
        return sum;
    }

    /** The loop, the loads and the divide of the exp/log lines above without the function. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double loopOnly() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += strike[i] / spot[i];
        }
        return sum;
    }

    /** AAPL-like weekly: spot 231, 25% volatility, 4 days to expiry. */
    @Benchmark
    public OptionChain chainBuildWeekly() {
        return maker.chain(aapl, weekly, MONDAY_NOON, 231.37, 0.0045, 0.25);
    }

    /** TSLA-like 40-day monthly: spot 400, 55% volatility, the widest chain the strategies use. */
    @Benchmark
    public OptionChain chainBuildMonthly() {
        return maker.chain(aapl, LocalDate.of(2026, 2, 20), MONDAY_NOON, 400.0, 0.0, 0.55);
    }

    /** What the 2nd to 1,000th account pays for the same chain at the same moment. */
    @Benchmark
    public OptionChain sharedChainLookup() {
        return market.chain(aapl, weekly);
    }
}
