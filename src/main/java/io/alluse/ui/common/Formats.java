package io.alluse.ui.common;

import io.alluse.domain.Money;
import io.alluse.domain.Percent;

/** How numbers look on screen, in one place so every view agrees. */
public final class Formats {

    private Formats() {
    }

    /** {@code $1,234,567} for summaries. */
    public static String money(Money m) {
        long cents = m.cents();
        if (cents == Long.MIN_VALUE) {
            return m.formatWhole();
        }
        // what Money.formatWhole prints (half up, grouped), without a DecimalFormat per call: the
        // portfolio tree formats a few dozen of these on every scroll step
        long abs = Math.abs(cents);
        String digits = Long.toString(abs / 100 + (abs % 100 >= 50 ? 1 : 0));
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 2).append(cents < 0 ? "-$" : "$");
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    /** {@code $1,234,567.89} where cents matter (ledgers, orders). */
    public static String moneyExact(Money m) {
        return m.format();
    }

    public static String percent(Percent p) {
        return p.toString();
    }

    private static final java.time.format.DateTimeFormatter MARKET_TIME =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", java.util.Locale.US);

    /** {@code Tue 4 Mar 2031 10:15 ET}: market time, in New York, where the schedule lives. */
    public static String marketTime(java.time.Instant at) {
        return MARKET_TIME.format(at.atZone(java.time.ZoneId.of("America/New_York"))) + " ET";
    }

    /** {@code +1.25%} / {@code -0.40%} for returns and drift. */
    public static String signedPercent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%+.2f%%", fraction * 100.0);
    }
}
