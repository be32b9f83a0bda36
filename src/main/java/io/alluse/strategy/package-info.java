/**
 * The ALL-USE sleeve strategies (SPEC section 3) as pure decisions: from one sleeve's ledger
 * snapshot ({@link io.alluse.strategy.SleeveState}), the market ({@link io.alluse.market.MarketView})
 * and the cycle's day ({@link io.alluse.strategy.CycleContext}) to order intents and the trades it
 * skipped, with why ({@link io.alluse.strategy.SleeveDecision}).
 * <ul>
 *   <li>Gen-Acc and Rev-Acc: the cash-secured-put wheel ({@code PutWheel}).</li>
 *   <li>Com-Acc: shares bought in round lots, then covered calls ({@code SharesAndCalls}).</li>
 * </ul>
 * No I/O, no clock, no state between calls: the same inputs give the same decision on any thread,
 * and the client order ids depend only on (account, sleeve, cycle, leg), so a decision repeated after
 * a restart names the very orders it named before. The rules, with their numbers, are in
 * {@code docs/decisions/0010-sleeve-strategy-rules.md}. Uses only {@code domain} and {@code market}.
 */
package io.alluse.strategy;
