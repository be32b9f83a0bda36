package io.alluse.broker.paper;

import static io.alluse.broker.paper.FixedMarket.ny;
import static io.alluse.broker.paper.Orders.buyToClose;
import static io.alluse.broker.paper.Orders.buyToOpen;
import static io.alluse.broker.paper.Orders.call;
import static io.alluse.broker.paper.Orders.id;
import static io.alluse.broker.paper.Orders.put;
import static io.alluse.broker.paper.Orders.sellToClose;
import static io.alluse.broker.paper.Orders.sellToOpen;
import static io.alluse.broker.paper.Orders.shares;
import static io.alluse.broker.paper.Orders.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.broker.BrokerAccount;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerException.Kind;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.BrokerPosition;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The paper broker's rules on a market whose every price is set by hand, so each fill, cash
 * balance and position below is worked out on paper. Default terms: $0.01 slippage, $0.65 a
 * contract, nothing per share.
 */
class PaperAccountTest {

    /** AAPL 2026-01-16 220 put, the week's short put. Monday 2026-01-12 is a trading day, Friday the 16th the expiry. */
    static final OptionContract PUT = put("AAPL", "2026-01-16", "220");
    static final OptionContract CALL = call("AAPL", "2026-01-16", "230");

    FixedMarket market;

    @BeforeEach
    void monday10am() {
        market = new FixedMarket(ny("2026-01-12", "10:00")).spot("AAPL", 225.00).quote(PUT, "2.00", "2.20").quote(CALL, "1.50", "1.60");
    }

    PaperAccount account(String cash) {
        return PaperAccount.open("PAPER-TEST", market, PaperSettings.DEFAULTS, usd(cash));
    }

    static BrokerException rejection(Runnable call) {
        try {
            call.run();
        } catch (BrokerException e) {
            return e;
        }
        throw new AssertionError("expected a BrokerException");
    }

    @Nested
    class Fills {

        @Test
        void aSellAtOrBelowMidLessSlippageFillsAtOnceThere() {
            PaperAccount a = account("100000");
            // mid (2.00 + 2.20) / 2 = 2.10; a sell fills at 2.10 - 0.01 = 2.09, however low its limit
            BrokerOrder o = a.place(sellToOpen("p-1", PUT, 2, "2.05"));

            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.filledQuantity()).isEqualTo(2);
            assertThat(o.averageFillPrice()).isEqualTo(usd("2.09"));
            assertThat(o.brokerOrderId()).isEqualTo("PO0000000001");
            // cash 100,000 + 2 x 100 x 2.09 - 2 x 0.65 = 100,416.70; 44,000 secures the two puts;
            // equity marks the puts at mid: 100,416.70 - 2 x 100 x 2.10 = 99,996.70
            BrokerAccount acc = a.account();
            assertThat(acc.cash()).isEqualTo(usd("100416.70"));
            assertThat(acc.buyingPower()).isEqualTo(usd("56416.70"));
            assertThat(acc.equity()).isEqualTo(usd("99996.70"));
            assertThat(a.positions()).containsExactly(new BrokerPosition(PUT, -2, usd("-416.70")));
            assertThat(a.activities(Optional.empty(), 10)).containsExactly(
                    new BrokerActivity.Deposit("000000000001", ny("2026-01-12", "10:00"), usd("100000")),
                    new BrokerActivity.Fill("000000000002", ny("2026-01-12", "10:00"), id("p-1"), PUT, OrderSide.SELL, 2, usd("2.09"),
                            usd("1.30")));
        }

        @Test
        void aBuyAtOrAboveMidPlusSlippageFillsThereAndClosingRemovesThePosition() {
            PaperAccount a = account("100000");
            a.place(sellToOpen("p-1", PUT, 2, "2.05"));
            market.at("2026-01-13", "11:00").quote(PUT, "1.00", "1.10");
            // mid 1.05; a buy fills at 1.06: 2 x 100 x 1.06 + 1.30 = 213.30 out of 100,416.70
            BrokerOrder close = a.place(buyToClose("p-1-close", PUT, 2, "1.10"));

            assertThat(close.averageFillPrice()).isEqualTo(usd("1.06"));
            assertThat(a.positions()).isEmpty();
            BrokerAccount acc = a.account();
            assertThat(acc.cash()).isEqualTo(usd("100203.40"));
            assertThat(acc.buyingPower()).isEqualTo(usd("100203.40"));
            assertThat(acc.equity()).isEqualTo(usd("100203.40"));
        }

