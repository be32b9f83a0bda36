package io.alluse.broker;

import io.alluse.domain.Money;

/**
 * Balances of the brokerage account.
 *
 * @param cash           settled cash
 * @param buyingPower    cash free for new cash-secured positions (cash less what secures open short puts and open buy orders)
 * @param equity         cash plus positions at market
 * @param optionsApproved whether the account may sell cash-secured puts and covered calls
 * @param status         the broker's word for the account's state, e.g. ACTIVE
 */
public record BrokerAccount(String accountId, Money cash, Money buyingPower, Money equity, boolean optionsApproved, String status) {
}
