package io.alluse.analytics.export;

import io.alluse.analytics.tax.RealizedGain;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Realized gains as CSV, one row per closed lot: by account, then day closed, then the order in which
 * the ledger closed them.
 */
public final class GainsCsv {

    public static final List<String> HEADER = List.of("account", "sleeve", "description", "instrument", "quantity", "opened", "closed", "proceeds",
            "cost_basis", "gain", "term", "how");

    private GainsCsv() {
    }

    public static String of(List<RealizedGain> gains) {
        Csv csv = new Csv(HEADER);
        gains.stream().sorted(Comparator.comparing(RealizedGain::account).thenComparing(RealizedGain::closed)).forEach(g -> csv.row(List.of(
                g.account().value(), g.sleeve().label(), g.description(), g.instrument(), Long.toString(g.quantity()), g.opened().toString(),
                g.closed().toString(), g.proceeds().toPlainString(), g.costBasis().toPlainString(), g.gain().toPlainString(),
                g.term().name().toLowerCase(Locale.ROOT), g.how().name().toLowerCase(Locale.ROOT).replace('_', ' '))));
        return csv.toString();
    }
}
