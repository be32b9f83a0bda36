package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.BrokerActivity;
import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountId;
import io.alluse.domain.Defaults;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Stock;
import io.alluse.domain.Symbol;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.OrderSide;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The backtest's book keeps the numbers the recording book keeps, and nothing else. */
class UnrecordedLedgerBookTest {

    private static final AccountId ID = new AccountId("account-1");
    private static final AccountConfig CONFIG = Defaults.config(new ExecutionWindow(LocalTime.of(10, 0), LocalTime.of(10, 30)));
    private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
    private static final Symbol TSLA = new Symbol("TSLA");
    private static final Symbol AAPL = new Symbol("AAPL");

    @Test
    void booksTheSameCashAndPositionsAsTheRecordingBookButKeepsNoRowsOrEvents() {
        OptionContract put = new OptionContract(TSLA, LocalDate.of(2026, 3, 6), OptionRight.PUT, Money.ofDollars(400));
        OptionContract putOtm = new OptionContract(TSLA, LocalDate.of(2026, 3, 6), OptionRight.PUT, Money.ofDollars(350));
        OptionContract call = new OptionContract(AAPL, LocalDate.of(2026, 3, 20), OptionRight.CALL, Money.ofDollars(240));
        List<BrokerActivity> feed = List.of(
                new BrokerActivity.Fill("1", T, id(SleeveKind.GEN, "tsla-p"), put, OrderSide.SELL, 2, Money.ofCents(1_234), Money.ofCents(130)),
                new BrokerActivity.Fill("2", T, id(SleeveKind.REV, "tsla-p"), putOtm, OrderSide.SELL, 3, Money.ofCents(455), Money.ZERO),
                new BrokerActivity.Fill("3", T, id(SleeveKind.COM, "aapl"), new Stock(AAPL), OrderSide.BUY, 300, Money.ofCents(23_110), Money.ofCents(100)),
                new BrokerActivity.Fill("4", T, id(SleeveKind.COM, "aapl-c"), call, OrderSide.SELL, 2, Money.ofCents(377), Money.ofCents(130)),
                new BrokerActivity.Assignment("5", T.plusSeconds(86_400 * 4), put, 2),
                new BrokerActivity.Expiration("6", T.plusSeconds(86_400 * 4), putOtm, -3),
                new BrokerActivity.Fill("7", T.plusSeconds(86_400 * 5), id(SleeveKind.GEN, "tsla-s"), new Stock(TSLA), OrderSide.SELL, 100,
                        Money.ofCents(39_050), Money.ZERO),
                new BrokerActivity.Deposit("8", T.plusSeconds(86_400 * 6), Money.ofDollars(10_000)),
                new BrokerActivity.Withdrawal("9", T.plusSeconds(86_400 * 7), Money.ofDollars(2_500)));
        LedgerState opening = new LedgerState(SleeveCapitals.split(Money.ofDollars(500_000), CONFIG).byKind(), List.of());
        LedgerBook recording = new LedgerBook(ID, opening);
        LedgerBook unrecorded = LedgerBook.unrecorded(ID, opening);
        Marks marks = (instrument, fallback) -> instrument instanceof Stock ? Money.ofDollars(300) : Money.ofCents(250);
        for (BrokerActivity a : feed) {
            recording.apply(a, CONFIG, marks);
            unrecorded.apply(a, CONFIG, marks);
            assertThat(unrecorded.state()).as("after activity " + a.id()).isEqualTo(recording.state());
        }
        assertThat(unrecorded.equity(marks)).isEqualTo(recording.equity(marks));
        // the recording book has something to write, so the comparison above covered booked activity
        assertThat(recording.drain(Optional.empty(), Optional.empty(), Optional.empty()).entries()).hasSizeGreaterThan(5);
        assertThat(recording.drainEvents()).isNotEmpty();
        assertThat(unrecorded.drain(Optional.empty(), Optional.empty(), Optional.empty()))
                .satisfies(b -> {
                    assertThat(b.entries()).isEmpty();
                    assertThat(b.positions()).isEmpty();
                    assertThat(b.cashFlows()).isEmpty();
                    assertThat(b.audit()).isEmpty();
                });
        assertThat(unrecorded.drainEvents()).isEmpty();
    }

    @Test
    void aBrokerCashAdjustmentChangesCashByItsAmountOnceAsItsLedgerRowsSay() {
        // Alpaca books fees, interest and dividends as adjustments: the book's cash and its rows must agree
        LedgerState opening = new LedgerState(SleeveCapitals.split(Money.ofDollars(500_000), CONFIG).byKind(), List.of());
        for (LedgerBook book : List.of(new LedgerBook(ID, opening), LedgerBook.unrecorded(ID, opening))) {
            Marks marks = (instrument, fallback) -> Money.ofDollars(1);
            book.apply(new BrokerActivity.CashAdjustment("fee-1", T, Money.ofCents(-1_234), "regulatory fee"), CONFIG, marks);
            book.apply(new BrokerActivity.CashAdjustment("int-1", T, Money.ofDollars(100), "interest"), CONFIG, marks);
            assertThat(book.state().totalCash()).isEqualTo(Money.ofDollars(500_000).plus(Money.ofDollars(100)).minus(Money.ofCents(1_234)));
        }
        LedgerBook recording = new LedgerBook(ID, opening);
        recording.apply(new BrokerActivity.CashAdjustment("int-2", T, Money.ofDollars(100), "interest"), CONFIG, (i, f) -> Money.ofDollars(1));
        assertThat(recording.drain(Optional.empty(), Optional.empty(), Optional.empty()).entries().stream()
                .map(e -> e.amount()).reduce(Money.ZERO, Money::plus)).isEqualTo(Money.ofDollars(100));
    }

