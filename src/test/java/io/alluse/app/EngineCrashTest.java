package io.alluse.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import io.alluse.domain.Instrument;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.Position;
import io.alluse.domain.run.CycleRun;
import io.alluse.domain.run.CycleStatus;
import io.alluse.store.AccountRepository;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import io.alluse.store.SettingsRepository;
import io.alluse.testsupport.KillMoments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine in a child JVM is killed (SIGKILL) at many random moments and restarted each time.
 * Afterwards: no order was sent twice, no fill is missing, and the ledger equals the paper broker.
 */
class EngineCrashTest {

    private static final Logger log = LoggerFactory.getLogger(EngineCrashTest.class);
    private static final int KILLS = 14;
    private static final Instant END = Instant.parse("2031-03-24T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsTheEngineNeverSendsTwiceAndKeepsItsBooksEqualToTheBroker() throws Exception {
        Path data = dir.resolve("data");
        Random random = new Random(20_310_303L);
        KillMoments kills = new KillMoments(random, 1_500, 9_500);
        int killed = kills.killUntil(KILLS, run -> start(data, run), () -> false);
        assertThat(killed).as("runs killed mid-way:%n%s", kills.history()).isEqualTo(KILLS);
        // then let it finish: each run advances the paper market by one week from where it was
        for (int i = 0; i < 10 && paperClock(data).isBefore(END); i++) {
            Process child = start(data, 100 + i);
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(dir.resolve("child-" + (100 + i) + ".txt"))).isZero();
        }
        assertThat(paperClock(data)).isAfterOrEqualTo(END);
        verify(data);
    }

    private Process start(Path data, int run) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + Path.of(Main.class.getResource("/logback.xml").toURI()),
                "-Dalluse.console.level=ERROR", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--headless", "--speed", "max", "--weeks", "1", "--accounts", "3", "--seed", "77", "--start", "2031-03-03",
                "--quiet", "--data-dir", data.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child-" + run + ".txt").toFile()).start();
    }

    private static Instant paperClock(Path data) {
        if (!Files.exists(data.resolve(Database.FILE_NAME))) {
            return Instant.MIN;
        }
        try (Database db = Database.open(data)) {
            return new SettingsRepository(db).get("paper.clock").map(Instant::parse).orElse(Instant.MIN);
        }
    }

    private static void verify(Path data) throws Exception {
        try (Database db = Database.open(data); Connection c = db.dataSource().getConnection()) {
            List<Account> accounts = new AccountRepository(db).findAll();
            assertThat(accounts).hasSize(3);
            LedgerStore ledgers = new LedgerStore(db);
            int fillsSeen = 0;
            for (Account a : accounts) {
                String paperId = a.broker().externalAccountId();
                var ledger = ledgers.forAccount(a.id());

                // nothing sent twice: one broker order per client order id, each one known to our ledger
                Map<String, Integer> brokerOrders = new HashMap<>();
                try (PreparedStatement s = c.prepareStatement("SELECT client_order_id FROM paper_order WHERE account_id = ?")) {
                    s.setString(1, paperId);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            brokerOrders.merge(rs.getString(1), 1, Integer::sum);
                        }
                    }
                }
                assertThat(brokerOrders.values()).as("orders per client id at the broker for %s", a.id()).allMatch(n -> n == 1);
                Map<String, OrderRecord> ours = ledger.orders().stream().collect(Collectors.toMap(o -> o.clientOrderId().value(), o -> o));
                assertThat(ours.keySet()).as("every order the broker has is one we stored first").containsAll(brokerOrders.keySet());
                for (OrderRecord o : ours.values()) {
                    if (!brokerOrders.containsKey(o.clientOrderId().value())) {
                        assertThat(o.status()).as("%s never reached the broker", o.clientOrderId()).isIn(OrderStatus.INTENT, OrderStatus.CANCELLED,
                                OrderStatus.REJECTED);
                    }
                }

                // no fill missing: every fill, assignment and expiration the broker reports is booked once
                Set<String> booked = new HashSet<>();
                for (LedgerEntry e : ledger.entries()) {
                    booked.add(e.reference());
                }
                try (PreparedStatement s = c.prepareStatement("SELECT seq, kind FROM paper_activity WHERE account_id = ? ORDER BY seq")) {
                    s.setString(1, paperId);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            String id = String.format("%012d", rs.getLong(1));
                            assertThat(booked).as("%s activity %s (%s) booked", a.id(), id, rs.getString(2)).contains(id);
                            fillsSeen += rs.getString(2).equals("FILL") ? 1 : 0;
                        }
                    }
                }

                // the books equal the brokerage account
                LedgerState books = ledger.state();
                try (PreparedStatement s = c.prepareStatement("SELECT cash_cents FROM paper_account WHERE account_id = ?")) {
                    s.setString(1, paperId);
                    try (ResultSet rs = s.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(books.totalCash().cents()).as("cash of %s", a.id()).isEqualTo(rs.getLong(1));
                    }
                }
                Map<String, Long> ourPositions = books.positions().stream()
                        .collect(Collectors.groupingBy(p -> p.instrument().code(), TreeMap::new, Collectors.summingLong(Position::quantity)));
                ourPositions.values().removeIf(q -> q == 0);
                Map<String, Long> theirs = new TreeMap<>();
                try (PreparedStatement s = c.prepareStatement("SELECT instrument, quantity FROM paper_position WHERE account_id = ?")) {
                    s.setString(1, paperId);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            theirs.put(Instrument.parse(rs.getString(1)).code(), rs.getLong(2));
                        }
                    }
                }
                assertThat(ourPositions).as("positions of %s", a.id()).isEqualTo(theirs);

                // a cycle per trading day at most, none left running
                List<CycleRun> cycles = ledger.cyclesSince(LocalDate.of(2031, 3, 3));
                assertThat(cycles).extracting(CycleRun::tradingDay).doesNotHaveDuplicates();
                assertThat(cycles).noneMatch(r -> r.status() == CycleStatus.RUNNING);
                log.info("{}: {} cycles ({}), {} orders", a.id(), cycles.size(),
                        cycles.stream().collect(Collectors.groupingBy(CycleRun::status, Collectors.counting())), ours.size());
            }
            assertThat(fillsSeen).as("the run traded").isGreaterThan(3);
        }
    }
}
