package io.alluse.analytics;

import io.alluse.analytics.series.EquitySeries;
import io.alluse.domain.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Hand-written series for tests: {@code Points.start().day("2024-01-02", "100.00").day("2024-01-03", "110.00", "+5.00").build()}. */
public final class Points {

    private final EquitySeries.Builder builder = EquitySeries.builder();

    public static Points start() {
        return new Points();
    }

    /** A day with no flow; equity in dollars. */
    public Points day(String date, String equity) {
        return day(date, equity, "0");
    }

    /** A day whose equity (after the flow) and net flow are in dollars. */
    public Points day(String date, String equity, String flow) {
        builder.add(LocalDate.parse(date), dollars(equity), dollars(flow));
        return this;
    }

    public EquitySeries build() {
        return builder.build();
    }

    public static Money dollars(String amount) {
        return Money.of(new BigDecimal(amount.replace("+", "").replace(",", "")));
    }
}
