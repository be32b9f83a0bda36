package io.alluse.strategy;

/**
 * The premium floor of SPEC section 1 ("Gen >= 1.5% of strike per week"), read as a rate per week
 * held: a put sold for {@code dte} calendar days must bring
 * <pre>  premium / strike >= floor x max(1, dte / 7)</pre>
 * so an option held a week or less must earn one week's floor (a 1-day put is not let off with a
 * seventh of it), and a 9-day put 9/7 of it. The premium is the sell limit, the price the order
 * would actually get. Checked exactly in integers: {@code premium x 7 x 10,000 >= strike x floorBp x max(7, dte)}.
 */
record PremiumFloor(int floorBasisPoints, int dte) {

    boolean isMetBy(long premiumCents, long strikeCents) {
        return premiumCents * 7L * 10_000L >= strikeCents * floorBasisPoints * Math.max(7L, dte);
    }

    /** Premium as basis points of the strike, rounded down (so a shortfall never prints as meeting it). */
    static long premiumBp(long premiumCents, long strikeCents) {
        return premiumCents * 10_000L / strikeCents;
    }

    /** {@code floor 1.5%/wk}, or {@code floor 1.5%/wk x 9/7 weeks = 1.93%} beyond a week. */
    String describe(boolean met) {
        String perWeek = "floor " + Text.percent(floorBasisPoints) + "/wk";
        if (dte <= 7) {
            return perWeek;
        }
        long scaled = (long) floorBasisPoints * dte;
        long required = met ? scaled / 7 : Math.ceilDiv(scaled, 7L);
        return perWeek + " x " + dte + "/7 weeks = " + Text.percent(required);
    }
}
