package io.alluse.broker;

import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import java.time.Instant;

/** One entry of the broker's activity feed. Ids are unique and increase in feed order. */
public sealed interface BrokerActivity {

    String id();

    Instant at();

    /** An order (partly) filled: {@code quantity} units at {@code price} per share. */
    record Fill(String id, Instant at, ClientOrderId clientOrderId, Instrument instrument, OrderSide side, long quantity,
                Money price, Money commission) implements BrokerActivity {
    }

    /** Cash deposited by the owner (Alpaca: CSD). */
    record Deposit(String id, Instant at, Money amount) implements BrokerActivity {
    }

    /** Cash withdrawn by the owner (Alpaca: CSW). */
    record Withdrawal(String id, Instant at, Money amount) implements BrokerActivity {
    }

    /**
     * A short option assigned at expiry: {@code contracts} contracts, so contracts x 100 shares bought
     * (put) or sold (call) at the strike.
     */
    record Assignment(String id, Instant at, OptionContract option, long contracts) implements BrokerActivity {
    }

    /** An option expired worthless; {@code quantity} is the signed position that expired. */
    record Expiration(String id, Instant at, OptionContract option, long quantity) implements BrokerActivity {
    }

    /** A long option exercised at expiry (shares bought for a call, sold for a put). */
    record Exercise(String id, Instant at, OptionContract option, long contracts) implements BrokerActivity {
    }

    /** Any other cash charge or credit (fees, interest, dividends): signed amount. */
    record CashAdjustment(String id, Instant at, Money amount, String description) implements BrokerActivity {
    }

    /**
     * A position moved as it is between two accounts at the same brokerage (the paper brokerage's transfer,
     * docs/decisions/0026): no trade, no commission.
     *
     * @param transferId   the caller's id for the whole transfer (what makes it idempotent)
     * @param counterparty the other account of the transfer
     * @param quantity     signed change to this account's position: the negated position where it left, the position where it arrived
     * @param costBasis    the brokerage's cost basis of what moved, as it was held (short options negative: premium received)
     */
    record PositionTransfer(String id, Instant at, String transferId, String counterparty, Instrument instrument, long quantity,
                            Money costBasis) implements BrokerActivity {
    }

    /** Cash journaled between two accounts at the same brokerage: {@code amount} negative where it left, positive where it arrived. */
    record CashJournal(String id, Instant at, String transferId, String counterparty, Money amount) implements BrokerActivity {
    }
}
