package io.alluse.broker;

import io.alluse.broker.BrokerException.Kind;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.market.MarketView;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A {@link Broker} that misbehaves on purpose, for tests of whatever calls a broker (SPEC section
 * 4: the paper broker "can inject latency and failures"). It wraps a working broker and, per call:
 * <ol>
 *   <li>waits the configured latency (fixed, or uniform between two bounds from a seeded random);</li>
 *   <li>blocks while {@link #hang() hung}, until {@link #release()} or the calling thread is
 *       interrupted (then it fails with {@code TIMEOUT} and keeps the interrupt flag set);</li>
 *   <li>fails with the next scripted fault, if any: before reaching the broker
 *       ({@link #failNext}, {@link #script}) or after it (the call took effect but its reply was
 *       lost: {@link #loseNextReplies}), the case that tests idempotent retries;</li>
 *   <li>fails with a configured probability ({@link #failRandomly}), from the same seeded random.</li>
 * </ol>
 * {@link #accountId()} and {@link #market()} are local and never misbehave. {@link #onlyCalls}
 * limits the faults to some methods. Configuration methods return {@code this} and may be called
 * at any time from any thread.
 */
public final class FaultInjectingBroker implements Broker {

    /** The broker methods faults can be limited to with {@link #onlyCalls}. */
    public static final Set<String> METHODS = Set.of("account", "positions", "place", "order", "openOrders", "cancel", "activities");

    private record Fault(Kind kind, boolean afterCall) {
    }

    private final Broker delegate;
    private final SplittableRandom random;
    private final Deque<Fault> script = new ArrayDeque<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicInteger hanging = new AtomicInteger();

    private volatile Duration minLatency = Duration.ZERO;
    private volatile Duration maxLatency = Duration.ZERO;
    private volatile double failureProbability;
    private volatile Kind randomKind = Kind.UNAVAILABLE;
    private volatile CountDownLatch gate;
    private volatile Set<String> affected = METHODS;

    public FaultInjectingBroker(Broker delegate) {
        this(delegate, 0L);
    }

    /** @param seed seeds the random latency and random failures, so a failing test can be replayed */
    public FaultInjectingBroker(Broker delegate, long seed) {
        if (delegate == null) {
            throw new IllegalArgumentException("a fault-injecting broker needs a broker to wrap");
        }
        this.delegate = delegate;
        this.random = new SplittableRandom(seed);
    }

    public Broker delegate() {
        return delegate;
    }

    /** Every call takes {@code latency} longer. */
    public FaultInjectingBroker latency(Duration latency) {
        return latency(latency, latency);
    }

    /** Every call takes between {@code min} and {@code max} longer, uniformly at random. */
    public FaultInjectingBroker latency(Duration min, Duration max) {
        if (min == null || max == null || min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("latency needs 0 <= min <= max, was " + min + " .. " + max);
        }
        this.minLatency = min;
        this.maxLatency = max;
        return this;
    }

    /** The next {@code count} calls fail with {@code kind} without reaching the broker. */
    public FaultInjectingBroker failNext(int count, Kind kind) {
        return add(count, kind, false);
    }

    /** The next {@code count} calls reach the broker and take effect, then fail with {@code kind}: a lost reply. */
    public FaultInjectingBroker loseNextReplies(int count, Kind kind) {
        return add(count, kind, true);
    }

    /** The next calls, in turn, fail with these kinds without reaching the broker; a {@code null} lets that call through. */
    public FaultInjectingBroker script(Kind... kinds) {
        synchronized (script) {
            for (Kind k : kinds) {
                script.addLast(new Fault(k, false));
            }
        }
        return this;
    }

    private FaultInjectingBroker add(int count, Kind kind, boolean afterCall) {
        if (count < 0 || kind == null) {
            throw new IllegalArgumentException("need a count >= 0 and a kind, was " + count + ", " + kind);
        }
        synchronized (script) {
            for (int i = 0; i < count; i++) {
                script.addLast(new Fault(kind, afterCall));
            }
        }
        return this;
    }

    /** Each call (after the scripted ones) fails with {@code kind} with this probability, before reaching the broker. */
    public FaultInjectingBroker failRandomly(double probability, Kind kind) {
        if (!(probability >= 0 && probability <= 1) || kind == null) {
            throw new IllegalArgumentException("probability must be between 0 and 1 and a kind given, was " + probability + ", " + kind);
        }
        this.randomKind = kind;
        this.failureProbability = probability;
        return this;
    }

    /** From now on every call blocks until {@link #release()} or until its thread is interrupted. */
    public FaultInjectingBroker hang() {
        synchronized (script) {
            if (gate == null) {
                gate = new CountDownLatch(1);
            }
        }
        return this;
    }

    /** Lets the hung calls (and later ones) through. */
    public FaultInjectingBroker release() {
        CountDownLatch g;
        synchronized (script) {
            g = gate;
            gate = null;
        }
        if (g != null) {
            g.countDown();
        }
        return this;
    }

    /** Faults hit only these methods (names as in {@link #METHODS}); the others pass straight through. */
    public FaultInjectingBroker onlyCalls(String... methods) {
        Set<String> names = Set.of(methods);
        if (!METHODS.containsAll(names)) {
            throw new IllegalArgumentException("unknown broker methods " + names + "; known: " + METHODS);
        }
        this.affected = names;
        return this;
    }

    /** Back to a well-behaved broker: no latency, no scripted or random faults, hung calls released, all methods. */
    public FaultInjectingBroker reset() {
        synchronized (script) {
            script.clear();
        }
        minLatency = Duration.ZERO;
        maxLatency = Duration.ZERO;
        failureProbability = 0;
        affected = METHODS;
        return release();
    }

    /** Calls made so far (of the methods faults can hit), whether they failed or not. */
    public long calls() {
        return calls.get();
    }

    /** Calls blocked in a hang right now. */
    public int hanging() {
        return hanging.get();
    }

    private <T> T call(String method, Supplier<T> work) {
        if (!affected.contains(method)) {
            return work.get();
        }
        long n = calls.incrementAndGet();
        delay(method);
        awaitGate(method);
        Fault fault;
        synchronized (script) {
            fault = script.pollFirst();
        }
        if (fault != null && fault.kind() != null && !fault.afterCall()) {
            throw injected(fault.kind(), method, n, "");
        }
        if (fault == null && failureProbability > 0) {
            double draw;
            synchronized (random) {
                draw = random.nextDouble();
            }
            if (draw < failureProbability) {
                throw injected(randomKind, method, n, " (random)");
            }
        }
        T result = work.get();
        if (fault != null && fault.kind() != null && fault.afterCall()) {
            throw injected(fault.kind(), method, n, " after the broker acted (reply lost)");
        }
        return result;
    }

    private void delay(String method) {
        Duration min = minLatency;
        Duration max = maxLatency;
        if (max.isZero()) {
            return;
        }
        long nanos = min.toNanos();
        if (max.compareTo(min) > 0) {
            synchronized (random) {
                nanos += random.nextLong(max.toNanos() - min.toNanos() + 1);
            }
        }
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(Kind.TIMEOUT, "Broker call " + method + " was interrupted while waiting (injected latency).", e);
        }
    }

    private void awaitGate(String method) {
        CountDownLatch g = gate;
        if (g == null) {
            return;
        }
        hanging.incrementAndGet();
        try {
            g.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(Kind.TIMEOUT, "Broker call " + method + " was interrupted while the broker hung (injected hang).", e);
        } finally {
            hanging.decrementAndGet();
        }
    }

    private static BrokerException injected(Kind kind, String method, long call, String how) {
        return new BrokerException(kind, "Injected " + kind + " on broker call " + method + " #" + call + how + ".");
    }

    @Override
    public String accountId() {
        return delegate.accountId();
    }

    @Override
    public MarketView market() {
        return delegate.market();
    }

    @Override
    public BrokerAccount account() {
        return call("account", delegate::account);
    }

    @Override
    public List<BrokerPosition> positions() {
        return call("positions", delegate::positions);
    }

    @Override
    public BrokerOrder place(OrderRequest request) {
        return call("place", () -> delegate.place(request));
    }

    @Override
    public Optional<BrokerOrder> order(ClientOrderId id) {
        return call("order", () -> delegate.order(id));
    }

    @Override
    public List<BrokerOrder> openOrders() {
        return call("openOrders", delegate::openOrders);
    }

    @Override
    public BrokerOrder cancel(ClientOrderId id) {
        return call("cancel", () -> delegate.cancel(id));
    }

    @Override
    public List<BrokerActivity> activities(Optional<String> afterId, int limit) {
        return call("activities", () -> delegate.activities(afterId, limit));
    }

    @Override
    public String toString() {
        return "fault-injecting " + delegate;
    }
}
