package io.alluse.strategy;

import io.alluse.domain.DeltaRange;
import io.alluse.domain.OptionContract;
import java.time.LocalDate;

/**
 * The numbers in rationales and skip details, formatted without {@code String.format} or
 * {@code DecimalFormat}: decisions run millions of times in a backtest and these strings are built
 * for every order and every skip.
 */
final class Text {

    private Text() {
    }

    /** A per-share price: {@code 5.88}, {@code 0.05}, {@code -1.20}. */
    static String price(long cents) {
        StringBuilder sb = new StringBuilder(12);
        appendPrice(sb, cents, false);
        return sb.toString();
    }

    /** An amount of money: {@code $39,500.00}, {@code -$12.50}. */
    static String dollars(long cents) {
        StringBuilder sb = new StringBuilder(16);
        if (cents < 0) {
            sb.append('-');
        }
        sb.append('$');
        appendPrice(sb, Math.abs(cents), true);
        return sb.toString();
    }

    /** A strike without trailing zero cents: {@code 395}, {@code 392.5}, {@code 17.25}. */
    static String strike(long cents) {
        long whole = cents / 100;
        long frac = cents % 100;
        if (frac == 0) {
            return Long.toString(whole);
        }
        return frac % 10 == 0 ? whole + "." + frac / 10 : whole + "." + (frac < 10 ? "0" : "") + frac;
    }

    /** Basis points as a percentage with at most two decimals: 150 is {@code 1.5%}, 148 {@code 1.48%}. */
    static String percent(long basisPoints) {
        StringBuilder sb = new StringBuilder(8);
        if (basisPoints < 0) {
            sb.append('-');
            basisPoints = -basisPoints;
        }
        sb.append(basisPoints / 100);
        long frac = basisPoints % 100;
        if (frac != 0) {
            sb.append('.');
            if (frac < 10) {
                sb.append('0').append(frac);
            } else {
                sb.append(frac % 10 == 0 ? frac / 10 : frac);
            }
        }
        return sb.append('%').toString();
    }

    /** An absolute delta to two decimals: {@code 0.45}. */
    static String delta(double absDelta) {
        long hundredths = Math.round(Math.abs(absDelta) * 100.0);
        return hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
    }

    /** {@code 0.40-0.50}, as {@link DeltaRange#toString()} writes it, without {@code String.format}. */
    static String band(DeltaRange band) {
        return delta(band.min()) + "-" + delta(band.max());
    }

    /** {@code TSLA 2026-11-13 395P}: how traders write an option. */
    static String option(OptionContract c) {
        StringBuilder sb = new StringBuilder(24).append(c.underlying().value()).append(' ');
        appendDate(sb, c.expiry());
        return sb.append(' ').append(strike(c.strike().cents())).append(c.right().code()).toString();
    }

    /** ISO {@code 2026-11-13}, as {@link LocalDate#toString()} writes four-digit years, without its general-case work. */
    static void appendDate(StringBuilder sb, LocalDate d) {
        int y = d.getYear();
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        if (y < 1000 || y > 9999) {
            sb.append(d);
            return;
        }
        sb.append(y).append(m < 10 ? "-0" : "-").append(m).append(day < 10 ? "-0" : "-").append(day);
    }

    private static void appendPrice(StringBuilder sb, long cents, boolean grouped) {
        if (cents < 0) {
            sb.append('-');
            cents = -cents;
        }
        long whole = cents / 100;
        String digits = Long.toString(whole);
        if (grouped && digits.length() > 3) {
            int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
            sb.append(digits, 0, head);
            for (int i = head; i < digits.length(); i += 3) {
                sb.append(',').append(digits, i, i + 3);
            }
        } else {
            sb.append(digits);
        }
        long frac = cents % 100;
        sb.append('.').append(frac < 10 ? "0" : "").append(frac);
    }
}
