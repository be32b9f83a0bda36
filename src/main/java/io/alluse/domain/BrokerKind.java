package io.alluse.domain;

/** Which brokerage an account is connected to. */
public enum BrokerKind {
    /** The built-in simulated brokerage, persisted in the local database. */
    PAPER("Paper broker (built in)"),
    /** Alpaca's paper-trading environment: real API, simulated money. */
    ALPACA_PAPER("Alpaca \u2013 paper trading"),
    /** Alpaca's live environment: real money; needs the user's explicit confirmation. */
    ALPACA_LIVE("Alpaca \u2013 live trading (real money)");

    private final String label;

    BrokerKind(String label) {
        this.label = label;
    }

    /** Whether credentials for this broker live in the credential vault. */
    public boolean needsCredentials() {
        return this != PAPER;
    }

    /** Whether orders at this broker move real money. */
    public boolean isLive() {
        return this == ALPACA_LIVE;
    }

    public String label() {
        return label;
    }
}
