package io.alluse.domain.ledger;

public enum OrderSide { BUY, SELL }
