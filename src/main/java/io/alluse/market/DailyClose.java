package io.alluse.market;

import java.time.LocalDate;

/** A trading day's closing price, in dollars per share, for charts and benchmark lines. */
public record DailyClose(LocalDate date, double close) {
}
