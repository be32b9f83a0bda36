package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.DomainException;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.Money;
import io.alluse.domain.NewAccount;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.domain.fork.ForkRules;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.PositionEffect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releasing by hand the reservation of a LINKED fork that the user funded from elsewhere
 * (docs/decisions/0032), on the real engine over an H2 file: the parent's reserved cash becomes
 * deployable, sizing follows, the fork rule does not fork it again, nothing reaches a broker; and
 * every fork that holds no such reservation is refused, changing nothing.
 */
class ForkReleaseTest {

    private static final AccountId PARENT = new AccountId("account-1");
    private static final AccountId CHILD = new AccountId("account-1-f1");
    private static final Money AMOUNT = Money.ofDollars(60_000);

    /**
     * Account-1 at a "real" broker with a fork of {@link #AMOUNT} founded before its first cycle, linked
     * to a brokerage account the user funded from elsewhere: LINKED, the amount reserved in Account-1.
     */
    private static Forking linkedFork(EngineFixture f) {
        f.realBroker.add(PARENT);
        Forking forking = f.enableForking();
        Account parent = ForkingEngineTest.createParent(f);
        f.engine.load();
        ForkRecord r = forking.store().begin(ForkRecord.Kind.FORK, PARENT, epoch -> CHILD, AMOUNT, f.clock.now());
        List<ExecutionWindow> taken = f.accounts.accounts().stream().map(a -> a.config().window()).toList();
        forking.store().completeWaiting(r, new NewAccount(CHILD, "Account-1 fork 1", AMOUNT, parent.config().withWindow(ExecutionWindow.suggest(taken))),
                new BrokerConnection(BrokerKind.ALPACA_PAPER, "UNLINKED-ACCOUNT-1-F1"), "Open a brokerage account, transfer, link.", f.clock.now());
        f.engine.linkBrokerage(CHILD, new BrokerSetup.Paper());
        assertThat(forking.store().founding(CHILD).orElseThrow().state()).isEqualTo(ForkRecord.State.LINKED);
        assertThat(forking.reserved(PARENT)).isEqualTo(AMOUNT);
        return forking;
    }

    /** Collateral of the cash-secured puts Gen-Acc sold to open in its first Thursday cycle: what its sizing allowed. */
    private static Money genPutCollateral(EngineFixture f) {
        Money total = Money.ZERO;
        for (OrderRecord o : f.ledgers.forAccount(PARENT).orders()) {
            if (o.sleeve() == SleeveKind.GEN && o.side() == OrderSide.SELL && o.effect() == PositionEffect.OPEN
                    && o.instrument() instanceof OptionContract c && c.right() == OptionRight.PUT) {
                total = total.plus(c.strike().times(OptionContract.MULTIPLIER).times(o.quantity()));
            }
        }
        return total;
    }

    private static final java.time.Instant AFTER_GEN_CYCLE = EngineFixture.ny("2031-03-06T16:30");

    @Test
    void releasingMakesTheReservedCashDeployableAndGenAccSizesWithIt(@TempDir Path dir) throws Exception {
        Money kept;
        Money genCash;
        try (EngineFixture f = new EngineFixture(dir.resolve("kept"), ForkingEngineTest.SEED)) {
            linkedFork(f);
            genCash = new LedgerBook(PARENT, f.ledgers.forAccount(PARENT).state()).cash(SleeveKind.GEN);
            f.engine.runUntil(AFTER_GEN_CYCLE);
            kept = genPutCollateral(f);
        }
        try (EngineFixture f = new EngineFixture(dir.resolve("released"), ForkingEngineTest.SEED)) {
            Forking forking = linkedFork(f);
            List<EngineEvent> events = new ArrayList<>();
            int parentAudit = f.ledgers.forAccount(PARENT).audit().size();
            int brokerActivities = f.paper.open(f.accounts.get(PARENT).broker().externalAccountId()).activities(java.util.Optional.empty(), 100).size();
            try (AutoCloseable sub = f.engine.events().subscribe(events::add)) {
                ForkRecord released = f.engine.releaseReservation(CHILD);
                assertThat(released.state()).isEqualTo(ForkRecord.State.RELEASED);
                assertThat(released.amount()).isEqualTo(AMOUNT);
            }
            assertThat(forking.reserved(PARENT)).isEqualTo(Money.ZERO);
            assertThat(forking.store().released(PARENT)).isEqualTo(AMOUNT);
            assertThat(forking.store().book().releasable(CHILD)).isEmpty();
            assertThat(events).singleElement().isInstanceOfSatisfying(EngineEvent.Lineage.class, e -> {
                assertThat(e.account()).isEqualTo(PARENT);
                assertThat(e.message()).contains("released").contains(AMOUNT.toString()).contains("nothing was sent to any broker");
            });
            assertThat(f.ledgers.forAccount(PARENT).audit()).hasSize(parentAudit + 1).last().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(AuditKind.FORK);
                assertThat(a.summary()).contains("released by hand").contains(AMOUNT.toString());
            });
            assertThat(f.ledgers.forAccount(CHILD).audit()).anySatisfy(a -> assertThat(a.summary()).startsWith("Funded from elsewhere"));
            // nothing booked, nothing sent: the parent's ledger and brokerage account are as they were
            assertThat(f.ledgers.forAccount(PARENT).entries()).noneMatch(e -> e.kind() == EntryKind.FORK_OUT);
            assertThat(f.paper.open(f.accounts.get(PARENT).broker().externalAccountId()).activities(java.util.Optional.empty(), 100)).hasSize(brokerActivities);

