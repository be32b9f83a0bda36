package io.alluse.domain;

import java.time.Instant;

/**
 * A main account: an independent unit with its own brokerage account, configuration and
 * ledger (seed document). {@code capital} is what the ledger attributes to each sleeve now;
 * {@code initialCapital} is what the account was founded with.
 */
public record Account(
        AccountId id,
        String name,
        Money initialCapital,
        AccountStatus status,
        AccountConfig config,
        SleeveCapitals capital,
        BrokerConnection broker,
        Instant createdAt) {

    public Money totalCapital() {
        return capital.total();
    }

    public Money deployable(SleeveKind kind) {
        return PositionSizing.deployable(capital.of(kind), config.cashBuffer());
    }

    public Account withStatus(AccountStatus newStatus) {
        return new Account(id, name, initialCapital, newStatus, config, capital, broker, createdAt);
    }

    public Account withConfig(AccountConfig newConfig, SleeveCapitals newCapital) {
        return new Account(id, name, initialCapital, status, newConfig, newCapital, broker, createdAt);
    }

    public Account withCapital(SleeveCapitals newCapital) {
        return new Account(id, name, initialCapital, status, config, newCapital, broker, createdAt);
    }
}
