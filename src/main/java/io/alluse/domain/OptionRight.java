package io.alluse.domain;

public enum OptionRight {
    CALL('C'),
    PUT('P');

    private final char code;

    OptionRight(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static OptionRight fromCode(char code) {
        return switch (Character.toUpperCase(code)) {
            case 'C' -> CALL;
            case 'P' -> PUT;
            default -> throw new IllegalArgumentException("option right must be C or P, was " + code);
        };
    }
}
