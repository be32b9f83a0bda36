package io.alluse.domain;

/** Something that can be held or traded: shares of a stock, or one listed option contract. */
public sealed interface Instrument permits Stock, OptionContract {

    Symbol underlying();

    /** Shares per unit: 1 for stock, 100 for a standard equity option. */
    int multiplier();

    /** Stable text form used in the ledger and with brokers: the ticker, or the OCC option symbol. */
    String code();

    static Instrument parse(String code) {
        return code.length() > 15 ? OptionContract.parseOcc(code) : new Stock(new Symbol(code));
    }
}