        @Test
        void aHalfCentMidRoundsUp() {
            PaperAccount a = account("100000");
            market.quote(PUT, "1.00", "1.05");
            // mid 1.025 rounds to 1.03, the sell fills at 1.02
            assertThat(a.place(sellToOpen("p-1", PUT, 1, "1.02")).averageFillPrice()).isEqualTo(usd("1.02"));
        }

        @Test
        void sharesFillAtTheSpotToTheCentPlusSlippageWithoutCommission() {
            market.spot("AAPL", 225.004);
            PaperAccount a = account("100000");
            BrokerOrder o = a.place(buyToOpen("s-1", shares("AAPL"), 100, "226"));

            assertThat(o.averageFillPrice()).isEqualTo(usd("225.01"));
            assertThat(a.account().cash()).isEqualTo(usd("77499.00"));
            assertThat(a.positions()).containsExactly(new BrokerPosition(shares("AAPL"), 100, usd("22501.00")));
        }

        @Test
        void commissionAndSlippageAreConfigurable() {
            PaperAccount a = PaperAccount.open("PAPER-TEST", market, new PaperSettings(usd("0.05"), usd("1.00"), usd("0.01")), usd("100000"));
            BrokerOrder o = a.place(sellToOpen("p-1", PUT, 3, "2.00"));
            // 2.10 - 0.05 = 2.05; 3 x 100 x 2.05 - 3 x 1.00 = 612.00
            assertThat(o.averageFillPrice()).isEqualTo(usd("2.05"));
            assertThat(a.account().cash()).isEqualTo(usd("100612.00"));
            a.place(buyToOpen("s-1", shares("AAPL"), 10, "226"));
            // 225.00 + 0.05 = 225.05 a share, 10 x 0.01 commission: 2,250.50 + 0.10
            assertThat(a.account().cash()).isEqualTo(usd("98361.40"));
        }

        @Test
        void aLimitBeyondTheFillPriceRestsAndFillsWhenTheMarketComesToIt() {
            PaperAccount a = account("100000");
            BrokerOrder resting = a.place(sellToOpen("p-1", PUT, 1, "2.15"));
            assertThat(resting.status()).isEqualTo(OrderStatus.SUBMITTED);
            // the resting put already holds its collateral back
            assertThat(a.account().buyingPower()).isEqualTo(usd("78000.00"));
            assertThat(a.openOrders()).extracting(o -> o.request().clientOrderId()).containsExactly(id("p-1"));

            market.at("2026-01-12", "10:30");
            assertThat(a.order(id("p-1")).orElseThrow().status()).as("nothing moved").isEqualTo(OrderStatus.SUBMITTED);

            market.at("2026-01-12", "11:00").quote(PUT, "2.20", "2.40");
            BrokerOrder filled = a.order(id("p-1")).orElseThrow();
            // mid 2.30, fills at 2.29 (better than its 2.15 limit) at 11:00
            assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(filled.averageFillPrice()).isEqualTo(usd("2.29"));
            assertThat(filled.updatedAt()).isEqualTo(ny("2026-01-12", "11:00"));
            assertThat(a.openOrders()).isEmpty();
            assertThat(a.account().cash()).isEqualTo(usd("100228.35"));
            assertThat(a.activities(Optional.empty(), 10).getLast())
                    .isEqualTo(new BrokerActivity.Fill("000000000002", ny("2026-01-12", "11:00"), id("p-1"), PUT, OrderSide.SELL, 1,
                            usd("2.29"), usd("0.65")));
        }

