package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.broker.BrokerActivity;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.DomainException;
import io.alluse.domain.Money;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.domain.fork.ForkRules;
import io.alluse.domain.fork.LineageState;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linking a fork that waited for its brokerage account (docs/decisions/0020): the user's transfer
 * out of the parent is the fork's, booked once whichever comes first (the link or the parent's sync),
 * and a link happens exactly once, also across a restart.
 */
class ForkLinkTest {

    private static final AccountId PARENT = new AccountId("account-1");
    private static final AccountId CHILD = new AccountId("account-1-f1");
    private static final ForkRules RULES = ForkRules.defaults().withForkThreshold(Money.ofDollars(1_000)).withCadence(ForkRules.Cadence.DAILY);

    /** Runs the parent (at a "real" broker: no paper desk) until its first fork waits for a brokerage account; returns the fork. */
    private static ForkRecord waitingFork(EngineFixture f) throws InterruptedException {
        f.realBroker.add(PARENT);
        Forking forking = f.enableForking();
        ForkingEngineTest.createParent(f);
        forking.store().setRules(PARENT, RULES, f.clock.now());
        f.engine.load();
        f.engine.runUntil(EngineFixture.ny("2031-03-12T16:30"));
        ForkRecord fork = forking.awaitingLink(CHILD).orElseThrow();
        assertThat(fork.state()).isEqualTo(ForkRecord.State.WAITING);
        return fork;
    }

    /** The user moves the fork's amount out of the parent's brokerage account. */
    private static String transferOut(EngineFixture f, Money amount) {
        return f.paper.open(f.accounts.get(PARENT).broker().externalAccountId()).withdraw(amount).id();
    }

    private static List<LedgerEntry> forkOuts(EngineFixture f) {
        return f.ledgers.forAccount(PARENT).entries().stream().filter(e -> e.kind() == EntryKind.FORK_OUT).toList();
    }

    private static ForkRecord record(EngineFixture f, Forking forking) {
        return forking.store().records(PARENT).stream().filter(r -> r.kind() == ForkRecord.Kind.FORK).toList().getFirst();
    }

