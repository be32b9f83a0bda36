package io.alluse.domain;

/** Which brokerage an account is connected to. */
public enum BrokerKind {
    /** The built-in simulated brokerage, persisted in the local database. */
    PAPER("Paper broker (built in)");

    private final String label;

    BrokerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
