package io.alluse.ui.drilldown;

import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;

/**
 * One open position as the account view shows it, priced now. Greeks are for the whole position
 * (per-share greek x quantity x multiplier), so they add up across rows: delta in shares, gamma in
 * shares per dollar, theta in dollars per calendar day, vega in dollars per volatility point. NaN
 * where the market cannot price the instrument (it says so in {@code note}).
 *
 * @param price per share: the option's mid or the stock's last price
 */
public record PositionRow(SleeveKind sleeve, String instrument, String description, long quantity, Money costBasis, double price,
                          Money marketValue, Money unrealized, double delta, double gamma, double thetaPerDay, double vegaPerPoint,
                          String note) {
}
