package io.alluse.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An exact amount of US dollars, held as whole cents. Ledger arithmetic never goes through
 * {@code double}: a trader reconciling against a broker statement must get the same cent.
 * Also used for per-share prices, which brokers quote in cents for the instruments we trade.
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    public static Money ofDollars(long dollars) {
        return new Money(Math.multiplyExact(dollars, 100L));
    }

    /** Exact conversion; throws if the amount has fractions of a cent. */
    public static Money of(BigDecimal dollars) {
        return new Money(dollars.movePointRight(2).longValueExact());
    }

    /** Rounds a model price (for example a Black-Scholes value) half-up to the cent. */
    public static Money roundedFrom(double dollars) {
        if (!Double.isFinite(dollars)) {
            throw new IllegalArgumentException("not a finite amount: " + dollars);
        }
        return new Money(Math.round(dollars * 100.0));
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(cents, 2);
    }

    public double toDouble() {
        return cents / 100.0;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(cents, factor));
    }

    public Money negate() {
        return new Money(Math.negateExact(cents));
    }

    public Money abs() {
        return cents < 0 ? negate() : this;
    }

    /** This amount times a percentage, rounded down to the cent (never commits more than the share). */
    public Money percentFloor(Percent percent) {
        return new Money(Math.floorDiv(Math.multiplyExact(cents, (long) percent.basisPoints()), 10_000L));
    }

    /** How many whole times {@code unit} fits into this amount (both positive). */
    public long wholeMultiplesOf(Money unit) {
        if (unit.cents <= 0) {
            throw new IllegalArgumentException("unit must be positive: " + unit);
        }
        return cents <= 0 ? 0 : cents / unit.cents;
    }

    public boolean isNegative() {
        return cents < 0;
    }

    public boolean isPositive() {
        return cents > 0;
    }

    public boolean isZero() {
        return cents == 0;
    }

    public Money min(Money other) {
        return cents <= other.cents ? this : other;
    }

    public Money max(Money other) {
        return cents >= other.cents ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    public boolean isGreaterThan(Money other) {
        return cents > other.cents;
    }

    public boolean isLessThan(Money other) {
        return cents < other.cents;
    }

    /** {@code $1,234.56}, negative as {@code -$1,234.56}. */
    public String format() {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        String body = f.format(toBigDecimal().abs());
        return (cents < 0 ? "-$" : "$") + body;
    }

    /** Whole dollars without cents, for compact displays: {@code $500,000}. */
    public String formatWhole() {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        String body = f.format(toBigDecimal().abs().setScale(0, RoundingMode.HALF_UP));
        return (cents < 0 ? "-$" : "$") + body;
    }

    /** Plain decimal with two places, for files and machine output: {@code 1234.56}. */
    public String toPlainString() {
        return toBigDecimal().toPlainString();
    }

    @Override
    public String toString() {
        return format();
    }
}
