package io.alluse.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.CashFlow;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.FundChange;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.NewAccount;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.Symbol;
import io.alluse.domain.Stock;
import io.alluse.domain.ledger.AuditEvent;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.AuditLine;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerBatch;
import io.alluse.domain.ledger.NewEntry;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.PositionChange;
import io.alluse.domain.ledger.PositionEffect;
import io.alluse.domain.run.CycleStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's hot path (docs/decisions/0027): the books kept in memory must always equal the rows,
 * and rows written with plain JDBC must read back as Hibernate's did, in one id order with them.
 */
class LedgerHotPathTest {

    private static final Instant T0 = Instant.parse("2031-03-03T15:00:00Z");
    private static final List<Instrument> INSTRUMENTS = List.of(new Stock(new Symbol("AAPL")), new Stock(new Symbol("MSFT")),
            new Stock(new Symbol("AMZN")), new Stock(new Symbol("TSLA")));

    @TempDir
    Path dir;
    Database db;
    AccountRepository accounts;
    Account account;
    AccountLedger ledger;

    @BeforeEach
    void anAccount() {
        db = Database.open(dir);
        accounts = new AccountRepository(db);
        NewAccount spec = StoreFixtures.newAccount("acct-a", "A", "500000", ExecutionWindow.of("09:45", "10:15"));
        account = accounts.create(spec, BrokerConnection.paperFor(spec.id()), T0, "opening-" + spec.id());
        ledger = new LedgerStore(db).forAccount(account.id());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theBooksInMemoryAlwaysEqualTheRowsWhoeverWrote() {
        Random random = new Random(7);
        Instant at = T0;
        int derived = 0;
        for (int step = 0; step < 300; step++) {
            at = at.plus(Duration.ofMinutes(1));
            // now and then a time finer than the column keeps (the rows round it), a cash flow, or a write by another path
            Instant when = random.nextInt(10) == 0 ? at.plusNanos(1 + random.nextInt(999)) : at;
            List<NewEntry> entries = new ArrayList<>();
            List<PositionChange> positions = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                SleeveKind sleeve = SleeveKind.values()[random.nextInt(3)];
                Instrument instrument = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
                long held = ledger.readState().positions().stream().filter(p -> p.sleeve() == sleeve && p.instrument().equals(instrument))
                        .mapToLong(io.alluse.domain.ledger.Position::quantity).sum();
                // often close exactly what is held, so positions go flat and re-open
                long delta = held != 0 && random.nextBoolean() ? -held : (random.nextInt(7) - 3) * 100L;
                if (delta == 0) {
                    continue;
                }
                Money cost = Money.ofCents(-delta * (10_000 + random.nextInt(5_000)));
                entries.add(new NewEntry(when, sleeve, EntryKind.values()[2], instrument.code(), delta, Money.ofCents(12_345), cost, "r" + step, "memo"));
                positions.add(new PositionChange(sleeve, instrument, delta, cost.negate(), when));
            }
            List<FundChange> flows = random.nextInt(15) == 0
                    ? List.of(FundChange.book(accounts.find(account.id()).orElseThrow().capital(), CashFlow.deposit(Money.ofDollars(100), when, "dep-" + step),
                    account.config()))
                    : List.of();
            boolean hadBooks = db.ledgerCache().slot(account.id().value()).seen().state() != null;
            ledger.apply(new LedgerBatch(entries, positions, flows, List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
            if (hadBooks && db.ledgerCache().slot(account.id().value()).seen().state() != null && !(entries.isEmpty() && flows.isEmpty())) {
                derived++;
            }
            if (random.nextInt(20) == 0) {
                // money booked by another path (the account repository, as a fork or the wizard does)
                accounts.bookCashFlow(account.id(), FundChange.book(accounts.find(account.id()).orElseThrow().capital(),
                        CashFlow.deposit(Money.ofDollars(50), at, "other-" + step), account.config()), at);
            }
            assertThat(ledger.state()).as("step %d", step).isEqualTo(ledger.readState());
            // the rows read with plain JDBC (0035) as Hibernate reads them
            assertThat(ledger.readState()).as("step %d", step).isEqualTo(ledger.readStateThroughHibernate());
            if (random.nextInt(3) == 0) {
                // a second ledger object of the same account sees the same books
                assertThat(new LedgerStore(db).forAccount(account.id()).state()).isEqualTo(ledger.readState());
            }
        }
        assertThat(derived).as("batches whose books were derived in memory rather than re-read").isGreaterThan(100);
    }

    @Test
    void rowsWrittenWithPlainJdbcReadBackAsHibernatesAndKeepOneOrder() {
        LocalDate day = LocalDate.of(2031, 3, 3);
        assertThat(ledger.recordCycle(day, CycleStatus.RUNNING, "", T0)).isTrue();
        assertThat(ledger.recordCycle(day, CycleStatus.RUNNING, "", T0)).as("a cycle never runs twice").isFalse();
        ClientOrderId id = ClientOrderId.of(account.id(), SleeveKind.COM, "2031-W10", "aapl-stk");
        var intent = ledger.storeIntent(List.of(new AuditLine(T0, AuditKind.DECISION, "buy it", "why")), id, SleeveKind.COM, "2031-W10",
                INSTRUMENTS.getFirst(), OrderSide.BUY, PositionEffect.OPEN, 300, Money.ofCents(22_860), T0);
        assertThat(ledger.order(id)).contains(intent);
        assertThat(ledger.storeIntent(id, SleeveKind.COM, "2031-W10", INSTRUMENTS.getFirst(), OrderSide.BUY, PositionEffect.OPEN, 300,
                Money.ofCents(22_860), T0.plusSeconds(5))).as("the same decision again finds the stored intent").isEqualTo(intent);
        // a Hibernate write in between: ids must keep the order in which lines were written
        accounts.setStatus(account.id(), io.alluse.domain.AccountStatus.PAUSED, T0, "test");
        var updated = ledger.updateOrder(id, OrderStatus.SUBMITTED, "PO0000000001", 0, Money.ZERO, "", T0.plusSeconds(1));
        assertThat(updated).isEqualTo(ledger.order(id).orElseThrow());
        assertThat(ledger.openOrders()).containsExactly(updated);
        assertThat(ledger.cycleOrders(T0)).containsExactly(updated);
        ledger.audit(T0.plusSeconds(2), AuditKind.ORDER, "placed", "");
        ledger.finishCycle(day, CycleStatus.DONE, "1 order placed", T0.plusSeconds(3));
        assertThat(ledger.cycle(day).orElseThrow().status()).isEqualTo(CycleStatus.DONE);
        assertThat(ledger.cycle(day).orElseThrow().finishedAt()).contains(T0.plusSeconds(3));
        List<AuditEvent> log = ledger.audit();
        assertThat(log).extracting(AuditEvent::summary).endsWith("Cycle 2031-03-03 running", "buy it",
                "Order intent BUY 300 AAPL limit $228.60 stored", "Status ACTIVE -> PAUSED: test", "placed", "Cycle 2031-03-03 done: 1 order placed");
        assertThat(log).extracting(AuditEvent::id).isSorted().doesNotHaveDuplicates();
    }

    /**
     * docs/decisions/0035: a batch and an end of day written with plain JDBC leave the same rows, values, versions and
     * id order as Hibernate's write of them, including a position changed twice in one batch, an order update that
     * changes nothing, times finer than the columns and a cursor that stays.
     */
    @Test
    void batchesAndEndsOfDayWrittenWithPlainJdbcLeaveTheRowsHibernateLeaves() throws Exception {
        NewAccount specB = StoreFixtures.newAccount("acct-b", "B", "500000", ExecutionWindow.of("09:45", "10:15"));
        Account b = accounts.create(specB, BrokerConnection.paperFor(specB.id()), T0, "opening-" + specB.id());
        AccountLedger jdbc = ledger;
        AccountLedger hibernate = new LedgerStore(db).forAccount(b.id());
        List<String> orders = List.of("o1", "o2", "o3");
        for (AccountLedger l : List.of(jdbc, hibernate)) {
            for (String o : orders) {
                l.storeIntent(ClientOrderId.of(l.account(), SleeveKind.REV, "2031-W10", o), SleeveKind.REV, "2031-W10", INSTRUMENTS.get(1),
                        OrderSide.SELL, PositionEffect.OPEN, 1, Money.ofCents(150), T0);
            }
        }
        Random random = new Random(11);
        Instant at = T0;
        for (int step = 0; step < 150; step++) {
            at = at.plus(Duration.ofMinutes(random.nextInt(3)));
            Instant when = random.nextInt(6) == 0 ? at.plusNanos(1 + random.nextInt(999)) : at;
            List<NewEntry> entries = new ArrayList<>();
            List<PositionChange> positions = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                SleeveKind sleeve = SleeveKind.values()[random.nextInt(3)];
                Instrument instrument = INSTRUMENTS.get(random.nextInt(2));
                long delta = (random.nextInt(5) - 2) * 100L;
                Money cost = Money.ofCents(-delta * (10_000 + random.nextInt(5_000)));
                entries.add(new NewEntry(when, sleeve, EntryKind.values()[random.nextInt(4)], instrument.code(), delta, Money.ofCents(12_345), cost,
                        "r" + step, random.nextInt(20) == 0 ? "m".repeat(600) : "memo " + step));
                positions.add(new PositionChange(sleeve, instrument, delta, cost.negate(), when));
            }
            List<io.alluse.domain.ledger.OrderUpdate> updates = new ArrayList<>();
            if (random.nextInt(4) == 0) {
                String o = orders.get(random.nextInt(orders.size()));
                OrderStatus status = random.nextBoolean() ? OrderStatus.SUBMITTED : OrderStatus.FILLED;
                updates.add(new io.alluse.domain.ledger.OrderUpdate(new ClientOrderId(o), status, "PO" + o, status == OrderStatus.FILLED ? 1 : 0,
                        Money.ofCents(150), random.nextBoolean() ? "" : "why", random.nextBoolean() ? when : T0));
            }
            List<AuditLine> audit = random.nextInt(3) == 0 ? List.of(new AuditLine(when, AuditKind.FILL, "line " + step, "detail")) : List.of();
            Optional<io.alluse.domain.SleeveCapitals> capital = random.nextBoolean() ? Optional.of(capitals(random)) : Optional.empty();
            Optional<String> cursor = random.nextInt(3) == 0 ? Optional.empty() : Optional.of("PA" + random.nextInt(3));
            Optional<Money> cash = random.nextBoolean() ? Optional.empty() : Optional.of(Money.ofCents(random.nextInt(3)));
            for (AccountLedger l : List.of(jdbc, hibernate)) {
                List<io.alluse.domain.ledger.OrderUpdate> own = updates.stream().map(u -> new io.alluse.domain.ledger.OrderUpdate(
                        ClientOrderId.of(l.account(), SleeveKind.REV, "2031-W10", u.clientOrderId().value()), u.status(), u.brokerOrderId(),
                        u.filledQuantity(), u.averageFillPrice(), u.message(), u.at())).toList();
                LedgerBatch batch = new LedgerBatch(entries, positions, List.of(), own, audit, capital, cursor, cash);
                if (l == jdbc) {
                    l.apply(batch);
                } else {
                    l.writeThroughHibernate(batch);
                }
            }
            if (random.nextInt(10) == 0) {
                LocalDate day = LocalDate.of(2031, 3, 3).plusDays(random.nextInt(4));
                io.alluse.domain.SleeveCapitals dayCapital = capitals(random);
                List<SleeveKind> kept = java.util.Arrays.stream(SleeveKind.values()).filter(k -> random.nextInt(4) > 0).toList();
                for (AccountLedger l : List.of(jdbc, hibernate)) {
                    List<io.alluse.domain.ledger.EquitySnapshot> snaps = new ArrayList<>();
                    for (SleeveKind k : kept) {
                        snaps.add(new io.alluse.domain.ledger.EquitySnapshot(l.account(), k, day, Money.ofCents(step), Money.ofCents(2 * step),
                                Money.ofCents(3 * step), Money.ofCents(step % 7)));
                    }
                    if (l == jdbc) {
                        l.closeDay(snaps, dayCapital);
                    } else {
                        l.closeDayThroughHibernate(snaps, dayCapital);
                    }
                }
            }
            assertThat(rows(account.id().value())).as("step %d", step).isEqualTo(rows(b.id().value()));
        }
        assertThat(rows(account.id().value())).anyMatch(r -> r.startsWith("position") && !r.contains("version=0 "));
        assertThat(jdbc.state()).isEqualTo(jdbc.readState());
    }

    private static io.alluse.domain.SleeveCapitals capitals(Random random) {
        java.util.EnumMap<SleeveKind, Money> m = new java.util.EnumMap<>(SleeveKind.class);
        for (SleeveKind k : SleeveKind.values()) {
            m.put(k, Money.ofCents(random.nextInt(1_000_000)));
        }
        return new io.alluse.domain.SleeveCapitals(m);
    }

    /** Every row of one account, its id as its rank among the account's rows and its account id blanked. */
    private List<String> rows(String accountId) throws java.sql.SQLException {
        List<String> out = new ArrayList<>();
        try (var c = db.dataSource().getConnection()) {
            for (String table : List.of("ledger_entry", "position", "order_record", "audit_event", "equity_snapshot", "sleeve", "broker_sync")) {
                boolean ids = !table.equals("sleeve") && !table.equals("broker_sync");
                try (var st = c.prepareStatement("SELECT * FROM " + table + " WHERE account_id = ? ORDER BY " + (ids ? "id" : "2"))) {
                    st.setString(1, accountId);
                    try (var rs = st.executeQuery()) {
                        int rank = 0;
                        while (rs.next()) {
                            rank++;
                            StringBuilder line = new StringBuilder(table);
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                String column = rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                                String value = column.equals("id") ? "#" + rank : String.valueOf(rs.getString(i)).replace(accountId, "X")
                                        .replaceAll("^Account [AB] created", "Account created");
                                line.append(' ').append(column).append('=').append(value).append(' ');
                            }
                            out.add(line.toString());
                        }
                    }
                }
            }
        }
        return out;
    }
}
