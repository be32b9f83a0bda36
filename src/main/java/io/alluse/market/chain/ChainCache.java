package io.alluse.market.chain;

import io.alluse.domain.Symbol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Remembers recently built chains so that the many accounts asking for the same underlying and
 * expiry at the same moment share one chain, built once even when they ask at the same time on
 * different threads. Bounded: beyond {@code capacity} chains the oldest are dropped, so memory
 * does not grow with simulated time. A dropped chain is simply built again if asked for: chains
 * are pure functions of their key, so the cache changes speed, never results.
 */
public final class ChainCache {

    public record Key(Symbol symbol, LocalDate expiry, Instant valuationTime) {
    }

    /** Computes its chain at most once; other threads asking meanwhile wait for that one result. */
    private static final class Slot {
        private final Supplier<OptionChain> builder;
        private volatile OptionChain chain;
        private RuntimeException failure;

        Slot(Supplier<OptionChain> builder) {
            this.builder = builder;
        }

        OptionChain get() {
            OptionChain c = chain;
            if (c != null) {
                return c;
            }
            synchronized (this) {
                if (chain == null) {
                    if (failure != null) {
                        throw failure;
                    }
                    try {
                        chain = builder.get();
                    } catch (RuntimeException e) {
                        failure = e;
                        throw e;
                    }
                }
                return chain;
            }
        }
    }

    private final int capacity;
    private final ConcurrentHashMap<Key, Slot> slots = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Key> insertionOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger builds = new AtomicInteger();

    public ChainCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("chain cache capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public OptionChain get(Key key, Supplier<OptionChain> builder) {
        Slot slot = slots.get(key);
        if (slot == null) {
            Slot fresh = new Slot(() -> {
                builds.incrementAndGet();
                return builder.get();
            });
            slot = slots.putIfAbsent(key, fresh);
            if (slot == null) {
                slot = fresh;
                insertionOrder.add(key);
                evictBeyondCapacity();
            }
        }
        try {
            return slot.get();
        } catch (RuntimeException e) {
            slots.remove(key, slot);
            throw e;
        }
    }

    private void evictBeyondCapacity() {
        while (slots.size() > capacity) {
            Key oldest = insertionOrder.poll();
            if (oldest == null) {
                return;
            }
            slots.remove(oldest);
        }
    }

    /** Chains held now (at most the capacity, give or take the ones being inserted concurrently). */
    public int size() {
        return slots.size();
    }

    /** How many chains have been built since this cache was made: for tests and benchmarks. */
    public int builds() {
        return builds.get();
    }
}
