package io.alluse.ui.status;

import java.util.List;

/** The paper clock's speeds on offer: from stopped to "a quarter in about a minute" and beyond. */
public record ClockSpeed(String id, String label, String tooltip, double factor) {

    public static final ClockSpeed PAUSED = new ClockSpeed("pause", "\u23f8", "Stop the market clock: nothing moves, nothing trades", 0);
    public static final ClockSpeed REAL_TIME = new ClockSpeed("1x", "1\u00d7", "Real time", 1);

    /** In the order the buttons show them. */
    public static final List<ClockSpeed> ALL = List.of(
            PAUSED,
            REAL_TIME,
            new ClockSpeed("60x", "60\u00d7", "A minute per second", 60),
            new ClockSpeed("3600x", "3600\u00d7", "An hour per second: a trading day in under 7 s", 3_600),
            new ClockSpeed("86400x", "1 d/s", "A day per second: a quarter in about a minute and a half", 86_400),
            new ClockSpeed("max", "Max", "As fast as the accounts' work allows: jumps from one due point to the next", Double.POSITIVE_INFINITY));

    /** The offered speed nearest to {@code factor} (what the clock runs at when the window opens). */
    public static ClockSpeed nearest(double factor) {
        ClockSpeed best = ALL.getFirst();
        for (ClockSpeed s : ALL) {
            if (s.factor() == factor) {
                return s;
            }
            if (Math.abs(Math.log1p(s.factor()) - Math.log1p(factor)) < Math.abs(Math.log1p(best.factor()) - Math.log1p(factor))) {
                best = s;
            }
        }
        return best;
    }
}
