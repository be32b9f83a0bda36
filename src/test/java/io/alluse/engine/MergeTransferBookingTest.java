package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.alluse.analytics.tax.RealizedGain;
import io.alluse.analytics.tax.RealizedGains;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.paper.PaperTransfer;
import io.alluse.domain.AccountId;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.NewEntry;
import io.alluse.domain.ledger.Position;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ledger side of a merge by transfer (docs/decisions/0026), against numbers worked by hand: each lot
 * moves with its day and basis, the cash of each sleeve follows its positions, the value moved is the
 * child's equity at market, and a later close in the parent realizes the gain from the child's basis and
 * holding period (IRS Publication 550: a transfer between one's own accounts is no sale).
 */
class MergeTransferBookingTest {

    static final AccountId CHILD = new AccountId("account-1-f1");
    static final AccountId PARENT = new AccountId("account-1");
    static final String PUT = "AAPL  310321P00100000";
    static final ZoneId NY = ZoneId.of("America/New_York");

    final List<LedgerEntry> child = new ArrayList<>();
    final List<LedgerEntry> parent = new ArrayList<>();

    static Money m(String dollars) {
        return Money.of(new java.math.BigDecimal(dollars));
    }

    static Instant at(String day) {
        return LocalDate.parse(day).atTime(14, 0).atZone(NY).toInstant();
    }

    static void e(List<LedgerEntry> book, String day, SleeveKind sleeve, EntryKind kind, String instrument, long quantity, String price, String amount,
                  String ref) {
        book.add(new LedgerEntry(book.size() + 1, at(day), sleeve, kind, instrument, quantity, m(price), m(amount), ref, ""));
    }

    static void add(List<LedgerEntry> book, List<NewEntry> rows) {
        for (NewEntry n : rows) {
            book.add(new LedgerEntry(book.size() + 1, n.at(), n.sleeve(), n.kind(), n.instrument(), n.quantity(), n.price(), n.amount(), n.reference(),
                    n.memo(), n.lot()));
        }
    }

    /**
     * The child: Com-Acc bought 60 AAPL on 2030-01-10 at $100 ($1 commission) and 40 on 2031-01-05 at $110; Gen-Acc sold 2
     * puts on 2031-02-20 at $3.00 ($1.30 commission). The parent: an opening deposit only.
     */
    MergeTransferBooking transferOn(String day) {
        e(child, "2030-01-02", SleeveKind.GEN, EntryKind.DEPOSIT, "", 0, "0", "30000.00", "d1");
        e(child, "2030-01-02", SleeveKind.COM, EntryKind.DEPOSIT, "", 0, "0", "30000.00", "d1");
        e(child, "2030-01-10", SleeveKind.COM, EntryKind.BUY_STOCK, "AAPL", 60, "100.00", "-6000.00", "f1");
        e(child, "2030-01-10", SleeveKind.COM, EntryKind.COMMISSION, "AAPL", 0, "0", "-1.00", "f1");
        e(child, "2031-01-05", SleeveKind.COM, EntryKind.BUY_STOCK, "AAPL", 40, "110.00", "-4400.00", "f2");
        e(child, "2031-02-20", SleeveKind.GEN, EntryKind.SELL_TO_OPEN, PUT, -2, "3.00", "600.00", "f3");
        e(child, "2031-02-20", SleeveKind.GEN, EntryKind.COMMISSION, PUT, 0, "0", "-1.30", "f3");
        e(parent, "2030-01-02", SleeveKind.COM, EntryKind.DEPOSIT, "", 0, "0", "100000.00", "p1");
        // the books as LedgerBook keeps them (the wheel's basis: cash paid for shares, premium received for options)
        LedgerState books = new LedgerState(Map.of(SleeveKind.GEN, m("30598.70"), SleeveKind.COM, m("19599.00")), List.of(
                new Position(SleeveKind.COM, Instrument.parse("AAPL"), 100, m("10401.00"), at("2030-01-10")),
                new Position(SleeveKind.GEN, Instrument.parse(PUT), -2, m("-598.70"), at("2031-02-20"))));
        // the brokerage's report: both positions and the cash journal, in both feeds
        Instant moment = at(day);
        List<BrokerActivity> out = List.of(
                new BrokerActivity.PositionTransfer("000000000011", moment, "t", "P", Instrument.parse("AAPL"), -100, m("10401.00")),
                new BrokerActivity.PositionTransfer("000000000012", moment, "t", "P", Instrument.parse(PUT), 2, m("-598.70")),
                new BrokerActivity.CashJournal("000000000013", moment, "t", "P", m("-50197.70")));
        List<BrokerActivity> in = List.of(
                new BrokerActivity.PositionTransfer("000000000031", moment, "t", "C", Instrument.parse("AAPL"), 100, m("10401.00")),
                new BrokerActivity.PositionTransfer("000000000032", moment, "t", "C", Instrument.parse(PUT), -2, m("-598.70")),
                new BrokerActivity.CashJournal("000000000033", moment, "t", "C", m("50197.70")));
        // marks: AAPL $120.00 a share, the put $1.00 a share ($100.00 a contract)
        Marks marks = (instrument, fallback) -> instrument.code().equals("AAPL") ? m("120.00") : m("100.00");
        return MergeTransferBooking.of(CHILD, PARENT, books, child, marks, new PaperTransfer("t", "C", "P", out, in, false), moment);
    }

    @Test
    void eachSleeveMovesWithItsCashAtMarketValueAndNothingIsRealized() {
        MergeTransferBooking b = transferOn("2031-03-14");
        // cash 30,598.70 + 19,599.00, shares 100 x 120 = 12,000, puts -2 x 100 = -200
        assertThat(b.total()).isEqualTo(m("61997.70"));
        assertThat(b.total()).isEqualTo(LedgerBook.unrecorded(CHILD, new LedgerState(Map.of(SleeveKind.GEN, m("30598.70"), SleeveKind.COM,
                m("19599.00")), b.moved())).equity((i, f) -> i.code().equals("AAPL") ? m("120.00") : m("100.00")).total());
        assertThat(b.child()).filteredOn(n -> n.kind() == EntryKind.MERGE_OUT).extracting(NewEntry::sleeve, NewEntry::amount, NewEntry::reference)
                .containsExactlyInAnyOrder(tuple(SleeveKind.GEN, m("-30398.70"), "000000000013"), tuple(SleeveKind.COM, m("-31599.00"),
                        "000000000013"));
        assertThat(b.parent()).filteredOn(n -> n.kind() == EntryKind.MERGE_IN).extracting(NewEntry::sleeve, NewEntry::amount, NewEntry::reference)
                .containsExactlyInAnyOrder(tuple(SleeveKind.GEN, m("30398.70"), "000000000033"), tuple(SleeveKind.COM, m("31599.00"),
                        "000000000033"));
        // each ledger's cash: the child's ends at zero, the parent gains exactly the cash the brokerage journaled, sleeve by sleeve
        add(child, b.child());
        add(parent, b.parent());
        assertThat(sum(child, SleeveKind.GEN).plus(sum(child, SleeveKind.COM))).isEqualTo(Money.ZERO);
        assertThat(sum(parent, SleeveKind.GEN)).isEqualTo(m("30598.70"));
        assertThat(sum(parent, SleeveKind.COM)).isEqualTo(m("100000.00").plus(m("19599.00")));
        // the lots arrive as they were, two of shares and one of puts, each under its own brokerage activity
        assertThat(b.parent()).filteredOn(n -> n.kind() == EntryKind.POSITION_TRANSFER_IN)
                .extracting(NewEntry::sleeve, NewEntry::instrument, NewEntry::quantity, n -> n.lot().orElseThrow().opened(), n -> n.lot().orElseThrow().basis(),
                        NewEntry::reference)
                .containsExactly(tuple(SleeveKind.GEN, PUT, -2L, LocalDate.parse("2031-02-20"), m("598.70"), "000000000032"),
                        tuple(SleeveKind.COM, "AAPL", 60L, LocalDate.parse("2030-01-10"), m("6001.00"), "000000000031"),
                        tuple(SleeveKind.COM, "AAPL", 40L, LocalDate.parse("2031-01-05"), m("4400.00"), "000000000031"));
        // no gain at the transfer, and nothing left open in the child
        assertThat(RealizedGains.of(CHILD, child).gains()).isEmpty();
        assertThat(RealizedGains.of(CHILD, child).open()).isEmpty();
        assertThat(RealizedGains.of(PARENT, parent).gains()).isEmpty();
    }

    @Test
    void aLaterCloseInTheParentGainsFromTheChildsBasisAndHoldingPeriod() {
        add(parent, transferOn("2031-03-14").parent());
        // the parent buys the puts back for $0.50 ($1.30 commission) and sells the 100 shares at $130 ($1 commission)
        e(parent, "2031-03-18", SleeveKind.GEN, EntryKind.BUY_TO_CLOSE, PUT, 2, "0.50", "-100.00", "g1");
        e(parent, "2031-03-18", SleeveKind.GEN, EntryKind.COMMISSION, PUT, 0, "0", "-1.30", "g1");
        e(parent, "2031-06-02", SleeveKind.COM, EntryKind.SELL_STOCK, "AAPL", -100, "130.00", "13000.00", "g2");
        e(parent, "2031-06-02", SleeveKind.COM, EntryKind.COMMISSION, "AAPL", 0, "0", "-1.00", "g2");

        RealizedGains.Result r = RealizedGains.of(PARENT, parent);
        // by hand: puts 600.00 - 1.30 received, 100.00 + 1.30 paid; shares 12,999.00 proceeds shared 60:40 = 7,799.40 and 5,199.60
        assertThat(r.gains()).extracting(RealizedGain::instrument, RealizedGain::quantity, RealizedGain::opened, RealizedGain::proceeds,
                        RealizedGain::costBasis, RealizedGain::term)
                .containsExactly(
                        tuple(PUT, 2L, LocalDate.parse("2031-02-20"), m("598.70"), m("101.30"), RealizedGain.Term.SHORT),
                        tuple("AAPL", 60L, LocalDate.parse("2030-01-10"), m("7799.40"), m("6001.00"), RealizedGain.Term.LONG),
                        tuple("AAPL", 40L, LocalDate.parse("2031-01-05"), m("5199.60"), m("4400.00"), RealizedGain.Term.SHORT));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.open()).isEmpty();
    }

    static Money sum(List<LedgerEntry> book, SleeveKind sleeve) {
        return book.stream().filter(e -> e.sleeve() == sleeve).map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus);
    }
}
