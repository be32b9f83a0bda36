package io.alluse.market.chain;

import io.alluse.domain.Money;
import io.alluse.domain.OptionRight;
import io.alluse.domain.Symbol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every listed strike of one underlying and expiry, calls and puts, quoted at one moment.
 * Immutable and therefore safe to share between any number of accounts and threads.
 *
 * <p>A chain made by the {@link MarketMaker} prices each quote the first time it is read and keeps
 * it: most readers want one contract (a mark, a fill) or a few strikes near a delta, and pricing
 * the whole grid for them was most of a backtest's time. A quote is a pure function of the chain's
 * inputs and its contract, so when and on which thread it is priced changes nothing; two threads
 * reading the same unpriced quote at once may both price it and get equal quotes.
 */
public final class OptionChain {

    private final Symbol underlying;
    private final LocalDate expiry;
    private final Instant valuationTime;
    private final double underlyingPrice;
    private final double yearsToExpiry;
    private final double riskFreeRate;
    private final double dividendYield;
    private final long[] strikeCents;
    private final List<Money> strikes;
    private final List<OptionQuote> calls;
    private final List<OptionQuote> puts;
    /** Every quote of {@link #calls} is a call and every one of {@link #puts} a put (see {@link #quotesMatchTheirRight}). */
    private final boolean quotesMatchTheirRight;
    /** Results computed from this chain alone ({@link #derived}); made on first use. */
    private volatile Map<Object, Object> derived;

    OptionChain(Symbol underlying, LocalDate expiry, Instant valuationTime, double underlyingPrice, double yearsToExpiry,
                double riskFreeRate, double dividendYield, List<Money> strikes, List<OptionQuote> calls,
                List<OptionQuote> puts) {
        this.underlying = underlying;
        this.expiry = expiry;
        this.valuationTime = valuationTime;
        this.underlyingPrice = underlyingPrice;
        this.yearsToExpiry = yearsToExpiry;
        this.riskFreeRate = riskFreeRate;
        this.dividendYield = dividendYield;
        this.strikes = List.copyOf(strikes);
        this.strikeCents = this.strikes.stream().mapToLong(Money::cents).toArray();
        this.calls = List.copyOf(calls);
        this.puts = List.copyOf(puts);
        this.quotesMatchTheirRight = this.calls.stream().allMatch(q -> q.right() == OptionRight.CALL)
                && this.puts.stream().allMatch(q -> q.right() == OptionRight.PUT);
    }

    /** A chain whose quotes {@code pricer} makes on first reading; {@code strikeCents} ascend and are not copied. */
    OptionChain(Symbol underlying, LocalDate expiry, Instant valuationTime, double underlyingPrice, double yearsToExpiry,
                double riskFreeRate, double dividendYield, long[] strikeCents, Pricer pricer) {
        this.underlying = underlying;
        this.expiry = expiry;
        this.valuationTime = valuationTime;
        this.underlyingPrice = underlyingPrice;
        this.yearsToExpiry = yearsToExpiry;
        this.riskFreeRate = riskFreeRate;
        this.dividendYield = dividendYield;
        this.strikeCents = strikeCents;
        this.strikes = new StrikeList(strikeCents);
        this.calls = new LazyQuotes(this.strikes, OptionRight.CALL, pricer);
        this.puts = new LazyQuotes(this.strikes, OptionRight.PUT, pricer);
        this.quotesMatchTheirRight = true;
    }

    /**
     * A chain from quotes made elsewhere (a real broker's market data): {@code calls} and {@code puts}
     * hold one quote per strike, both in the same ascending strike order.
     */
    public static OptionChain of(Symbol underlying, LocalDate expiry, Instant valuationTime, double underlyingPrice, double yearsToExpiry,
                                 double riskFreeRate, double dividendYield, List<OptionQuote> calls, List<OptionQuote> puts) {
        if (calls.size() != puts.size()) {
            throw new IllegalArgumentException("a chain needs a call and a put at every strike: " + calls.size() + " calls, " + puts.size() + " puts");
        }
        List<Money> strikes = calls.stream().map(OptionQuote::strike).toList();
        for (int i = 0; i < strikes.size(); i++) {
            if (!puts.get(i).strike().equals(strikes.get(i)) || (i > 0 && !strikes.get(i).isGreaterThan(strikes.get(i - 1)))) {
                throw new IllegalArgumentException("a chain's calls and puts must share strikes in ascending order (at index " + i + ")");
            }
        }
        return new OptionChain(underlying, expiry, valuationTime, underlyingPrice, yearsToExpiry, riskFreeRate, dividendYield, strikes, calls, puts);
    }

