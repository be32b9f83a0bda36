package io.alluse.domain;

public record Stock(Symbol underlying) implements Instrument {

    @Override
    public int multiplier() {
        return 1;
    }

    @Override
    public String code() {
        return underlying.value();
    }

    @Override
    public String toString() {
        return code();
    }
}
