/**
 * Market data for the strategies and the paper broker: what they read is {@link io.alluse.market.MarketView},
 * implemented by the simulated market ({@code market.sim.SimulatedMarket}) and by a replay of imported daily
 * prices ({@code market.history.HistoricalMarket}).
 * <ul>
 *   <li>{@code market.pricing}: Black-Scholes-Merton values, greeks, implied volatility</li>
 *   <li>{@code market.chain}: option chains and quotes, strike grid, expiry listing, bid/ask model</li>
 *   <li>{@code market.calendar}: the NYSE calendar (holidays, early closes, sessions, expiry dates)</li>
 *   <li>{@code market.clock}: wall and simulated clocks</li>
 *   <li>{@code market.sim}: the seeded simulated market</li>
 *   <li>{@code market.history}: CSV price-history import and replay</li>
 * </ul>
 * Uses only {@code io.alluse.domain} of the project.
 */
package io.alluse.market;
