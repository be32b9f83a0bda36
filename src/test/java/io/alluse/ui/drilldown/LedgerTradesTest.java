package io.alluse.ui.drilldown;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.analytics.trades.ClosedOptionTrade;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerTradesTest {

    static final String PUT = "AAPL  310307P00230000";
    static final String CALL = "AMZN  310314C00240000";
    static final String OPEN = "MSFT  310321P00400000";

    private static LedgerEntry e(int day, EntryKind kind, String instrument, long qty, long cents) {
        return new LedgerEntry(day, Instant.parse("2031-03-01T15:00:00Z").plusSeconds(86_400L * day), SleeveKind.REV, kind, instrument, qty,
                Money.ZERO, Money.ofCents(cents), "ref" + day, "");
    }

    @Test
    void expiredBoughtBackAssignedAndStillOpen() {
        List<LedgerEntry> entries = List.of(
                e(1, EntryKind.SELL_TO_OPEN, PUT, -2, 60_000), e(1, EntryKind.COMMISSION, PUT, 0, -130),
                e(2, EntryKind.SELL_TO_OPEN, CALL, -1, 25_000),
                e(3, EntryKind.SELL_TO_OPEN, OPEN, -1, 40_000),
                e(4, EntryKind.BUY_TO_CLOSE, CALL, 1, -5_000), e(4, EntryKind.COMMISSION, CALL, 0, -65),
                // the put is assigned: the ledger books the shares, not the option
                e(6, EntryKind.ASSIGNMENT, "AAPL", 200, -4_600_000));
        List<ClosedOptionTrade> closed = LedgerTrades.closed(entries, Set.of(OPEN), ZoneOffset.UTC);

        assertThat(closed).hasSize(2);
        ClosedOptionTrade call = closed.stream().filter(t -> t.underlying().value().equals("AMZN")).findFirst().orElseThrow();
        assertThat(call.outcome()).isEqualTo(ClosedOptionTrade.Outcome.BOUGHT_BACK);
        assertThat(call.realizedPnl()).isEqualTo(Money.ofCents(25_000 - 5_000 - 65));
        ClosedOptionTrade put = closed.stream().filter(t -> t.underlying().value().equals("AAPL")).findFirst().orElseThrow();
        assertThat(put.outcome()).isEqualTo(ClosedOptionTrade.Outcome.ASSIGNED);
        assertThat(put.closedOn()).isEqualTo(LocalDate.of(2031, 3, 7));
        assertThat(put.realizedPnl()).isEqualTo(Money.ofCents(60_000 - 130));
    }

    @Test
    void anExpiryKeepsTheWholePremium() {
        List<ClosedOptionTrade> closed = LedgerTrades.closed(List.of(
                e(1, EntryKind.SELL_TO_OPEN, PUT, -3, 90_000),
                e(6, EntryKind.EXPIRATION, PUT, 3, 0)), Set.of(), ZoneOffset.UTC);
        assertThat(closed).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(ClosedOptionTrade.Outcome.EXPIRED);
            assertThat(t.realizedPnl()).isEqualTo(Money.ofCents(90_000));
        });
    }
}
