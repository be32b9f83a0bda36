package io.alluse.analytics.metrics;

/**
 * How much history a figure per year needs before it is shown (decision 0032).
 * <ul>
 *   <li>CAGR and the money-weighted return (IRR) extrapolate the period's return to a year: only from
 *       {@value #MIN_CALENDAR_DAYS_FOR_ANNUAL_RATE} calendar days between the first and the last
 *       snapshot, as GIPS asks ("returns for periods of less than one year must not be annualized").</li>
 *   <li>Volatility, Sharpe and Sortino scale daily returns by sqrt(252): only from
 *       {@value #MIN_DAILY_RETURNS_FOR_RISK} measured daily returns (about three months of trading),
 *       below which the sample mean and deviation say more about luck than about the strategy.</li>
 * </ul>
 * Below either threshold the figure is {@link Annualised.ShortHistory}; the total (time-weighted)
 * return of the period is always shown.
 */
public final class HistoryRule {

    public static final int MIN_CALENDAR_DAYS_FOR_ANNUAL_RATE = 365;
    public static final int MIN_DAILY_RETURNS_FOR_RISK = 60;

    private HistoryRule() {
    }

    static boolean longEnoughForAnnualRate(long calendarDays) {
        return calendarDays >= MIN_CALENDAR_DAYS_FOR_ANNUAL_RATE;
    }

    static boolean longEnoughForRisk(int measuredDailyReturns) {
        return measuredDailyReturns >= MIN_DAILY_RETURNS_FOR_RISK;
    }

    static Annualised.ShortHistory shortForAnnualRate(long calendarDays) {
        return new Annualised.ShortHistory("needs at least 1 year of history (has " + plural(calendarDays, "day") + "); total return shown");
    }

    static Annualised.ShortHistory shortForRisk(int measuredDailyReturns) {
        return new Annualised.ShortHistory("needs at least " + MIN_DAILY_RETURNS_FOR_RISK + " daily returns (has "
                + measuredDailyReturns + "); total return shown");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
