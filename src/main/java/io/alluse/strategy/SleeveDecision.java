package io.alluse.strategy;

import java.util.List;

/** What one run of a sleeve's strategy decided: orders to place, in this order, and trades skipped. */
public record SleeveDecision(List<OrderIntent> orders, List<SkippedTrade> skipped) {

    public SleeveDecision {
        orders = List.copyOf(orders);
        skipped = List.copyOf(skipped);
    }

    public boolean hasOrders() {
        return !orders.isEmpty();
    }

    /** The skips with {@code reason}, for tests and summaries. */
    public List<SkippedTrade> skipped(SkipReason reason) {
        return skipped.stream().filter(s -> s.reason() == reason).toList();
    }
}
