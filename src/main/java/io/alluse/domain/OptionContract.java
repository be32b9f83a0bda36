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
        String root = (underlying.value().replace(".", "") + "      ").substring(0, 6);
        long strikeMills = strike.cents() * 10L;
        return root + OCC_DATE.format(expiry) + right.code() + String.format(Locale.ROOT, "%08d", strikeMills);
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
