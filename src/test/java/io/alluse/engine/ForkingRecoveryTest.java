package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.BrokerActivity;
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
import io.alluse.domain.ledger.LedgerEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fork interrupted at every step and resumed after a restart; a fork at a real broker; a merge. */
class ForkingRecoveryTest {

    private static final AccountId PARENT = new AccountId("account-1");
    private static final AccountId CHILD = new AccountId("account-1-f1");
    /** With seed 7 the first fork comes in account-1's cycle of Friday 2031-03-07 at 09:45. */
    private static final ForkRules RULES = ForkRules.defaults().withForkThreshold(Money.ofDollars(1_000)).withCadence(ForkRules.Cadence.DAILY);

    @ParameterizedTest
    @EnumSource(value = Forking.Step.class, names = {"AFTER_RECORD", "AFTER_WITHDRAWAL", "AFTER_CHILD_BROKERAGE"})
    void aForkInterruptedAtAnyStepHappensExactlyOnceAfterARestart(Forking.Step step, @TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            Forking forking = f.enableForking();
            forking.failAfter = step;
            ForkingEngineTest.createParent(f);
            forking.store().setRules(PARENT, RULES, f.clock.now());
            f.engine.load();
            // stop right after the failed fork, before any later sync could resume it: then the process ends
            f.engine.runUntil(EngineFixture.ny("2031-03-07T09:50"));
            assertThat(forking.store().records(PARENT)).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(ForkRecord.State.STARTED));
            assertThat(f.accounts.find(CHILD)).isEmpty();
        }
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED, EngineFixture.ny("2031-03-07T09:51"), EngineSettings.DEFAULT)) {
            Forking forking = f.enableForking();
            f.engine.load();
            f.engine.runUntil(EngineFixture.ny("2031-03-07T16:30"));

            ForkRecord fork = forking.store().records(PARENT).stream().filter(r -> r.parent().equals(PARENT)).toList().getFirst();
            assertThat(forking.store().records(PARENT).stream().filter(r -> r.parent().equals(PARENT))).hasSize(1);
            assertThat(fork.state()).isEqualTo(ForkRecord.State.DONE);
            Account parent = f.accounts.get(PARENT);
            Account child = f.accounts.get(CHILD);
            // one withdrawal at the broker, booked once as the fork and never as an external flow
            assertThat(f.paper.open(parent.broker().externalAccountId()).activities(Optional.empty(), 10_000))
                    .filteredOn(a -> a instanceof BrokerActivity.Withdrawal).singleElement()
                    .satisfies(w -> assertThat(((BrokerActivity.Withdrawal) w).amount()).isEqualTo(fork.amount()));
            assertThat(f.ledgers.forAccount(PARENT).entries()).filteredOn(e -> e.kind() == EntryKind.FORK_OUT).singleElement()
                    .satisfies(e -> assertThat(e.amount()).isEqualTo(fork.amount().negate()));
            assertThat(f.ledgers.forAccount(PARENT).cashFlows()).hasSize(1);
            assertThat(child.initialCapital()).isEqualTo(fork.amount());
            assertThat(f.ledgers.forAccount(CHILD).cashFlows()).singleElement().satisfies(c -> assertThat(c.flow().amount()).isEqualTo(fork.amount()));
            EngineSimulationTest.assertLedgerMatchesBroker(f, parent);
            EngineSimulationTest.assertLedgerMatchesBroker(f, child);
        }
    }

    @Test
    void aForkAtARealBrokerWaitsForItsBrokerageAndKeepsTheSurplusReservedInTheParent(@TempDir Path dir) throws Exception {
        Money reserved;
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            f.realBroker.add(PARENT);
            Forking forking = f.enableForking();
            Account parent = ForkingEngineTest.createParent(f);
            forking.store().setRules(PARENT, RULES, f.clock.now());
            f.engine.load();
            f.engine.runUntil(EngineFixture.ny("2031-03-12T16:30"));

            ForkRecord fork = forking.store().records(PARENT).stream().filter(r -> r.parent().equals(PARENT)).toList().getFirst();
            assertThat(forking.store().records(PARENT)).as("the reserved surplus is not forked again").hasSize(1);
            assertThat(fork.state()).isEqualTo(ForkRecord.State.WAITING);
            reserved = fork.amount();
            assertThat(forking.store().reserved(PARENT)).isEqualTo(reserved);

            Account child = f.accounts.get(CHILD);
            assertThat(child.status()).isEqualTo(AccountStatus.PAUSED);
            Lineage lineage = forking.store().lineage(CHILD);
            assertThat(lineage.state()).isEqualTo(LineageState.WAITING_FOR_BROKERAGE);
            assertThat(lineage.parent()).contains(PARENT);
            assertThat(lineage.instructions()).contains("Open a brokerage account").contains("transfer " + reserved).contains("link it");
            // nothing moved: no money at the child, no fork entry or withdrawal in the parent
            assertThat(f.ledgers.forAccount(CHILD).entries()).isEmpty();
            assertThat(f.ledgers.forAccount(PARENT).entries()).noneMatch(e -> e.kind() == EntryKind.FORK_OUT);
            assertThat(f.paper.open(parent.broker().externalAccountId()).activities(Optional.empty(), 10_000))
                    .noneMatch(a -> a instanceof BrokerActivity.Withdrawal);
            assertThat(f.engine.runtime(CHILD)).isEmpty();
            assertThat(f.ledgers.forAccount(PARENT).audit()).filteredOn(e -> e.kind() == AuditKind.FORK)
                    .anySatisfy(e -> assertThat(e.summary()).contains("waits for its brokerage account").contains(reserved + " stays reserved"));
            // Gen-Acc's growth no longer counts the reserved surplus
            assertThat(forking.genAcc(f.accounts.get(PARENT), Marks.of(f.market)).growth()).isLessThan(RULES.forkThreshold());
            EngineSimulationTest.assertLedgerMatchesBroker(f, parent);
        }
        // a restart does not try to connect the waiting account to a brokerage that does not exist yet
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED, EngineFixture.ny("2031-03-12T16:31"), EngineSettings.DEFAULT)) {
            f.realBroker.add(PARENT);
            Forking forking = f.enableForking();
            f.engine.load();
            f.engine.runUntil(EngineFixture.ny("2031-03-13T16:30"));
            assertThat(f.engine.runtime(CHILD)).isEmpty();
            assertThat(f.engine.runtime(PARENT)).isPresent();
            assertThat(forking.store().reserved(PARENT)).isEqualTo(reserved);
        }
    }

    @Test
    void aForkedAccountMergesIntoItsParentsComAccAtTheMergeAmountAndCloses(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            Forking forking = f.enableForking();
            ForkingEngineTest.createParent(f);
            // children all Gen-Acc: it opens nothing before Thursday, so the child is all cash early in the week
            forking.store().setRules(PARENT, new ForkRules(true, Money.ofDollars(1_000), Map.of(SleeveKind.GEN, Percent.HUNDRED, SleeveKind.REV,
                    Percent.ZERO, SleeveKind.COM, Percent.ZERO), ForkRules.DEFAULT_MERGE_AT, ForkRules.Cadence.DAILY, ForkRules.MergeMode.CLOSE_AT_MARKET),
                    f.clock.now());
            f.engine.load();
            f.engine.runUntil(EngineFixture.ny("2031-03-07T16:30"));
            Money amount = f.accounts.get(CHILD).initialCapital();

            // one cent short of the merge amount: no merge
            forking.store().setRules(CHILD, forking.store().rules(CHILD).withMergeAt(amount.plus(Money.ofCents(1))), f.clock.now());
            f.engine.runUntil(EngineFixture.ny("2031-03-10T16:30"));
            assertThat(f.accounts.get(CHILD).status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(forking.store().lineage(CHILD).state()).isEqualTo(LineageState.ACTIVE);

            // at the merge amount: merged into the parent's Com-Acc and closed
            forking.store().setRules(CHILD, forking.store().rules(CHILD).withMergeAt(amount), f.clock.now());
            Money parentComBefore = f.ledgers.forAccount(PARENT).state().cash(SleeveKind.COM);
            f.engine.runUntil(EngineFixture.ny("2031-03-11T16:30"));

            assertThat(f.accounts.get(CHILD).status()).isEqualTo(AccountStatus.CLOSED);
            Lineage lineage = forking.store().lineage(CHILD);
            assertThat(lineage.state()).isEqualTo(LineageState.MERGED);
            assertThat(lineage.mergedInto()).contains(PARENT);
            List<LedgerEntry> in = f.ledgers.forAccount(PARENT).entries().stream().filter(e -> e.kind() == EntryKind.MERGE_IN).toList();
            assertThat(in).singleElement().satisfies(e -> {
                assertThat(e.sleeve()).isEqualTo(SleeveKind.COM);
                assertThat(e.amount()).isEqualTo(amount);
            });
            assertThat(f.ledgers.forAccount(CHILD).entries().stream().filter(e -> e.kind() == EntryKind.MERGE_OUT).map(LedgerEntry::amount)
                    .reduce(Money.ZERO, Money::plus)).isEqualTo(amount.negate());
            assertThat(f.ledgers.forAccount(CHILD).state().totalCash()).isEqualTo(Money.ZERO);
            assertThat(f.ledgers.forAccount(PARENT).audit()).anyMatch(e -> e.kind() == AuditKind.MERGE);
            assertThat(f.ledgers.forAccount(CHILD).audit()).anyMatch(e -> e.kind() == AuditKind.MERGE);
            assertThat(f.engine.runtime(CHILD)).isEmpty();
            // the parent's own deposits: still only its opening one (the merge is not an external flow)
            assertThat(f.ledgers.forAccount(PARENT).cashFlows()).hasSize(1);
            for (AccountId id : List.of(PARENT, CHILD)) {
                EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(id));
            }
            assertThat(parentComBefore).isNotNull();
        }
    }
}
