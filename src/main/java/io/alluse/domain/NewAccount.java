package io.alluse.domain;

/** A validated request to found a main account. */
public record NewAccount(AccountId id, String name, Money initialCapital, AccountConfig config) {
}
