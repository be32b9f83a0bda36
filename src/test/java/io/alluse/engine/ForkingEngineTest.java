package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.paper.PaperBroker;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.Money;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.domain.fork.ForkRules;
import io.alluse.domain.fork.Lineage;
import io.alluse.domain.fork.LineageState;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.store.ForkStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forking and merging through the real engine, H2 file and paper brokerage. Growth comes from the
 * strategies' own premium (a deposit is not growth), so the thresholds here are small.
 */
class ForkingEngineTest {

    /** A market in which Gen-Acc earns premium in its first two weeks (seed 7: +$1,556 by 2031-03-10, all of it free cash). */
    static final long SEED = 7;
    private static final AccountId PARENT = new AccountId("account-1");
    private static final AccountId CHILD = new AccountId("account-1-f1");

    /** Small threshold, checked daily; everything else as the defaults. */
    private static ForkRules rules(Money threshold) {
        return ForkRules.defaults().withForkThreshold(threshold).withCadence(ForkRules.Cadence.DAILY);
    }

    /**
     * Account-1 with Gen-Acc's premium floor at 0.5% a week: at the default 1.5% the simulated market
     * rarely pays enough for Gen-Acc to trade, and growth here must come from trading.
     */
    static Account createParent(EngineFixture f) {
        io.alluse.domain.AccountDraft d = f.accounts.newAccountDraft();
        d = d.withConfig(d.config().withSleeve(SleeveKind.GEN, d.config().sleeve(SleeveKind.GEN).withPremiumFloor("0.5")));
        return f.create(d);
    }

    private static Instant until(String day) {
        return EngineFixture.ny(day + "T16:30");
    }

