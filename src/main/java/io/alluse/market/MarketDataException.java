package io.alluse.market;

/**
 * The market cannot answer: an unknown symbol, an expiry that is not listed or has passed, a
 * moment outside an imported history. The message names what was asked and what is available.
 */
public final class MarketDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MarketDataException(String message) {
        super(message);
    }
}
