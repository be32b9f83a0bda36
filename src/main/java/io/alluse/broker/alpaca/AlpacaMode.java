package io.alluse.broker.alpaca;

import java.net.URI;

/** Alpaca's two trading environments. Paper is the default; live trades real money. */
public enum AlpacaMode {
    PAPER("Paper trading", URI.create("https://paper-api.alpaca.markets")),
    LIVE("Live trading (real money)", URI.create("https://api.alpaca.markets"));

    private final String label;
    private final URI tradingBase;

    AlpacaMode(String label, URI tradingBase) {
        this.label = label;
        this.tradingBase = tradingBase;
    }

    public String label() {
        return label;
    }

    /** Alpaca's documented base URL of the trading API for this mode. */
    public URI tradingBase() {
        return tradingBase;
    }
}