    /**
     * A book that forgets closed, expired contracts reads and books exactly as one that keeps them all:
     * the same state (positions in the same order) after every later activity, including a closed
     * contract that has not expired being sold again (it keeps its place) and a share holding that comes back.
     */
    @Test
    void forgettingClosedExpiredContractsChangesNoStateAndNoOrderOfPositions() {
        OptionContract early = new OptionContract(TSLA, LocalDate.of(2026, 3, 6), OptionRight.PUT, Money.ofDollars(400));
        OptionContract later = new OptionContract(AAPL, LocalDate.of(2026, 3, 27), OptionRight.CALL, Money.ofDollars(240));
        OptionContract open = new OptionContract(TSLA, LocalDate.of(2026, 3, 6), OptionRight.PUT, Money.ofDollars(380));
        List<BrokerActivity> before = List.of(
                new BrokerActivity.Fill("1", T, id(SleeveKind.GEN, "later"), later, OrderSide.SELL, 1, Money.ofCents(300), Money.ZERO),
                new BrokerActivity.Fill("2", T, id(SleeveKind.GEN, "early"), early, OrderSide.SELL, 2, Money.ofCents(1_234), Money.ZERO),
                new BrokerActivity.Fill("3", T, id(SleeveKind.REV, "open"), open, OrderSide.SELL, 1, Money.ofCents(800), Money.ZERO),
                new BrokerActivity.Fill("4", T, id(SleeveKind.COM, "aapl"), new Stock(AAPL), OrderSide.BUY, 100, Money.ofCents(23_110), Money.ZERO),
                new BrokerActivity.Fill("5", T.plusSeconds(3_600), id(SleeveKind.GEN, "early"), early, OrderSide.BUY, 2, Money.ofCents(900), Money.ZERO),
                new BrokerActivity.Fill("6", T.plusSeconds(3_600), id(SleeveKind.GEN, "later"), later, OrderSide.BUY, 1, Money.ofCents(250), Money.ZERO),
                new BrokerActivity.Fill("7", T.plusSeconds(3_600), id(SleeveKind.COM, "aapl"), new Stock(AAPL), OrderSide.SELL, 100, Money.ofCents(23_200),
                        Money.ZERO));
        List<BrokerActivity> after = List.of(
                new BrokerActivity.Fill("8", T.plusSeconds(86_400 * 9), id(SleeveKind.GEN, "later"), later, OrderSide.SELL, 2, Money.ofCents(410), Money.ZERO),
                new BrokerActivity.Fill("9", T.plusSeconds(86_400 * 9), id(SleeveKind.COM, "aapl"), new Stock(AAPL), OrderSide.BUY, 200, Money.ofCents(22_900),
                        Money.ZERO),
                new BrokerActivity.Fill("10", T.plusSeconds(86_400 * 9), id(SleeveKind.GEN, "new"), new OptionContract(TSLA, LocalDate.of(2026, 3, 20), OptionRight.PUT, Money.ofDollars(390)),
                        OrderSide.SELL, 1, Money.ofCents(500), Money.ZERO));
        LedgerState opening = new LedgerState(SleeveCapitals.split(Money.ofDollars(500_000), CONFIG).byKind(), List.of());
        LedgerBook keeping = LedgerBook.unrecorded(ID, opening);
        LedgerBook forgetting = LedgerBook.unrecorded(ID, opening);
        Marks marks = (instrument, fallback) -> instrument instanceof Stock ? Money.ofDollars(300) : Money.ofCents(250);
        for (BrokerActivity a : before) {
            keeping.apply(a, CONFIG, marks);
            forgetting.apply(a, CONFIG, marks);
        }
        int kept = forgetting.holdingsKept();
        forgetting.forgetExpired(LocalDate.of(2026, 3, 6)); // not before the expiry: nothing goes
        assertThat(forgetting.holdingsKept()).isEqualTo(kept);
        forgetting.forgetExpired(LocalDate.of(2026, 3, 7)); // the closed put that expired on the 6th goes; the open one and the shares stay
        assertThat(forgetting.holdingsKept()).isEqualTo(kept - 1);
        assertThat(forgetting.state()).isEqualTo(keeping.state());
        for (BrokerActivity a : after) {
            keeping.apply(a, CONFIG, marks);
            forgetting.apply(a, CONFIG, marks);
            assertThat(forgetting.state()).as("after activity " + a.id()).isEqualTo(keeping.state());
        }
        assertThat(forgetting.state().positions()).extracting(p -> p.instrument().code()).startsWith(later.code());
        long[] values = new long[3];
        long[] reference = new long[3];
        forgetting.positionsValues(marks, values);
        keeping.positionsValues(marks, reference);
        assertThat(values).isEqualTo(reference);
    }

    private static ClientOrderId id(SleeveKind sleeve, String leg) {
        return ClientOrderId.of(ID, sleeve, "2026-w10", leg);
    }
}