    /** The strikes as {@code Money}, made when read: a chain is built per quote minute and most are read at a few strikes. */
    private static final class StrikeList extends AbstractList<Money> implements RandomAccess {
        private final long[] cents;

        StrikeList(long[] cents) {
            this.cents = cents;
        }

        @Override
        public Money get(int index) {
            return Money.ofCents(cents[index]);
        }

        @Override
        public int size() {
            return cents.length;
        }
    }

    /** Prices one listed strike of the chain. */
    @FunctionalInterface
    interface Pricer {
        OptionQuote price(OptionRight right, Money strike);
    }

    /** The quotes of one right, priced on first reading; unmodifiable like {@link List#copyOf}. */
    private static final class LazyQuotes extends AbstractList<OptionQuote> implements RandomAccess {
        private final List<Money> strikes;
        private final OptionRight right;
        private final Pricer pricer;
        private final AtomicReferenceArray<OptionQuote> priced;

        LazyQuotes(List<Money> strikes, OptionRight right, Pricer pricer) {
            this.strikes = strikes;
            this.right = right;
            this.pricer = pricer;
            this.priced = new AtomicReferenceArray<>(strikes.size());
        }

        @Override
        public OptionQuote get(int index) {
            OptionQuote q = priced.getAcquire(index);
            if (q == null) {
                q = pricer.price(right, strikes.get(index));
                OptionQuote raced = priced.compareAndExchangeRelease(index, null, q);
                if (raced != null) {
                    q = raced;
                }
            }
            return q;
        }

        @Override
        public int size() {
            return strikes.size();
        }
    }

    public Symbol underlying() {
        return underlying;
    }

    public LocalDate expiry() {
        return expiry;
    }

    /** The moment the quotes are for. */
    public Instant valuationTime() {
        return valuationTime;
    }

    /** Spot price of the underlying the chain was priced from, dollars. */
    public double underlyingPrice() {
        return underlyingPrice;
    }

    /** Time from the valuation moment to the expiry's closing bell, in years of 365 days. */
    public double yearsToExpiry() {
        return yearsToExpiry;
    }

    public double riskFreeRate() {
        return riskFreeRate;
    }

    public double dividendYield() {
        return dividendYield;
    }

    /** Listed strikes, ascending. */
    public List<Money> strikes() {
        return strikes;
    }

    /** Call quotes in strike order. */
    public List<OptionQuote> calls() {
        return calls;
    }

    /** Put quotes in strike order. */
    public List<OptionQuote> puts() {
        return puts;
    }

    public List<OptionQuote> quotes(OptionRight right) {
        return right == OptionRight.CALL ? calls : puts;
    }

    /**
     * Whether every quote of {@link #calls} is a call and every one of {@link #puts} a put. Always so
     * for the market maker's chains, which price their quotes when first read: a reader that needs
     * to know can skip reading (and so pricing) quotes to find out. A chain made by {@link #of} from
     * quotes made elsewhere says what it was given.
     */
    public boolean quotesMatchTheirRight() {
        return quotesMatchTheirRight;
    }

    /** The quote at a listed strike, or empty if the strike is not in this chain. */
    public Optional<OptionQuote> quote(OptionRight right, Money strike) {
        int i = Arrays.binarySearch(strikeCents, strike.cents());
        return i < 0 ? Optional.empty() : Optional.of(quotes(right).get(i));
    }

    /**
     * {@code compute(key)} remembered for the life of this chain: for results that are a pure function
     * of the chain's quotes and {@code key} (a strike pick for a delta band), so that the many accounts
     * reading one shared chain compute them once. {@code key} must have value equality and hold
     * everything the result depends on besides this chain; {@code compute} must not change anything and
     * its result must not be changed by the callers. Two threads computing the same key at once both
     * compute it and keep the first, equal, result.
     */
    @SuppressWarnings("unchecked")
    public <K, V> V derived(K key, java.util.function.Function<? super K, ? extends V> compute) {
        Map<Object, Object> memo = derived;
        if (memo == null) {
            synchronized (this) {
                memo = derived;
                if (memo == null) {
                    memo = new java.util.concurrent.ConcurrentHashMap<>(4);
                    derived = memo;
                }
            }
        }
        Object v = memo.get(key);
        if (v == null) {
            V fresh = compute.apply(key);
            v = memo.putIfAbsent(key, fresh);
            if (v == null) {
                v = fresh;
            }
        }
        return (V) v;
    }

    @Override
    public String toString() {
        return underlying + " " + expiry + " chain at " + valuationTime + " (" + strikes.size() + " strikes, spot "
                + String.format(java.util.Locale.ROOT, "%.2f", underlyingPrice) + ")";
    }
}
