package io.alluse.domain.ledger;

/** Whether an order opens or closes a position (brokers need it for options). */
public enum PositionEffect { OPEN, CLOSE }