    @Test
    void aGrownGenAccForksItsSurplusIntoANewPaperAccountAndNothingIsCreatedOrLost(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, SEED)) {
            Forking forking = f.enableForking();
            Account parent = createParent(f);
            forking.store().setRules(PARENT, rules(Money.ofDollars(1_000)), f.clock.now());
            f.engine.load();
            f.engine.runUntil(until("2031-03-12"));

            ForkRecord fork = forking.store().records(PARENT).getFirst();
            assertThat(fork.kind()).isEqualTo(ForkRecord.Kind.FORK);
            assertThat(fork.state()).isEqualTo(ForkRecord.State.DONE);
            assertThat(fork.child()).isEqualTo(CHILD);
            Money amount = fork.amount();
            assertThat(amount).isGreaterThanOrEqualTo(Money.ofDollars(1_000));

            // the parent's Gen-Acc gave exactly the surplus, booked once under the broker's withdrawal
            List<LedgerEntry> out = f.ledgers.forAccount(PARENT).entries().stream().filter(e -> e.kind() == EntryKind.FORK_OUT).toList();
            assertThat(out).hasSize(1).first().satisfies(e -> {
                assertThat(e.sleeve()).isEqualTo(SleeveKind.GEN);
                assertThat(e.amount()).isEqualTo(amount.negate());
            });
            PaperBroker parentDesk = f.paper.open(parent.broker().externalAccountId());
            assertThat(parentDesk.activities(Optional.empty(), 10_000)).filteredOn(a -> a instanceof BrokerActivity.Withdrawal).singleElement()
                    .satisfies(w -> {
                        assertThat(((BrokerActivity.Withdrawal) w).amount()).isEqualTo(amount);
                        assertThat(w.id()).isEqualTo(out.getFirst().reference());
                    });
            // no withdrawal booked as an external flow in the parent: the move is not a cash flow of the account
            assertThat(f.ledgers.forAccount(PARENT).cashFlows()).hasSize(1);

            // the child: its own paper account opened with exactly the surplus, split 50 / 0 / 50
            Account child = f.accounts.get(CHILD);
            assertThat(child.initialCapital()).isEqualTo(amount);
            PaperBroker childDesk = f.paper.open(child.broker().externalAccountId());
            assertThat(childDesk.activities(Optional.empty(), 1).getFirst()).isInstanceOfSatisfying(BrokerActivity.Deposit.class,
                    d -> assertThat(d.amount()).isEqualTo(amount));
            Map<SleeveKind, Money> opening = f.ledgers.forAccount(CHILD).entries().stream().filter(e -> e.kind() == EntryKind.DEPOSIT)
                    .collect(java.util.stream.Collectors.toMap(LedgerEntry::sleeve, LedgerEntry::amount, Money::plus));
            assertThat(opening.getOrDefault(SleeveKind.REV, Money.ZERO)).isEqualTo(Money.ZERO);
            assertThat(opening.get(SleeveKind.GEN).plus(opening.get(SleeveKind.COM))).isEqualTo(amount);
            assertThat(Math.abs(opening.get(SleeveKind.GEN).cents() - opening.get(SleeveKind.COM).cents())).isLessThanOrEqualTo(1);

            // lineage, audit in both logs, told to the user
            Lineage lineage = forking.store().lineage(CHILD);
            assertThat(lineage.parent()).contains(PARENT);
            assertThat(lineage.state()).isEqualTo(LineageState.ACTIVE);
            assertThat(forking.store().forksOf(PARENT)).contains(CHILD);
            assertThat(f.ledgers.forAccount(PARENT).audit()).filteredOn(e -> e.kind() == AuditKind.FORK).anySatisfy(e ->
                    assertThat(e.summary()).contains("Fork 1").contains(CHILD.value()).contains(amount.toString()));
            assertThat(f.ledgers.forAccount(CHILD).audit()).filteredOn(e -> e.kind() == AuditKind.FORK).singleElement().satisfies(e ->
                    assertThat(e.summary()).contains("Forked from account-1"));
            assertThat(f.events).filteredOn(e -> e instanceof EngineEvent.Lineage).isNotEmpty();

            // the money moved between the two paper accounts: each ledger still equals its broker
            EngineSimulationTest.assertLedgerMatchesBroker(f, parent);
            EngineSimulationTest.assertLedgerMatchesBroker(f, child);

            // the fork day's snapshots carry the move as a flow out of the parent and into the child (not performance)
            LocalDate forkDay = ExchangeCalendar.dateOf(fork.startedAt());
            Money parentFlow = f.ledgers.forAccount(PARENT).snapshots().stream().filter(s -> s.day().equals(forkDay))
                    .map(EquitySnapshot::flow).reduce(Money.ZERO, Money::plus);
            assertThat(parentFlow).isEqualTo(amount.negate());
            Money childFlow = f.ledgers.forAccount(CHILD).snapshots().stream().filter(s -> s.day().equals(forkDay))
                    .map(EquitySnapshot::flow).reduce(Money.ZERO, Money::plus);
            assertThat(childFlow).isEqualTo(amount);

            // the child trades on its own worker
            assertThat(f.engine.runtime(CHILD)).isPresent();
            assertThat(f.ledgers.forAccount(CHILD).cyclesSince(forkDay)).isNotEmpty();
        }
    }

    @Test
    void theForkHappensAtTheThresholdAndNotACentBelowIt(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, SEED)) {
            Forking forking = f.enableForking();
            Account parent = createParent(f);
            forking.store().setRules(PARENT, rules(Money.ofDollars(1_000)).withEnabled(false), f.clock.now());
            f.engine.load();
            // a week of premium, then Monday evening: last week's puts have expired, Gen-Acc holds cash
            f.engine.runUntil(until("2031-03-10"));
            Marks marks = Marks.of(f.market);
            Money growth = forking.genAcc(parent, marks).growth();
            assertThat(growth).as("Gen-Acc earned premium").isGreaterThan(Money.ZERO);
            assertThat(forking.genAcc(parent, marks).freeCash()).isGreaterThanOrEqualTo(growth);
            LocalDate day = LocalDate.of(2031, 3, 10);

            forking.store().setRules(PARENT, rules(growth.plus(Money.ofCents(1))), f.clock.now());
            forking.afterCycle(f.accounts.get(PARENT), marks, day, f.clock.now());
            assertThat(forking.store().records(PARENT)).isEmpty();
            assertThat(f.accounts.find(CHILD)).isEmpty();

            forking.store().setRules(PARENT, rules(growth), f.clock.now());
            forking.afterCycle(f.accounts.get(PARENT), marks, day.plusDays(1), f.clock.now());
            assertThat(forking.store().records(PARENT)).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(growth));
            assertThat(f.accounts.get(CHILD).initialCapital()).isEqualTo(growth);
            // the parent's Gen-Acc is back to the capital it was given: no growth left
            assertThat(forking.genAcc(f.accounts.get(PARENT), marks).growth()).isEqualTo(Money.ZERO);
        }
    }

    @Test
    void twoForksInARowFoundTwoAccountsAndNeverForkTheSameSurplusTwice(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, SEED)) {
            Forking forking = f.enableForking();
            createParent(f);
            forking.store().setRules(PARENT, rules(Money.ofDollars(1_000)), f.clock.now());
            f.engine.load();
            f.engine.runUntil(until("2031-04-04"));

            List<ForkRecord> forks = forking.store().records(PARENT).stream().filter(r -> r.parent().equals(PARENT)).toList();
            assertThat(forks).hasSizeGreaterThanOrEqualTo(2);
            assertThat(forks).extracting(ForkRecord::epoch).startsWith(1, 2);
            assertThat(forks).extracting(ForkRecord::child).startsWith(CHILD, new AccountId("account-1-f2"));
            assertThat(forks).allSatisfy(r -> assertThat(r.state()).isEqualTo(ForkRecord.State.DONE));
            // every fork took its own surplus: the parent's fork entries are exactly the records
            Money forked = forks.stream().map(ForkRecord::amount).reduce(Money.ZERO, Money::plus);
            Money out = f.ledgers.forAccount(PARENT).entries().stream().filter(e -> e.kind() == EntryKind.FORK_OUT).map(LedgerEntry::amount)
                    .reduce(Money.ZERO, Money::plus);
            assertThat(out).isEqualTo(forked.negate());
            for (Account a : f.accounts.accounts()) {
                EngineSimulationTest.assertLedgerMatchesBroker(f, a);
            }
        }
    }
}
