package io.alluse.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A standard (100-share) American equity option. Strike in exact cents. */
public record OptionContract(Symbol underlying, LocalDate expiry, OptionRight right, Money strike) implements Instrument {

    public static final int MULTIPLIER = 100;
    private static final DateTimeFormatter OCC_DATE = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);

    public OptionContract {
        if (underlying == null || expiry == null || right == null || strike == null || !strike.isPositive()) {
            throw new IllegalArgumentException("option needs underlying, expiry, right and a positive strike");
        }
    }

    @Override
    public int multiplier() {
        return MULTIPLIER;
    }

    /** OCC symbology: root padded to 6, yyMMdd, C/P, strike x 1000 in 8 digits: {@code AAPL  251219P00150000}. */
    @Override
    public String code() {
        // written by hand: books key their holdings by this code, and a formatter per call was a
        // measurable share of a backtest; MoneyAndInstrumentTest checks it against the formatter form
        StringBuilder sb = new StringBuilder(21);
        String value = underlying.value();
        for (int i = 0; i < value.length() && sb.length() < 6; i++) {
            char ch = value.charAt(i);
            if (ch != '.') {
                sb.append(ch);
            }
        }
        while (sb.length() < 6) {
            sb.append(' ');
        }
        twoDigits(sb, (int) Math.abs((long) expiry.getYear() % 100));
        twoDigits(sb, expiry.getMonthValue());
        twoDigits(sb, expiry.getDayOfMonth());
        sb.append(right.code());
        String mills = Long.toString(strike.cents() * 10L);
        for (int i = mills.length(); i < 8; i++) {
            sb.append('0');
        }
        return sb.append(mills).toString();
    }

    private static void twoDigits(StringBuilder sb, int value) {
        sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Cash that secures one short put: strike x 100. */
    public Money collateralPerContract() {
        return strike.times(MULTIPLIER);
    }

    public static OptionContract parseOcc(String occ) {
        if (occ == null || occ.length() != 21) {
            throw new IllegalArgumentException("'" + occ + "' is not an OCC option symbol");
        }
        try {
            Symbol root = new Symbol(occ.substring(0, 6).trim());
            LocalDate expiry = LocalDate.parse(occ.substring(6, 12), OCC_DATE);
            OptionRight right = OptionRight.fromCode(occ.charAt(12));
            long mills = Long.parseLong(occ.substring(13));
            if (mills % 10 != 0) {
                throw new IllegalArgumentException("strike finer than a cent");
            }
            return new OptionContract(root, expiry, right, Money.ofCents(mills / 10));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + occ + "' is not an OCC option symbol: " + e.getMessage(), e);
        }
    }

    /** {@code AAPL 2025-12-19 150.00 P}. */
    public String describe() {
        return underlying + " " + expiry + " " + strike.toPlainString() + " " + right.code();
    }

    @Override
    public String toString() {
        return describe();
    }
}