            f.engine.runUntil(AFTER_GEN_CYCLE);
            Money released = genPutCollateral(f);
            // the same seed and market: only the reservation differs, and Gen-Acc sold more puts with the released cash
            assertThat(released).isGreaterThan(kept);
            // cash-secured: neither can have committed more than the cash it was allowed to use
            assertThat(released).isLessThanOrEqualTo(genCash);
            assertThat(kept).isLessThanOrEqualTo(genCash.minus(AMOUNT));
            EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(PARENT));
        }
    }

    /**
     * Released by hand, the surplus stays in the parent's Gen-Acc as its capital: the fork rule sees the
     * same growth as before the release (without that, the surplus would fork a second time).
     */
    @Test
    void aReleasedSurplusIsNotGrowthToForkAgainAndTheReleaseSurvivesARestart(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            f.realBroker.add(PARENT);
            Forking forking = f.enableForking();
            ForkingEngineTest.createParent(f);
            forking.store().setRules(PARENT, ForkRules.defaults().withForkThreshold(Money.ofDollars(1_000)).withCadence(ForkRules.Cadence.DAILY),
                    f.clock.now());
            f.engine.load();
            f.engine.runUntil(EngineFixture.ny("2031-03-12T16:30"));
            ForkRecord fork = forking.awaitingLink(CHILD).orElseThrow();
            f.engine.linkBrokerage(CHILD, new BrokerSetup.Paper());
            Marks marks = Marks.of(f.market);
            Money before = forking.genAcc(f.accounts.get(PARENT), marks).growth();

            f.engine.releaseReservation(CHILD);

            assertThat(forking.genAcc(f.accounts.get(PARENT), marks).growth()).isEqualTo(before);
            assertThat(forking.genAcc(f.accounts.get(PARENT), marks).growth()).isLessThan(fork.amount());
        }
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED, EngineFixture.ny("2031-03-12T16:31"), EngineSettings.DEFAULT)) {
            f.realBroker.add(PARENT);
            Forking forking = f.enableForking();
            f.engine.load();
            assertThat(forking.reserved(PARENT)).isEqualTo(Money.ZERO);
            assertThatThrownBy(() -> f.engine.releaseReservation(CHILD)).isInstanceOf(DomainException.class).hasMessageContaining("released already");
        }
    }

    @Test
    void aForkWithoutAReservationToReleaseIsRefusedAndNothingChanges(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            f.realBroker.add(PARENT);
            Forking forking = f.enableForking();
            Account parent = ForkingEngineTest.createParent(f);
            f.engine.load();
            ForkRecord r = forking.store().begin(ForkRecord.Kind.FORK, PARENT, epoch -> CHILD, AMOUNT, f.clock.now());
            List<ExecutionWindow> taken = f.accounts.accounts().stream().map(a -> a.config().window()).toList();
            forking.store().completeWaiting(r, new NewAccount(CHILD, "Account-1 fork 1", AMOUNT, parent.config().withWindow(ExecutionWindow.suggest(taken))),
                    new BrokerConnection(BrokerKind.ALPACA_PAPER, "UNLINKED-ACCOUNT-1-F1"), "Open, transfer, link.", f.clock.now());
            int audit = f.ledgers.forAccount(PARENT).audit().size();

            // waiting: the money may still be moved; linking or the transfer out ends it
            assertThatThrownBy(() -> f.engine.releaseReservation(CHILD)).isInstanceOf(DomainException.class)
                    .hasMessageContaining("still waits for its brokerage account").hasMessageContaining("link it first");
            // an account founded by hand holds no fork's reservation
            assertThatThrownBy(() -> f.engine.releaseReservation(PARENT)).isInstanceOf(DomainException.class)
                    .hasMessageContaining("was not founded by a fork");
            assertThat(forking.store().founding(CHILD).orElseThrow().state()).isEqualTo(ForkRecord.State.WAITING);
            assertThat(forking.reserved(PARENT)).isEqualTo(AMOUNT);

            // linked, then the user moved the amount out after all: the parent's sync books it, the fork is DONE
            f.engine.linkBrokerage(CHILD, new BrokerSetup.Paper());
            f.paper.open(f.accounts.get(PARENT).broker().externalAccountId()).withdraw(AMOUNT);
            f.engine.runUntil(EngineFixture.ny("2031-03-03T16:30"));
            assertThat(forking.store().founding(CHILD).orElseThrow().state()).isEqualTo(ForkRecord.State.DONE);
            int done = f.ledgers.forAccount(PARENT).audit().size();
            assertThat(done).isGreaterThan(audit);
            assertThatThrownBy(() -> f.engine.releaseReservation(CHILD)).isInstanceOf(DomainException.class)
                    .hasMessageContaining("is complete").hasMessageContaining("nothing is reserved");
            assertThat(forking.store().founding(CHILD).orElseThrow().state()).isEqualTo(ForkRecord.State.DONE);
            assertThat(forking.store().released(PARENT)).isEqualTo(Money.ZERO);
            assertThat(f.ledgers.forAccount(PARENT).audit()).hasSize(done);
        }
    }
}
