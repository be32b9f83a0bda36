package io.alluse.market.sim;

import io.alluse.market.MarketDataException;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.calendar.Session;
import io.alluse.market.pricing.FastMath;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One symbol's geometric Brownian motion, as a pure function of (seed, symbol, time).
 *
 * <p><b>Daily closes.</b> Brownian time advances one step per weekday (a holiday's step is
 * folded into the next close, weekends carry none), {@value #WEEKDAYS_PER_YEAR} steps a year. The
 * Brownian value W(n) at weekday n is built by Lévy's construction: W at the end of a horizon of
 * 2^16 weekdays (about 250 years from 1990) is one normal draw, and each dyadic midpoint is the
 * mean of its interval's ends plus an independent normal draw of the bridge's variance. Reaching
 * any day takes 16 halvings, each draw keyed by the midpoint's own index, so the close of any
 * day is computed directly, with no stored history and no dependence on the order of questions.
 * {@code ln S(n) = ln S0 + sigma (W(n) - W(n0)) + (mu - sigma^2/2) (n - n0) dt}, with n0 the
 * start date.
 *
 * <p><b>Intraday.</b> During a session the log price runs from the previous close to the day's
 * close along a Brownian bridge of the day's variance, built the same way on a grid of 1,024
 * points over the session and linearly interpolated between them (steps of about 23 seconds).
 * Before the open the price is the previous close; after the close, the close.
 */
final class PricePath {

    static final double WEEKDAYS_PER_YEAR = 365.25 * 5 / 7;
    static final LocalDate EPOCH = LocalDate.of(1990, 1, 1); // a Monday
    private static final double STEP_STD_DEV = Math.sqrt(1.0 / WEEKDAYS_PER_YEAR);
    private static final int HORIZON_LEVELS = 16;
    private static final long HORIZON = 1L << HORIZON_LEVELS;
    private static final int INTRADAY_LEVELS = 10;
    private static final int INTRADAY_POINTS = 1 << INTRADAY_LEVELS;
    private static final long DAILY_STREAM = 1;
    private static final long INTRADAY_STREAM = 2;
    private static final int CACHE_SIZE = 1024;

    private final long seed;
    private final long symbolCode;
    private final ExchangeCalendar calendar;
    private final double logStart;
    private final double sigma;
    private final double drift;
    private final long anchorIndex;
    private final double anchorW;
    private final double endW;
    /** Recent W(n): a fixed-size, lock-free, direct-mapped memo (bounded memory, same results). */
    private final AtomicReferenceArray<Memo> memo = new AtomicReferenceArray<>(CACHE_SIZE);

    private record Memo(long index, double w) {
    }

    /**
     * The last session asked about, with everything in its intraday formula that does not depend on
     * the instant: a backtest asks many times per session, and the calendar look-ups and the two
     * closes were most of each answer. Swapped whole; the same arithmetic on the same values, so
     * prices are bit-for-bit the same.
     */
    private record Intraday(long openMillis, long closeMillis, long n, double from, double to, double dayStdDev) {
    }

    private volatile Intraday intraday;

    PricePath(long seed, SymbolProfile profile, LocalDate startDate, ExchangeCalendar calendar) {
        this.seed = seed;
        this.symbolCode = CounterRandom.code(profile.symbol().value());
        this.calendar = calendar;
        this.logStart = FastMath.log(profile.price());
        this.sigma = profile.volatility();
        this.drift = profile.drift();
        this.endW = Math.sqrt((double) HORIZON) * CounterRandom.gaussian(seed, symbolCode, DAILY_STREAM, HORIZON);
        this.anchorIndex = weekdayIndex(calendar.onOrBeforeTradingDay(startDate));
        this.anchorW = brownian(anchorIndex);
    }

    /** The close of trading day {@code date}; on a day without a session, the last close before it. */
    double closeOn(LocalDate date) {
        return FastMath.exp(logClose(calendar.onOrBeforeTradingDay(date)));
    }

    /** The price at {@code instant}. */
    double priceAt(Instant instant) {
        long millis = instant.toEpochMilli();
        Intraday d = intraday;
        if (d != null && millis >= d.openMillis && millis < d.closeMillis) {
            double fraction = (double) (millis - d.openMillis) / (d.closeMillis - d.openMillis);
            return FastMath.exp(d.from + fraction * (d.to - d.from) + d.dayStdDev * bridge(d.n, fraction));
        }
        LocalDate date = ExchangeCalendar.dateOf(instant);
        Session session = calendar.session(date).orElse(null);
        if (session == null) {
            return closeOn(date);
        }
        if (instant.isBefore(session.openInstant())) {
            return closeOn(calendar.previousTradingDay(date));
        }
        if (!instant.isBefore(session.closeInstant())) {
            return closeOn(date);
        }
        LocalDate previous = calendar.previousTradingDay(date);
        long n = weekdayIndex(date);
        long p = weekdayIndex(previous);
        double from = logClose(p);
        double to = logClose(n);
        double fraction = (double) (instant.toEpochMilli() - session.openInstant().toEpochMilli())
                / (session.closeInstant().toEpochMilli() - session.openInstant().toEpochMilli());
        double dayStdDev = sigma * Math.sqrt((n - p) / WEEKDAYS_PER_YEAR);
        intraday = new Intraday(session.openInstant().toEpochMilli(), session.closeInstant().toEpochMilli(), n, from, to, dayStdDev);
        return FastMath.exp(from + fraction * (to - from) + dayStdDev * bridge(n, fraction));
    }

    private double logClose(LocalDate tradingDay) {
        return logClose(weekdayIndex(tradingDay));
    }

    private double logClose(long n) {
        double years = (n - anchorIndex) / WEEKDAYS_PER_YEAR;
        // W counts weekdays (variance n); scaled to years it has variance n / WEEKDAYS_PER_YEAR.
        return logStart + sigma * (brownian(n) - anchorW) * STEP_STD_DEV + (drift - 0.5 * sigma * sigma) * years;
    }

    /** W(n) in units of weekdays (variance n), W(0) = 0. */
    private double brownian(long n) {
        int slot = (int) (CounterRandom.mix(n) & (CACHE_SIZE - 1));
        Memo m = memo.get(slot);
        if (m != null && m.index() == n) {
            return m.w();
        }
        long lo = 0;
        long hi = HORIZON;
        double wLo = 0.0;
        double wHi = endW;
        while (n != lo && n != hi) {
            long mid = (lo + hi) >>> 1;
            double wMid = 0.5 * (wLo + wHi)
                    + Math.sqrt((hi - lo) / 4.0) * CounterRandom.gaussian(seed, symbolCode, DAILY_STREAM, mid);
            if (n < mid) {
                hi = mid;
                wHi = wMid;
            } else {
                lo = mid;
                wLo = wMid;
            }
        }
        double w = n == lo ? wLo : wHi;
        memo.set(slot, new Memo(n, w));
        return w;
    }

    /** A standard Brownian bridge on [0, 1] for day {@code n}, at {@code fraction}. */
    private double bridge(long n, double fraction) {
        double position = fraction * INTRADAY_POINTS;
        long lo = 0;
        long hi = INTRADAY_POINTS;
        double bLo = 0.0;
        double bHi = 0.0;
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            double bMid = 0.5 * (bLo + bHi)
                    + Math.sqrt((hi - lo) / (4.0 * INTRADAY_POINTS)) * CounterRandom.gaussian(seed, symbolCode, INTRADAY_STREAM + (n << 2), mid);
            if (position < mid) {
                hi = mid;
                bHi = bMid;
            } else {
                lo = mid;
                bLo = bMid;
            }
        }
        double t = position - lo;
        return bLo + t * (bHi - bLo);
    }

    /** Weekdays from the epoch to {@code date} (a weekday). */
    static long weekdayIndex(LocalDate date) {
        long days = ChronoUnit.DAYS.between(EPOCH, date);
        if (days < 0 || date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            throw new MarketDataException("the simulated market has prices for weekdays from " + EPOCH + " on, not for " + date);
        }
        long index = (days / 7) * 5 + days % 7;
        if (index >= HORIZON) {
            throw new MarketDataException("the simulated market has no prices beyond the year 2240, asked for " + date);
        }
        return index;
    }
}
