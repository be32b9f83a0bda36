package io.alluse.analytics.series;

import io.alluse.domain.AccountId;
import io.alluse.domain.SleeveKind;

import java.util.Objects;

/** The equity series of one sleeve of one account: the unit that {@link Aggregation} groups. */
public record SleeveSeries(AccountId account, SleeveKind sleeve, EquitySeries series) {

    public SleeveSeries {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(sleeve, "sleeve");
        Objects.requireNonNull(series, "series");
    }
}
