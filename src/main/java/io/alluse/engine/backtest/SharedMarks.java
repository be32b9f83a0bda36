package io.alluse.engine.backtest;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.engine.Marks;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Marks for one moment shared by all the accounts a lane values at that moment: each instrument is
 * valued once (a quote from the market, or found unpriceable) and the value is handed to every
 * account that holds it. The market's marks are a pure function of (instrument, moment), so this
 * changes speed only. One lane's, for one moment: not for other threads, and dropped when the
 * lane's clock moves on.
 */
final class SharedMarks implements Marks {

    /** Stands for "the market could not price it": the caller's own fallback applies. */
    private static final Money UNPRICEABLE = Money.ofCents(Long.MIN_VALUE);

    private final Marks market;
    private final Map<Instrument, Money> values = new HashMap<>();
    /**
     * The same values by instrument object: accounts that traded at the same minute hold the very
     * contract object of the shared chain, and an identity look-up skips hashing the record.
     */
    private final Map<Instrument, Money> byIdentity = new IdentityHashMap<>();

    SharedMarks(Marks market) {
        this.market = market;
    }

    @Override
    public Money unitValue(Instrument instrument, Money fallback) {
        Money v = byIdentity.get(instrument);
        if (v == null) {
            v = values.get(instrument);
            if (v == null) {
                v = market.unitValue(instrument, UNPRICEABLE);
                values.put(instrument, v);
            }
            byIdentity.put(instrument, v);
        }
        return v == UNPRICEABLE ? fallback : v;
    }
}
