package io.alluse.broker.alpaca;

import io.alluse.domain.Instrument;
import io.alluse.domain.OptionContract;
import io.alluse.domain.Stock;
import io.alluse.domain.Symbol;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Alpaca writes OCC option symbols without the padding spaces: {@code AAPL251219P00150000}. */
final class AlpacaSymbols {

    private static final Pattern OPTION = Pattern.compile("([A-Z.]{1,6})(\\d{6}[CP]\\d{8})");

    private AlpacaSymbols() {
    }

    static String of(Instrument instrument) {
        return instrument.code().replace(" ", "");
    }

    static Instrument parse(String symbol, String assetClass) {
        Matcher m = OPTION.matcher(symbol == null ? "" : symbol.trim());
        if ("us_option".equals(assetClass) || (assetClass == null && m.matches())) {
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + symbol + "' is not an option symbol");
            }
            String root = (m.group(1) + "      ").substring(0, 6);
            return OptionContract.parseOcc(root + m.group(2));
        }
        return new Stock(new Symbol(symbol));
    }

    static OptionContract option(String symbol) {
        if (parse(symbol, "us_option") instanceof OptionContract c) {
            return c;
        }
        throw new IllegalArgumentException("'" + symbol + "' is not an option symbol");
    }
}
