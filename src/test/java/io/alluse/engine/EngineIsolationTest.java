package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.BrokerException;
import io.alluse.broker.FaultInjectingBroker;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.run.AccountHealth;
import io.alluse.domain.run.CycleRun;
import io.alluse.domain.run.CycleStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One account's broker hangs or fails; every other account still runs each cycle inside its window. */
class EngineIsolationTest {

    private static final EngineSettings FAST_FAILURES = EngineSettings.DEFAULT
            .withBrokerTimeout(Duration.ofMillis(300))
            .withStepGrace(Duration.ofSeconds(5))
            .withBackoff(new Backoff(Duration.ofMinutes(5), Duration.ofHours(2), 3));

    @Test
    void aHungBrokerAndAFailingBrokerStopOnlyTheirOwnAccounts(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 5, EngineFixture.MONDAY_0800, FAST_FAILURES)) {
            // the engine connects an account's broker the moment the account is created: wrap first
            AccountId hung = new AccountId("account-2");
            AccountId failing = new AccountId("account-4");
            f.brokerWrappers.put(hung, b -> {
                FaultInjectingBroker faulty = new FaultInjectingBroker(b);
                faulty.hang();
                return faulty;
            });
            f.brokerWrappers.put(failing, b -> {
                FaultInjectingBroker faulty = new FaultInjectingBroker(b);
                faulty.failRandomly(1.0, BrokerException.Kind.AUTHENTICATION);
                return faulty;
            });
            List<Account> accounts = f.createAccounts(5);
            assertThat(accounts).extracting(Account::id).contains(hung, failing);
            f.engine.load();
            long started = System.nanoTime();
            f.engine.runUntil(EngineFixture.MONDAY_0800.plus(Duration.ofDays(7)));
            Duration wall = Duration.ofNanos(System.nanoTime() - started);

            CycleSchedule schedule = new CycleSchedule(f.market.calendar(), Duration.ofMinutes(15));
            for (Account a : accounts) {
                List<CycleRun> cycles = f.ledgers.forAccount(a.id()).cyclesSince(LocalDate.of(2031, 3, 3));
                if (a.id().equals(hung) || a.id().equals(failing)) {
                    assertThat(cycles).noneMatch(c -> c.status() == CycleStatus.DONE);
                    continue;
                }
                assertThat(cycles).as("cycles of %s", a.id()).hasSize(5).allSatisfy(c -> {
                    assertThat(c.status()).isEqualTo(CycleStatus.DONE);
                    var w = schedule.windowOn(c.tradingDay(), a.config().window()).orElseThrow();
                    assertThat(w.contains(c.startedAt())).as("%s started %s inside %s", c.tradingDay(), c.startedAt(), w).isTrue();
                    assertThat(w.contains(c.finishedAt().orElseThrow()) || c.finishedAt().get().equals(w.end()))
                            .as("%s finished %s inside %s", c.tradingDay(), c.finishedAt(), w).isTrue();
                });
            }
            // the hung account is never waited for, so at full speed it may not have failed often enough yet:
            // keep the market going until its timeouts add up (each costs it, and only it, 300 ms)
            java.time.Instant more = EngineFixture.MONDAY_0800.plus(Duration.ofDays(7));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (f.engine.runtime(hung).orElseThrow().health() != AccountHealth.ERROR && System.nanoTime() < deadline) {
                more = more.plus(Duration.ofHours(1));
                f.engine.runUntil(more);
                Thread.sleep(100);
            }
            // the worker shows ERROR first, then records it and tells the user: give the telling its moment
            while (f.events.stream().noneMatch(e -> e instanceof EngineEvent.AccountFailing && e.account().equals(hung))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // the failing accounts are shown in error, with the broker's reason, and the user was told
            assertThat(f.engine.runtime(hung).orElseThrow().health()).isEqualTo(AccountHealth.ERROR);
            assertThat(f.engine.runtime(failing).orElseThrow().health()).isEqualTo(AccountHealth.ERROR);
            assertThat(f.engine.runtime(failing).orElseThrow().lastError()).isNotBlank();
            assertThat(f.ledgers.forAccount(failing).syncState().health()).isEqualTo(AccountHealth.ERROR);
            assertThat(f.events).anySatisfy(e -> {
                assertThat(e).isInstanceOf(EngineEvent.AccountFailing.class);
                assertThat(e.account()).isEqualTo(hung);
            });
            assertThat(f.engine.runtime(accounts.get(0).id()).orElseThrow().health()).isEqualTo(AccountHealth.OK);
            // a sanity bound, not a speed target: the hung broker cost its own timeouts, not a stalled run
            assertThat(wall).isLessThan(Duration.ofMinutes(3));
        }
    }
}