    @Test
    void linkingAfterTheTransferOutBooksBothSidesOnceAndSurvivesARestart(@TempDir Path dir) throws Exception {
        Money amount;
        String withdrawal;
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            ForkRecord fork = waitingFork(f);
            Forking forking = f.engine.forking().orElseThrow();
            amount = fork.amount();
            withdrawal = transferOut(f, amount);

            Account linked = f.engine.linkBrokerage(CHILD, new BrokerSetup.Paper());

            assertThat(linked.status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(linked.broker().externalAccountId()).isEqualTo("PAPER-ACCOUNT-1-F1");
            assertThat(record(f, forking).state()).isEqualTo(ForkRecord.State.DONE);
            assertThat(forking.store().lineage(CHILD).state()).isEqualTo(LineageState.ACTIVE);
            assertThat(forking.store().lineage(CHILD).instructions()).isEmpty();
            assertThat(forking.store().reserved(PARENT)).isEqualTo(Money.ZERO);
            assertThat(forkOuts(f)).singleElement().satisfies(e -> {
                assertThat(e.amount()).isEqualTo(amount.negate());
                assertThat(e.reference()).isEqualTo(withdrawal);
            });
            assertThat(f.ledgers.forAccount(CHILD).cashFlows()).singleElement().satisfies(c -> assertThat(c.flow().amount()).isEqualTo(amount));
            assertThat(f.engine.runtime(CHILD)).as("managed at once").isPresent();
            assertThat(f.ledgers.forAccount(PARENT).audit()).anySatisfy(e -> assertThat(e.summary()).contains("linked to").contains(amount + " left Gen-Acc"));
            assertThat(f.ledgers.forAccount(CHILD).audit()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(AuditKind.FORK);
                assertThat(e.summary()).startsWith("Linked to");
            });

            f.engine.runUntil(EngineFixture.ny("2031-03-13T16:30"));
            // the parent's sync saw the withdrawal and skipped it: booked once, as the fork, never as an external flow
            assertThat(forkOuts(f)).hasSize(1);
            assertThat(f.ledgers.forAccount(PARENT).cashFlows()).hasSize(1);
            EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(PARENT));
            EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(CHILD));
        }
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED, EngineFixture.ny("2031-03-13T16:31"), EngineSettings.DEFAULT)) {
            f.realBroker.add(PARENT);
            Forking forking = f.enableForking();
            f.engine.load();
            assertThat(f.engine.runtime(CHILD)).as("a linked fork is loaded like any account").isPresent();
            assertThatThrownBy(() -> f.engine.linkBrokerage(CHILD, new BrokerSetup.Paper())).isInstanceOf(DomainException.class)
                    .hasMessageContaining("not waiting for its brokerage account");
            f.engine.runUntil(EngineFixture.ny("2031-03-14T16:30"));
            assertThat(forkOuts(f)).singleElement().satisfies(e -> assertThat(e.reference()).isEqualTo(withdrawal));
            assertThat(f.ledgers.forAccount(CHILD).cashFlows()).singleElement().satisfies(c -> assertThat(c.flow().amount()).isEqualTo(amount));
            assertThat(f.paper.open("PAPER-ACCOUNT-1-F1").activities(java.util.Optional.empty(), 100))
                    .filteredOn(a -> a instanceof BrokerActivity.Deposit).hasSize(1);
            assertThat(record(f, forking).state()).isEqualTo(ForkRecord.State.DONE);
            EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(PARENT));
            EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(CHILD));
        }
    }

    @Test
    void linkedBeforeTheTransferOutTheSurplusStaysReservedUntilTheParentsSyncSeesItLeave(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            ForkRecord fork = waitingFork(f);
            Forking forking = f.engine.forking().orElseThrow();

            f.engine.linkBrokerage(CHILD, new BrokerSetup.Paper());
            assertThat(record(f, forking).state()).isEqualTo(ForkRecord.State.LINKED);
            assertThat(forking.store().reserved(PARENT)).isEqualTo(fork.amount());
            assertThat(forkOuts(f)).isEmpty();
            assertThat(f.engine.runtime(CHILD)).isPresent();

            String withdrawal = transferOut(f, fork.amount());
            f.engine.runUntil(EngineFixture.ny("2031-03-13T16:30"));
            assertThat(record(f, forking).state()).isEqualTo(ForkRecord.State.DONE);
            assertThat(forking.store().reserved(PARENT)).isEqualTo(Money.ZERO);
            assertThat(forkOuts(f)).singleElement().satisfies(e -> assertThat(e.reference()).isEqualTo(withdrawal));
            assertThat(f.ledgers.forAccount(PARENT).cashFlows()).as("not an external withdrawal").hasSize(1);
            EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(PARENT));
        }
    }

    @Test
    void aTransferOutSeenBeforeTheLinkEndsTheReservationAndTheLinkCompletesTheFork(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            ForkRecord fork = waitingFork(f);
            Forking forking = f.engine.forking().orElseThrow();
            // a withdrawal of another amount is the user's own and stays an external flow
            transferOut(f, Money.ofDollars(10));
            String withdrawal = transferOut(f, fork.amount());
            f.engine.runUntil(EngineFixture.ny("2031-03-13T16:30"));
            assertThat(record(f, forking).state()).isEqualTo(ForkRecord.State.TRANSFERRED);
            assertThat(forking.store().reserved(PARENT)).isEqualTo(Money.ZERO);
            assertThat(forkOuts(f)).singleElement().satisfies(e -> assertThat(e.reference()).isEqualTo(withdrawal));
            assertThat(f.ledgers.forAccount(PARENT).cashFlows()).hasSize(2);
            assertThat(f.engine.runtime(CHILD)).isEmpty();
            EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(PARENT));

            f.engine.linkBrokerage(CHILD, new BrokerSetup.Paper());
            assertThat(record(f, forking).state()).isEqualTo(ForkRecord.State.DONE);
            assertThat(forkOuts(f)).hasSize(1);
            assertThat(f.engine.runtime(CHILD)).isPresent();
        }
    }

    @Test
    void theConnectionTestOfALinkSaysWhatIsWaitingAndAnAccountThatDoesNotWaitIsRefused(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            ForkRecord fork = waitingFork(f);
            Forking forking = f.engine.forking().orElseThrow();
            ConnectionCheck check = forking.checkLink(CHILD, new BrokerSetup.Paper());
            assertThat(check.ok()).isTrue();
            assertThat(check.details().getFirst()).contains(fork.amount().toString());
            assertThat(forking.checkLink(PARENT, new BrokerSetup.Paper()).ok()).isFalse();
            assertThatThrownBy(() -> f.engine.linkBrokerage(PARENT, new BrokerSetup.Paper())).isInstanceOf(DomainException.class);
            assertThat(record(f, forking).state()).isEqualTo(ForkRecord.State.WAITING);
        }
    }
}
