package io.alluse.domain;

import java.util.Set;
import java.util.stream.Collectors;

/** Which tickers a market can quote; a symbol it does not know cannot be traded there. */
public interface SymbolCatalog {

    boolean isKnown(Symbol symbol);

    /** Short name used in messages: "paper market". */
    String name();

    /** The known symbols for a message, e.g. "AAPL, AMZN, MSFT". */
    String describeKnown();

    /** Accepts every well-formed ticker: for brokers whose listings we cannot enumerate offline. */
    SymbolCatalog ANY = new SymbolCatalog() {
        @Override
        public boolean isKnown(Symbol symbol) {
            return true;
        }

        @Override
        public String name() {
            return "market";
        }

        @Override
        public String describeKnown() {
            return "any listed ticker";
        }
    };

    static SymbolCatalog of(String name, Set<Symbol> known) {
        Set<Symbol> copy = Set.copyOf(known);
        String listing = copy.stream().sorted().map(Symbol::value).collect(Collectors.joining(", "));
        return new SymbolCatalog() {
            @Override
            public boolean isKnown(Symbol symbol) {
                return copy.contains(symbol);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String describeKnown() {
                return listing;
            }
        };
    }
}
