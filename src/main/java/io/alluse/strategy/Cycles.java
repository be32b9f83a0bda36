package io.alluse.strategy;

import io.alluse.domain.AccountId;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.ClientOrderId;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The cycle and leg parts of client order ids. Entries belong to the ISO week of their trading day
 * ({@code 2026-W46}), so the second and third entry days of a week find the first day's orders; a
 * profit-take belongs to its date ({@code 2026-11-12}), so an unfilled one is tried again the next day.
 * Legs are lower case: {@code tsla-p}, {@code tsla-c}, {@code aapl-stk}, {@code btc-tsla-p-39500};
 * a class suffix's dot becomes a dash ({@code brk-b-p}), since ids allow letters, digits and dashes.
 */
public final class Cycles {

    private Cycles() {
    }

    /** {@code 2026-W46}: the ISO week (weeks start on Monday; week 1 holds the year's first Thursday). */
    public static String week(LocalDate day) {
        // An ISO week belongs to the year of its Thursday and is numbered from that year's first Thursday
        // (the same as IsoFields.WEEK_BASED_YEAR / WEEK_OF_WEEK_BASED_YEAR, at a fraction of the cost).
        LocalDate thursday = day.plusDays(4 - day.getDayOfWeek().getValue());
        int week = (thursday.getDayOfYear() - 1) / 7 + 1;
        return thursday.getYear() + (week < 10 ? "-W0" : "-W") + week;
    }

    /** {@code 2026-11-12}. */
    public static String day(LocalDate day) {
        return day.toString();
    }

    /** {@code tsla-p} or {@code tsla-c}: the weekly short option on {@code symbol}. */
    public static String optionLeg(Symbol symbol, OptionRight right) {
        return slug(symbol) + (right == OptionRight.PUT ? "-p" : "-c");
    }

    /** {@code aapl-stk}: a share purchase. */
    public static String stockLeg(Symbol symbol) {
        return slug(symbol) + "-stk";
    }

    /** {@code btc-tsla-p-39500}: buying back a short option, strike in cents. */
    public static String profitTakeLeg(OptionContract contract) {
        return "btc-" + slug(contract.underlying()) + (contract.right() == OptionRight.PUT ? "-p-" : "-c-") + contract.strike().cents();
    }

    /**
     * The same id as {@link ClientOrderId#of}, for the cycles and legs built here (letters, digits and
     * dashes by construction), without its per-call pattern match: a decision names its orders this way
     * millions of times in a backtest. {@code CyclesTest} pins the two to the same result.
     */
    static ClientOrderId orderId(AccountId account, SleeveKind sleeve, String cycle, String leg) {
        String key = sleeve.key();
        return new ClientOrderId(new StringBuilder(account.value().length() + key.length() + cycle.length() + leg.length() + 3)
                .append(account.value()).append('.').append(key).append('.').append(cycle).append('.').append(leg).toString());
    }

    private static String slug(Symbol symbol) {
        return symbol.value().toLowerCase(Locale.ROOT).replace('.', '-');
    }
}