        @Test
        void anUnfilledDayOrderExpiresAtTheClose() {
            PaperAccount a = account("100000");
            a.place(sellToOpen("p-1", PUT, 1, "2.50"));
            market.at("2026-01-12", "16:30");

            BrokerOrder o = a.order(id("p-1")).orElseThrow();
            assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(o.updatedAt()).isEqualTo(ny("2026-01-12", "16:00"));
            assertThat(o.reason()).contains("not filled by the close").contains("2026-01-12 16:00");
            assertThat(a.openOrders()).isEmpty();
            assertThat(a.account().buyingPower()).isEqualTo(usd("100000.00"));
            assertThat(a.activities(Optional.empty(), 10)).hasSize(1);
            // a higher quote after the close fills nothing
            market.at("2026-01-13", "10:00").quote(PUT, "3.00", "3.20");
            assertThat(a.order(id("p-1")).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
        }

        @Test
        void onAnEarlyCloseDayOrdersExpireAtOnePm() {
            OptionContract p = put("AAPL", "2026-12-04", "220");
            market.at("2026-11-27", "10:00").quote(p, "2.00", "2.20");
            PaperAccount a = account("100000");
            a.place(sellToOpen("p-1", p, 1, "2.50"));
            market.at("2026-11-27", "13:05");
            assertThat(a.order(id("p-1")).orElseThrow().updatedAt()).isEqualTo(ny("2026-11-27", "13:00"));
        }

        @Test
        void cancelEndsARestingOrderAndReleasesItsCash() {
            PaperAccount a = account("100000");
            a.place(sellToOpen("p-1", PUT, 1, "2.50"));
            market.at("2026-01-12", "10:05");
            BrokerOrder cancelled = a.cancel(id("p-1"));

            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.updatedAt()).isEqualTo(ny("2026-01-12", "10:05"));
            assertThat(a.account().buyingPower()).isEqualTo(usd("100000.00"));
            assertThat(a.cancel(id("p-1"))).as("cancelling again changes nothing").isEqualTo(cancelled);
            assertThat(rejection(() -> a.cancel(id("nope"))).kind()).isEqualTo(Kind.NOT_FOUND);
        }

