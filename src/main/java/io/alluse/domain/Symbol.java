package io.alluse.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** A US equity ticker: 1-5 capital letters, optionally a class suffix such as {@code BRK.B}. */
public record Symbol(String value) implements Comparable<Symbol> {

    private static final Pattern TICKER = Pattern.compile("[A-Z]{1,5}([.][A-Z])?");

    public Symbol {
        if (value == null || !TICKER.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a ticker symbol (1-5 letters, e.g. AAPL or BRK.B)");
        }
    }

    /** Accepts lower case and surrounding blanks, as a person types them. */
    public static Symbol parse(String text) {
        return new Symbol(text == null ? null : text.trim().toUpperCase(Locale.ROOT));
    }

    public static boolean isValid(String text) {
        return text != null && TICKER.matcher(text.trim().toUpperCase(Locale.ROOT)).matches();
    }

    @Override
    public int compareTo(Symbol o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
