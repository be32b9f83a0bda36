package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.app.Main;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.alpaca.AlpacaSimulator;
import io.alluse.domain.Account;
import io.alluse.domain.Money;
import io.alluse.domain.run.CycleRun;
import io.alluse.domain.run.CycleStatus;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.store.AccountRepository;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import io.alluse.store.SettingsRepository;
import io.alluse.testsupport.KillMoments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code io.alluse.app.EngineCrashTest} against Alpaca: the engine with two Alpaca accounts runs in a
 * child JVM that is killed (SIGKILL) at random moments and restarted; Alpaca (the simulator, with
 * the paper matching core behind Alpaca's HTTP API and market data) lives in this JVM and survives.
 * Afterwards: no client order id was posted twice, every fill, assignment and expiration is booked,
 * and each ledger equals its Alpaca account to the cent.
 */
class AlpacaEngineCrashTest {

    private static final int KILLS = 6;
    private static final int ACCOUNTS = 2;
    private static final Instant START = EngineFixture.MONDAY_0800;
    /** Three weeks: puts sold in the second expire or are assigned in the third. */
    private static final Instant END = EngineFixture.ny("2031-03-24T11:00");

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsTheEngineNeverPostsTwiceAndKeepsItsBooksEqualToAlpaca() throws Exception {
        SimulatedClock alpacaClock = new SimulatedClock(START);
        try (AlpacaSimulator alpaca = new AlpacaSimulator(SimulatedMarket.withDefaults(alpacaClock, AlpacaCrashChild.SEED), alpacaClock)) {
            for (int n = 1; n <= ACCOUNTS; n++) {
                alpaca.openAccount(AlpacaEngineFixture.keyId(n), AlpacaEngineFixture.accountNumber(n), Money.ofDollars(500_000));
            }
            Path data = dir.resolve("data");
            Random random = new Random(20_310_324L);
            KillMoments kills = new KillMoments(random, 2_000, 9_000);
            int killed = kills.killUntil(KILLS, run -> start(data, alpaca, run),
                    () -> !clock(data).isBefore(END));
            // the three weeks may be done before all six kills: a run that ends by itself completes a week
            assertThat(killed).as("runs killed mid-way:%n%s", kills.history()).isGreaterThanOrEqualTo(KILLS / 2);
            for (int i = 0; i < 6 && clock(data).isBefore(END); i++) {
                Process child = start(data, alpaca, 100 + i);
                assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
                assertThat(child.exitValue()).as(Files.readString(dir.resolve("child-" + (100 + i) + ".txt"))).isZero();
            }
            assertThat(clock(data)).isAfterOrEqualTo(END);
            verify(data, alpaca);
        }
    }

    private Process start(Path data, AlpacaSimulator alpaca, int run) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + Path.of(Main.class.getResource("/logback.xml").toURI()),
                "-Dalluse.console.level=ERROR", "-cp", System.getProperty("java.class.path"), AlpacaCrashChild.class.getName(),
                data.toString(), alpaca.base().toString(), Integer.toString(ACCOUNTS), START.toString(), END.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child-" + run + ".txt").toFile()).start();
    }

    private static Instant clock(Path data) {
        if (!Files.exists(data.resolve(Database.FILE_NAME))) {
            return Instant.MIN;
        }
        try (Database db = Database.open(data)) {
            return new SettingsRepository(db).get(AlpacaCrashChild.CLOCK).map(Instant::parse).orElse(Instant.MIN);
        }
    }

    private static void verify(Path data, AlpacaSimulator alpaca) {
        AlpacaEngineFixture.assertNothingPostedTwice(alpaca);
        try (Database db = Database.open(data)) {
            List<Account> accounts = new AccountRepository(db).findAll();
            assertThat(accounts).hasSize(ACCOUNTS);
            LedgerStore ledgers = new LedgerStore(db);
            int fills = 0;
            for (Account a : accounts) {
                int n = Integer.parseInt(a.broker().externalAccountId().substring("PA3SIM".length()));
                AlpacaEngineFixture.assertBooksMatchAlpaca(ledgers, a, alpaca, n);
                fills += (int) alpaca.account(AlpacaEngineFixture.keyId(n)).activities(Optional.empty(), Integer.MAX_VALUE).stream()
                        .filter(x -> x instanceof BrokerActivity.Fill).count();
                List<CycleRun> cycles = ledgers.forAccount(a.id()).cyclesSince(LocalDate.of(2031, 3, 3));
                assertThat(cycles).extracting(CycleRun::tradingDay).doesNotHaveDuplicates();
                assertThat(cycles).noneMatch(r -> r.status() == CycleStatus.RUNNING);
            }
            assertThat(fills).as("the run traded").isGreaterThan(3);
        }
    }
}
