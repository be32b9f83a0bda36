package io.alluse.domain;

import java.math.BigDecimal;

/**
 * A percentage held exactly in basis points (1% = 100 bp), so that 40/30/30 adds up to
 * exactly 100% and a 1.5% premium floor is exactly 150 bp.
 */
public record Percent(int basisPoints) implements Comparable<Percent> {

    public static final Percent ZERO = new Percent(0);
    public static final Percent HUNDRED = new Percent(10_000);

    public static Percent ofBasisPoints(int basisPoints) {
        return new Percent(basisPoints);
    }

    /** {@code of(40)} is 40%. */
    public static Percent of(int wholePercent) {
        return new Percent(Math.multiplyExact(wholePercent, 100));
    }

    /** {@code of("1.5")} is 150 bp; at most two decimals; throws NumberFormatException or ArithmeticException. */
    public static Percent of(BigDecimal percent) {
        return new Percent(percent.movePointRight(2).intValueExact());
    }

    /** The shortest exact decimal: 40, 1.5, 33.33 (never exponent notation such as 4E+1). */
    public BigDecimal toBigDecimal() {
        BigDecimal d = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** As a fraction: 40% is 0.40. */
    public double fraction() {
        return basisPoints / 10_000.0;
    }

    public Percent plus(Percent other) {
        return new Percent(Math.addExact(basisPoints, other.basisPoints));
    }

    public Percent complement() {
        return new Percent(10_000 - basisPoints);
    }

    public boolean isZero() {
        return basisPoints == 0;
    }

    @Override
    public int compareTo(Percent other) {
        return Integer.compare(basisPoints, other.basisPoints);
    }

    /** {@code 40%}, {@code 1.5%}. */
    @Override
    public String toString() {
        return toBigDecimal().toPlainString() + "%";
    }
}