        @Test
        void aFilledOrderCannotBeCancelled() {
            PaperAccount a = account("100000");
            BrokerOrder filled = a.place(sellToOpen("p-1", PUT, 1, "2.00"));
            assertThat(a.cancel(id("p-1"))).isEqualTo(filled);
        }
    }

    @Nested
    class Idempotency {

        @Test
        void theSameClientOrderIdTwiceIsOneOrderAndOneFill() {
            PaperAccount a = account("100000");
            BrokerOrder first = a.place(sellToOpen("acct.gen.2026-01-12.aapl-p-1", PUT, 2, "2.05"));
            market.at("2026-01-12", "10:01");
            BrokerOrder again = a.place(sellToOpen("acct.gen.2026-01-12.aapl-p-1", PUT, 2, "2.05"));
            // even a different request under the same id is the order already there
            BrokerOrder different = a.place(sellToOpen("acct.gen.2026-01-12.aapl-p-1", PUT, 5, "1.00"));

            assertThat(again).isEqualTo(first);
            assertThat(different).isEqualTo(first);
            assertThat(a.activities(Optional.empty(), 10)).filteredOn(BrokerActivity.Fill.class::isInstance).hasSize(1);
            assertThat(a.account().cash()).isEqualTo(usd("100416.70"));
            assertThat(a.positions()).containsExactly(new BrokerPosition(PUT, -2, usd("-416.70")));
        }

        @Test
        void anExistingOrderIsReturnedEvenWhenTheMarketHasClosed() {
            PaperAccount a = account("100000");
            BrokerOrder first = a.place(sellToOpen("p-1", PUT, 1, "2.00"));
            market.at("2026-01-12", "20:00");
            assertThat(a.place(sellToOpen("p-1", PUT, 1, "2.00"))).isEqualTo(first);
        }
    }

    @Nested
    class Rejections {

        @Test
        void aShortPutNeedsItsCollateralFree() {
            PaperAccount a = account("10000");
            PaperState before = a.state();
            BrokerException e = rejection(() -> a.place(sellToOpen("p-1", PUT, 1, "2.00")));

            assertThat(e.kind()).isEqualTo(Kind.INSUFFICIENT_FUNDS);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("Selling 1 AAPL 2026-01-16 220.00 P to open needs $22,000.00 of free cash as collateral"
                    + " (1 x 100 x strike $220.00); free cash is $10,000.00 (cash $10,000.00 less $0.00 securing short puts and open orders).");
            assertThat(a.state()).as("a rejected order changes nothing").isEqualTo(before);
        }

        @Test
        void collateralOfPutsAlreadySoldIsNotFree() {
            PaperAccount a = account("50000");
            a.place(sellToOpen("p-1", PUT, 2, "2.00"));
            // cash 50,000 + 418 - 1.30 = 50,416.70, of which 44,000 secures the two puts
            BrokerException e = rejection(() -> a.place(sellToOpen("p-2", PUT, 1, "2.00")));
            assertThat(e.kind()).isEqualTo(Kind.INSUFFICIENT_FUNDS);
            assertThat(e.getMessage()).contains("needs $22,000.00").contains("free cash is $6,416.70")
                    .contains("cash $50,416.70 less $44,000.00");
        }

        @Test
        void aCallNeedsSharesToCoverIt() {
            PaperAccount a = account("100000");
            BrokerException e = rejection(() -> a.place(sellToOpen("c-1", CALL, 1, "1.00")));
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.getMessage()).isEqualTo("Selling 1 AAPL 2026-01-16 230.00 C to open: a covered call needs 100 AAPL shares to cover"
                    + " it (a cash account cannot sell naked calls); 0 held, 0 of them already cover other calls or sell orders.");
        }

        @Test
        void sharesCoverOneCallOnly() {
            PaperAccount a = account("100000");
            a.place(buyToOpen("s-1", shares("AAPL"), 150, "226"));
            a.place(sellToOpen("c-1", CALL, 1, "1.00"));
            OptionContract higher = call("AAPL", "2026-01-16", "235");
            market.quote(higher, "0.50", "0.60");
            BrokerException e = rejection(() -> a.place(sellToOpen("c-2", higher, 1, "0.50")));
            assertThat(e.getMessage()).contains("needs 100 AAPL shares").contains("150 held, 100 of them already cover other calls");
            // nor can the covering shares be sold
            BrokerException sale = rejection(() -> a.place(sellToClose("s-2", shares("AAPL"), 60, "200")));
            assertThat(sale.getMessage()).isEqualTo("Selling 60 AAPL shares: only 50 of the 150 AAPL shares held are free; the others cover"
                    + " short calls or other sell orders.");
        }

        @Test
        void aBuyNeedsItsCostInFreeCash() {
            PaperAccount a = account("10000");
            BrokerException e = rejection(() -> a.place(buyToOpen("s-1", shares("AAPL"), 100, "230")));
            assertThat(e.kind()).isEqualTo(Kind.INSUFFICIENT_FUNDS);
            assertThat(e.getMessage()).isEqualTo("Buying 100 AAPL shares at up to $230.00 needs $23,000.00 (100 x $230.00 + $0.00"
                    + " commission); free cash is $10,000.00 (cash $10,000.00 less $0.00 securing short puts and open orders).");
            BrokerException option = rejection(() -> a.place(buyToOpen("c-1", CALL, 100, "1.60")));
            assertThat(option.getMessage()).contains("needs $16,065.00 (100 x 100 x $1.60 + $65.00 commission)");
        }

        @Test
        void onlyWhatIsHeldCanBeClosedAndStockCannotBeShorted() {
            PaperAccount a = account("100000");
            a.place(sellToOpen("p-1", PUT, 2, "2.00"));
            assertThat(rejection(() -> a.place(buyToClose("x-1", PUT, 3, "3.00"))).getMessage())
                    .endsWith("the account holds short 2 in this contract, so at most 2 can be closed.");
            assertThat(rejection(() -> a.place(sellToClose("x-2", CALL, 1, "1.00"))).getMessage())
                    .endsWith("the account holds no position in this contract, so at most 0 can be closed.");
            assertThat(rejection(() -> a.place(sellToOpen("x-3", shares("AAPL"), 1, "200"))).getMessage())
                    .endsWith("short selling stock is not allowed in a cash account.");
            assertThat(rejection(() -> a.place(buyToOpen("x-4", PUT, 1, "3.00"))).getMessage())
                    .endsWith("the account is short 2 of this contract; buy to CLOSE instead.");
        }

        @Test
        void ordersOnlyWhileTheRegularSessionIsOpen() {
            market.at("2026-01-10", "12:00");
            PaperAccount a = account("100000");
            BrokerException saturday = rejection(() -> a.place(sellToOpen("p-1", PUT, 1, "2.00")));
            assertThat(saturday.kind()).isEqualTo(Kind.MARKET_CLOSED);
            assertThat(saturday.getMessage()).isEqualTo("The market is closed (Saturday 2026-01-10 12:00 New York); it opens Monday"
                    + " 2026-01-12 09:30. Paper orders are accepted only during the regular session.");
            market.at("2026-01-12", "09:29");
            assertThat(rejection(() -> a.place(sellToOpen("p-1", PUT, 1, "2.00"))).getMessage()).contains("opens Monday 2026-01-12 09:30");
            market.at("2026-01-12", "09:30");
            assertThat(a.place(sellToOpen("p-1", PUT, 1, "2.00")).status()).isEqualTo(OrderStatus.FILLED);
            market.at("2026-01-12", "16:00");
            assertThat(rejection(() -> a.place(sellToOpen("p-2", PUT, 1, "2.00"))).getMessage()).contains("opens Tuesday 2026-01-13 09:30");
            // Monday the 19th is Martin Luther King Jr. Day
            market.close("AAPL", "2026-01-16", 225).at("2026-01-16", "17:00");
            assertThat(rejection(() -> a.place(sellToOpen("p-2", PUT, 1, "2.00"))).getMessage()).contains("opens Tuesday 2026-01-20 09:30");
        }

        @Test
        void unknownAndExpiredInstrumentsAreRejected() {
            PaperAccount a = account("100000");
            assertThat(rejection(() -> a.place(sellToOpen("x-1", put("MSFT", "2026-01-16", "400"), 1, "2.00"))).getMessage())
                    .startsWith("Cannot trade MSFT 2026-01-16 400.00 P: ");
            assertThat(rejection(() -> a.place(sellToOpen("x-2", put("AAPL", "2026-01-09", "220"), 1, "2.00"))).getMessage())
                    .isEqualTo("Cannot trade AAPL 2026-01-09 220.00 P: it expired at the close of 2026-01-09.");
        }
    }

    @Nested
    class Expiry {

        PaperAccount a;

        @BeforeEach
        void twoShortPuts() {
            a = account("100000");
            a.place(sellToOpen("p-1", PUT, 2, "2.05"));
            // cash 100,416.70, -2 puts at cost -416.70
        }

        void closeOfFriday(double aaplClose) {
            market.close("AAPL", "2026-01-16", aaplClose).at("2026-01-16", "16:00");
        }

        @Test
        void anOutOfTheMoneyPutExpires() {
            closeOfFriday(225.00);
            assertThat(a.positions()).isEmpty();
            assertThat(a.activities(Optional.of("000000000002"), 10))
                    .containsExactly(new BrokerActivity.Expiration("000000000003", ny("2026-01-16", "16:00"), PUT, -2));
            BrokerAccount acc = a.account();
            assertThat(acc.cash()).isEqualTo(usd("100416.70"));
            assertThat(acc.buyingPower()).isEqualTo(usd("100416.70"));
        }

        @Test
        void aPutAtTheStrikeExpiresAndOneCentBelowIsAssigned() {
            closeOfFriday(219.996); // 220.00 to the cent: at the money
            assertThat(a.activities(Optional.of("000000000002"), 10)).singleElement().isInstanceOf(BrokerActivity.Expiration.class);

            monday10am();
            a = account("100000");
            a.place(sellToOpen("p-1", PUT, 2, "2.05"));
            closeOfFriday(219.994); // 219.99: one cent in the money
            assertThat(a.activities(Optional.of("000000000002"), 10)).singleElement().isInstanceOf(BrokerActivity.Assignment.class);
        }

        @Test
        void anInTheMoneyPutIsAssignedSharesBoughtAtTheStrike() {
            closeOfFriday(215.50);
            assertThat(a.activities(Optional.of("000000000002"), 10))
                    .containsExactly(new BrokerActivity.Assignment("000000000003", ny("2026-01-16", "16:00"), PUT, 2));
            // 200 shares at 220: 100,416.70 - 44,000 = 56,416.70, all of it free again
            assertThat(a.positions()).containsExactly(new BrokerPosition(shares("AAPL"), 200, usd("44000.00")));
            market.spot("AAPL", 215.50);
            BrokerAccount acc = a.account();
            assertThat(acc.cash()).isEqualTo(usd("56416.70"));
            assertThat(acc.buyingPower()).isEqualTo(usd("56416.70"));
            assertThat(acc.equity()).isEqualTo(usd("99516.70"));
        }

        @Test
        void settlementWaitsForTheCloseAndTakesItsTimeFromIt() {
            market.close("AAPL", "2026-01-16", 215.50).at("2026-01-16", "15:59");
            assertThat(a.positions()).containsExactly(new BrokerPosition(PUT, -2, usd("-416.70")));
            market.at("2026-01-20", "09:45");
            assertThat(a.activities(Optional.of("000000000002"), 10)).singleElement()
                    .extracting(BrokerActivity::at).isEqualTo(ny("2026-01-16", "16:00"));
        }

        @Test
        void withoutAnOfficialCloseNothingSettlesAndTheCallSaysWhy() {
            market.at("2026-01-16", "16:01");
            BrokerException e = rejection(a::positions);
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("cannot settle AAPL options expiring 2026-01-16").contains("no official close");
            market.close("AAPL", "2026-01-16", 230);
            assertThat(a.positions()).isEmpty();
        }
    }

    @Nested
    class CoveredCalls {

        PaperAccount a;

        @BeforeEach
        void sharesAndACall() {
            a = account("100000");
            a.place(buyToOpen("s-1", shares("AAPL"), 100, "226"));   // 225.01: cash 77,499.00
            a.place(sellToOpen("c-1", CALL, 1, "1.50"));             // 1.54: + 154 - 0.65 = 77,652.35
        }

        @Test
        void anOutOfTheMoneyCallExpiresAndTheSharesStay() {
            assertThat(a.account().cash()).isEqualTo(usd("77652.35"));
            market.close("AAPL", "2026-01-16", 229.00).at("2026-01-16", "16:00");
            assertThat(a.activities(Optional.of("000000000003"), 10))
                    .containsExactly(new BrokerActivity.Expiration("000000000004", ny("2026-01-16", "16:00"), CALL, -1));
            assertThat(a.positions()).containsExactly(new BrokerPosition(shares("AAPL"), 100, usd("22501.00")));
            assertThat(a.account().cash()).isEqualTo(usd("77652.35"));
        }

        @Test
        void anInTheMoneyCallIsAssignedAndTheSharesAreCalledAway() {
            market.close("AAPL", "2026-01-16", 231.25).at("2026-01-16", "16:00");
            assertThat(a.activities(Optional.of("000000000003"), 10))
                    .containsExactly(new BrokerActivity.Assignment("000000000004", ny("2026-01-16", "16:00"), CALL, 1));
            // 100 shares delivered at 230: 77,652.35 + 23,000 = 100,652.35
            assertThat(a.positions()).isEmpty();
            assertThat(a.account().cash()).isEqualTo(usd("100652.35"));
        }
    }

    @Nested
    class LongOptions {

        final OptionContract longCall = call("AAPL", "2026-01-16", "220");

        @Test
        void anInTheMoneyLongCallIsExercised() {
            market.quote(longCall, "5.00", "5.20");
            PaperAccount a = account("100000");
            a.place(buyToOpen("l-1", longCall, 1, "5.20"));  // 5.11: 100,000 - 511 - 0.65 = 99,488.35
            market.close("AAPL", "2026-01-16", 230).at("2026-01-16", "16:00");
            assertThat(a.activities(Optional.of("000000000002"), 10))
                    .containsExactly(new BrokerActivity.Exercise("000000000003", ny("2026-01-16", "16:00"), longCall, 1));
            assertThat(a.positions()).containsExactly(new BrokerPosition(shares("AAPL"), 100, usd("22000.00")));
            assertThat(a.account().cash()).isEqualTo(usd("77488.35"));
        }

        @Test
        void aLongCallTheCashCannotPayForExpires() {
            market.quote(longCall, "5.00", "5.20");
            PaperAccount a = account("1000");
            a.place(buyToOpen("l-1", longCall, 1, "5.20"));  // cash 488.35, far from 22,000
            market.close("AAPL", "2026-01-16", 230).at("2026-01-16", "16:00");
            assertThat(a.activities(Optional.of("000000000002"), 10))
                    .containsExactly(new BrokerActivity.Expiration("000000000003", ny("2026-01-16", "16:00"), longCall, 1));
            assertThat(a.account().cash()).isEqualTo(usd("488.35"));
        }

        @Test
        void anInTheMoneyLongPutDeliversSharesHeld() {
            OptionContract longPut = put("AAPL", "2026-01-16", "230");
            market.quote(longPut, "6.00", "6.20");
            PaperAccount a = account("100000");
            a.place(buyToOpen("s-1", shares("AAPL"), 100, "226"));  // 225.01: 77,499.00
            a.place(buyToOpen("l-1", longPut, 1, "6.20"));           // 6.11: - 611 - 0.65 = 76,887.35
            market.close("AAPL", "2026-01-16", 210).at("2026-01-16", "16:00");
            assertThat(a.activities(Optional.of("000000000003"), 10))
                    .containsExactly(new BrokerActivity.Exercise("000000000004", ny("2026-01-16", "16:00"), longPut, 1));
            assertThat(a.positions()).isEmpty();
            assertThat(a.account().cash()).isEqualTo(usd("99887.35"));
        }
    }

    @Nested
    class Cash {

        @Test
        void depositsAndWithdrawalsAreActivities() {
            PaperAccount a = account("100000");
            market.at("2026-01-17", "12:00"); // a Saturday: cash moves when the market is closed too
            BrokerActivity.Deposit d = a.deposit(usd("5000"));
            BrokerActivity.Withdrawal w = a.withdraw(usd("1234.56"));

            assertThat(d).isEqualTo(new BrokerActivity.Deposit("000000000002", ny("2026-01-17", "12:00"), usd("5000")));
            assertThat(w).isEqualTo(new BrokerActivity.Withdrawal("000000000003", ny("2026-01-17", "12:00"), usd("1234.56")));
            assertThat(a.account().cash()).isEqualTo(usd("103765.44"));
        }

        @Test
        void aWithdrawalAboveTheFreeCashIsRefusedNamingTheMaximum() {
            PaperAccount a = account("100000");
            a.place(sellToOpen("p-1", PUT, 2, "2.05"));
            PaperState before = a.state();
            BrokerException e = rejection(() -> a.withdraw(usd("60000")));

            assertThat(e.kind()).isEqualTo(Kind.INSUFFICIENT_FUNDS);
            assertThat(e.getMessage()).isEqualTo("Cannot withdraw $60,000.00: at most $56,416.70 is free (cash $100,416.70 less $44,000.00"
                    + " securing short puts and open orders).");
            assertThat(a.state()).isEqualTo(before);
            a.withdraw(usd("56416.70"));
            assertThat(a.account().buyingPower()).isEqualTo(Money.ZERO);
            assertThat(rejection(() -> a.withdraw(usd("0.01"))).getMessage()).startsWith("Cannot withdraw $0.01: at most $0.00 is free");
        }

        @Test
        void amountsMustBePositive() {
            PaperAccount a = account("100000");
            assertThat(rejection(() -> a.deposit(Money.ZERO)).getMessage()).isEqualTo("deposit amount must be positive, was $0.00");
            assertThat(rejection(() -> a.withdraw(usd("-5"))).getMessage()).isEqualTo("withdrawal amount must be positive, was -$5.00");
            assertThat(rejection(() -> PaperAccount.open("X", market, PaperSettings.DEFAULTS, usd("-1"))).kind()).isEqualTo(Kind.REJECTED);
            assertThatThrownBy(() -> PaperAccount.open("bad id!", market, PaperSettings.DEFAULTS, usd("1")))
                    .hasMessageContaining("is not a paper account id");
        }
    }

    @Nested
    class ActivityFeed {

        PaperAccount a;

        @BeforeEach
        void fiveActivities() {
            a = account("100000");
            a.place(sellToOpen("p-1", PUT, 1, "2.00"));
            a.deposit(usd("10"));
            a.deposit(usd("20"));
            a.withdraw(usd("5"));
        }

        @Test
        void readsInPagesAfterACursor() {
            List<BrokerActivity> all = a.activities(Optional.empty(), 100);
            assertThat(all).extracting(BrokerActivity::id)
                    .containsExactly("000000000001", "000000000002", "000000000003", "000000000004", "000000000005");
            assertThat(a.activities(Optional.empty(), 2)).isEqualTo(all.subList(0, 2));
            assertThat(a.activities(Optional.of("000000000002"), 2)).isEqualTo(all.subList(2, 4));
            assertThat(a.activities(Optional.of("000000000004"), 2)).isEqualTo(all.subList(4, 5));
            assertThat(a.activities(Optional.of("000000000005"), 2)).isEmpty();
            // ids compare as text as they do as numbers
            assertThat(all).extracting(BrokerActivity::id).isSorted();
        }

        @Test
        void badCursorsAndLimitsAreRefused() {
            assertThat(rejection(() -> a.activities(Optional.of("000000000006"), 5)).kind()).isEqualTo(Kind.NOT_FOUND);
            assertThat(rejection(() -> a.activities(Optional.of("000000000006"), 5)).getMessage())
                    .isEqualTo("Paper account PAPER-TEST never issued activity id 000000000006; its latest is 000000000005.");
            assertThat(rejection(() -> a.activities(Optional.of("abc"), 5)).getMessage())
                    .isEqualTo("'abc' is not an activity id of paper account PAPER-TEST (ids are 12 digits, e.g. 000000000042).");
            assertThat(rejection(() -> a.activities(Optional.empty(), 0)).getMessage()).isEqualTo("activity limit must be at least 1, was 0");
        }

        @Test
        void forgettingHistoryKeepsTheCursorWorking() {
            a.forgetHistory("000000000003");
            assertThat(a.activities(Optional.empty(), 10)).extracting(BrokerActivity::id).containsExactly("000000000004", "000000000005");
            assertThat(a.activities(Optional.of("000000000004"), 10)).extracting(BrokerActivity::id).containsExactly("000000000005");
            assertThat(a.order(id("p-1"))).as("final orders are forgotten").isEmpty();
            assertThat(a.deposit(usd("1")).id()).isEqualTo("000000000006");
        }
    }

    @Test
    void theAccountsClockNeverRunsBackwards() {
        PaperAccount a = account("100000");
        a.place(sellToOpen("p-1", PUT, 1, "2.00"));
        market.at("2026-01-12", "09:00");
        assertThat(a.deposit(usd("1")).at()).isEqualTo(ny("2026-01-12", "10:00"));
    }

    @Test
    void restoringAStateGivesAnAccountThatAnswersTheSame() {
        PaperAccount a = account("100000");
        a.place(sellToOpen("p-1", PUT, 2, "2.05"));
        a.place(sellToOpen("p-2", PUT, 1, "2.50"));
        PaperAccount b = PaperAccount.restore(a.state(), market);
        assertThat(b.state()).isEqualTo(a.state());
        market.at("2026-01-12", "12:00").quote(PUT, "2.50", "2.70");
        assertThat(b.openOrders()).isEqualTo(a.openOrders());
        assertThat(b.state()).isEqualTo(a.state());
        assertThat(b.state().orders()).extracting(s -> s.order().status()).containsExactly(OrderStatus.FILLED, OrderStatus.FILLED);
    }
}
