package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.analytics.tax.RealizedGains;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.paper.PaperBroker;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.domain.fork.ForkRules;
import io.alluse.domain.fork.LineageState;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.domain.ledger.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Merging with TRANSFER_AT_MARKET on the paper brokerage (docs/decisions/0026): the merging account's
 * positions and cash move into the parent's sleeves of the same kind in one step at the brokerage and one
 * transaction in the books, tax lots keep their days and basis, a crash between the intent and the booking
 * does it once, and an account at another broker closes at the market instead and says so.
 */
class MergeByTransferTest {

    static final AccountId PARENT = MergeWithPositionsTest.PARENT;
    static final AccountId CHILD = MergeWithPositionsTest.CHILD;

    /** Forks on Friday 2031-03-07, money added to the fork so that it trades; it holds shares and options by 2031-03-12. */
    static Forking setUp(EngineFixture f) throws InterruptedException {
        Forking forking = f.enableForking();
        ForkingEngineTest.createParent(f);
        forking.store().setRules(PARENT, MergeWithPositionsTest.RULES.withMergeMode(ForkRules.MergeMode.TRANSFER_AT_MARKET), f.clock.now());
        f.engine.load();
        f.engine.runUntil(EngineFixture.ny("2031-03-07T16:30"));
        f.paper.open(f.accounts.get(CHILD).broker().externalAccountId()).deposit(MergeWithPositionsTest.DEPOSIT);
        f.engine.runUntil(EngineFixture.ny("2031-03-12T16:30"));
        assertThat(f.ledgers.forAccount(CHILD).state().positions()).as("the child trades").isNotEmpty();
        assertThat(forking.store().rules(CHILD).mergeMode()).as("a fork copies its parent's rules").isEqualTo(ForkRules.MergeMode.TRANSFER_AT_MARKET);
        // the child is at its merge amount from now on
        forking.store().setRules(CHILD, forking.store().rules(CHILD).withMergeAt(Money.ofDollars(1)), f.clock.now());
        return forking;
    }

    /** The child's entries before its merge: what its books and tax lots were when the transfer began. */
    static List<LedgerEntry> beforeTransfer(List<LedgerEntry> entries) {
        List<LedgerEntry> before = new ArrayList<>();
        for (LedgerEntry e : entries) {
            if (e.kind() == EntryKind.POSITION_TRANSFER_OUT || e.kind() == EntryKind.MERGE_OUT) {
                break;
            }
            before.add(e);
        }
        return before;
    }

    static Map<String, Long> byInstrument(List<LedgerEntry> entries, EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).collect(Collectors.groupingBy(e -> e.sleeve() + " " + e.instrument(), TreeMap::new,
                Collectors.summingLong(LedgerEntry::quantity)));
    }

    /** Everything a finished merge by transfer must show, once. */
    static void assertMergedByTransferOnce(EngineFixture f, Forking forking, Account parentBefore) {
        assertThat(f.accounts.get(CHILD).status()).isEqualTo(AccountStatus.CLOSED);
        assertThat(forking.store().lineage(CHILD).state()).isEqualTo(LineageState.MERGED);
        assertThat(forking.store().records(CHILD).stream().filter(r -> r.kind() == ForkRecord.Kind.MERGE))
                .singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(ForkRecord.State.DONE));
        // nothing was closed at the market for the merge
        assertThat(f.ledgers.forAccount(CHILD).orders()).noneMatch(o -> MergeOrders.CYCLE.equals(o.cycle()));

        // the brokerage moved everything once: one transfer id, the child's paper account empty
        PaperBroker childDesk = f.paper.open(f.accounts.get(CHILD).broker().externalAccountId());
        PaperBroker parentDesk = f.paper.open(f.accounts.get(PARENT).broker().externalAccountId());
        List<BrokerActivity> out = childDesk.activities(Optional.empty(), 100_000).stream()
                .filter(a -> a instanceof BrokerActivity.PositionTransfer || a instanceof BrokerActivity.CashJournal).toList();
        assertThat(out).isNotEmpty();
        assertThat(out.stream().map(a -> a instanceof BrokerActivity.PositionTransfer p ? p.transferId() : ((BrokerActivity.CashJournal) a).transferId())
                .distinct()).hasSize(1);
        assertThat(out).filteredOn(a -> a instanceof BrokerActivity.CashJournal).hasSize(1);
        assertThat(childDesk.positions()).isEmpty();
        assertThat(childDesk.account().cash()).isEqualTo(Money.ZERO);
        assertThat(parentDesk.activities(Optional.empty(), 100_000)).filteredOn(a -> a instanceof BrokerActivity.CashJournal).hasSize(1);

        // the books: the child holds nothing; every lot that left it arrived in the parent's sleeve of the same kind
        List<LedgerEntry> childEntries = f.ledgers.forAccount(CHILD).entries();
        List<LedgerEntry> parentEntries = f.ledgers.forAccount(PARENT).entries();
        assertThat(f.ledgers.forAccount(CHILD).state().positions()).isEmpty();
        assertThat(f.ledgers.forAccount(CHILD).state().totalCash()).isEqualTo(Money.ZERO);
        Map<String, Long> left = byInstrument(childEntries, EntryKind.POSITION_TRANSFER_OUT);
        Map<String, Long> arrived = byInstrument(parentEntries, EntryKind.POSITION_TRANSFER_IN);
        assertThat(left).isNotEmpty();
        left.replaceAll((k, v) -> -v);
        assertThat(arrived).isEqualTo(left);
        // ... and they were what the child's books held: its positions replayed from its entries before the merge
        Map<String, Long> held = new TreeMap<>();
        for (RealizedGains.OpenLot lot : RealizedGains.of(CHILD, beforeTransfer(childEntries)).open()) {
            held.merge(lot.instrument(), lot.quantity(), Long::sum);
        }
        Map<String, Long> arrivedByInstrument = new TreeMap<>();
        parentEntries.stream().filter(e -> e.kind() == EntryKind.POSITION_TRANSFER_IN).forEach(e -> arrivedByInstrument.merge(e.instrument(), e.quantity(), Long::sum));
        assertThat(arrivedByInstrument).isEqualTo(held);

        // value moved between our accounts is no flow: what left the child arrived in the parent, to the cent
        Money outOfChild = childEntries.stream().filter(e -> e.kind() == EntryKind.MERGE_OUT).map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus);
        Money intoParent = parentEntries.stream().filter(e -> e.kind() == EntryKind.MERGE_IN).map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus);
        assertThat(intoParent).isEqualTo(outOfChild.negate());
        assertThat(f.ledgers.forAccount(PARENT).cashFlows()).hasSize(1);
        assertThat(MergeWithPositionsTest.netExternal(f)).isEqualTo(parentBefore.initialCapital().plus(MergeWithPositionsTest.DEPOSIT));

        // the parent's books equal its paper account: cash to the cent, positions by instrument
        EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(PARENT));
        EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(CHILD));

        // the tax lots the child held arrive with their opening days and basis, and the transfer realized nothing
        List<RealizedGains.OpenLot> childLots = RealizedGains.of(CHILD, beforeTransfer(childEntries)).open();
        assertThat(RealizedGains.of(CHILD, childEntries).gains()).isEqualTo(RealizedGains.of(CHILD, beforeTransfer(childEntries)).gains());
        assertThat(RealizedGains.of(CHILD, childEntries).open()).isEmpty();
        int lastIn = 0;
        for (int i = 0; i < parentEntries.size(); i++) {
            lastIn = parentEntries.get(i).kind() == EntryKind.POSITION_TRANSFER_IN ? i : lastIn;
        }
        List<RealizedGains.OpenLot> parentLots = RealizedGains.of(PARENT, parentEntries.subList(0, lastIn + 1)).open();
        assertThat(parentLots).containsAll(childLots);
    }

    @Test
    void aMergingAccountAtThePaperBrokerageMovesItsPositionsAndCashIntoTheParentOnce(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            Forking forking = setUp(f);
            Account parent = f.accounts.get(PARENT);
            f.engine.runUntil(EngineFixture.ny("2031-03-14T16:30"));

            assertMergedByTransferOnce(f, forking, parent);
            assertThat(f.ledgers.forAccount(CHILD).audit()).filteredOn(e -> e.kind() == AuditKind.MERGE)
                    .anySatisfy(e -> assertThat(e.summary()).contains("TRANSFER_AT_MARKET").doesNotContain("closed at the market"))
                    .anySatisfy(e -> assertThat(e.summary()).contains("by transfer"));
            assertThat(f.ledgers.forAccount(PARENT).audit()).filteredOn(e -> e.kind() == AuditKind.MERGE)
                    .anySatisfy(e -> assertThat(e.summary()).contains("merged in by transfer"));
            assertThat(f.events).filteredOn(e -> e instanceof EngineEvent.Lineage && e.account().equals(CHILD)).extracting(EngineEvent::message)
                    .anySatisfy(m -> assertThat(m).contains("merged into " + PARENT + " by transfer"));
            // the transfer's activities were booked by the merge, never by a sync
            assertThat(f.ledgers.forAccount(PARENT).audit()).noneMatch(e -> e.summary().contains("no merge booked"));

            // the parent goes on; what it later closes of the child's lots gains from the child's day and basis
            List<LedgerEntry> childEntries = f.ledgers.forAccount(CHILD).entries();
            List<RealizedGains.OpenLot> childLots = RealizedGains.of(CHILD, beforeTransfer(childEntries)).open();
            f.engine.runUntil(EngineFixture.ny("2031-03-21T16:30"));
            EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(PARENT));
            // by hand: a short put the child sold and the parent let expire gains the premium the child received, less
            // the child's commission, on the child's sale day, short-term
            List<io.alluse.analytics.tax.RealizedGain> expired = RealizedGains.of(PARENT, f.ledgers.forAccount(PARENT).entries()).gains().stream()
                    .filter(g -> g.how() == io.alluse.analytics.tax.RealizedGain.How.EXPIRED)
                    .filter(g -> childLots.stream().anyMatch(l -> l.instrument().equals(g.instrument()) && l.opened().equals(g.opened())))
                    .toList();
            assertThat(expired).as("the parent let some of the child's options expire").isNotEmpty();
            for (io.alluse.analytics.tax.RealizedGain g : expired) {
                List<LedgerEntry> sold = childEntries.stream().filter(e -> e.kind() == EntryKind.SELL_TO_OPEN && e.instrument().equals(g.instrument())).toList();
                long premium = sold.stream().mapToLong(e -> e.amount().cents()).sum();
                java.util.Set<String> fills = sold.stream().map(LedgerEntry::reference).collect(Collectors.toSet());
                long commission = childEntries.stream().filter(e -> e.kind() == EntryKind.COMMISSION && fills.contains(e.reference())
                        && e.instrument().equals(g.instrument())).mapToLong(e -> -e.amount().cents()).sum();
                long contracts = sold.stream().mapToLong(e -> -e.quantity()).sum();
                assertThat(g.quantity()).isEqualTo(contracts);
                assertThat(g.proceeds()).as("%s", g).isEqualTo(Money.ofCents(premium - commission));
                assertThat(g.costBasis()).isEqualTo(Money.ZERO);
                assertThat(g.opened()).isEqualTo(sold.getFirst().at().atZone(io.alluse.market.calendar.ExchangeCalendar.NEW_YORK).toLocalDate());
                assertThat(g.term()).isEqualTo(io.alluse.analytics.tax.RealizedGain.Term.SHORT);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Forking.Step.class, names = {"AFTER_TRANSFER_INTENT", "AFTER_TRANSFER"})
    void aMergeByTransferKilledBetweenItsStepsHappensOnceAfterARestart(Forking.Step step, @TempDir Path dir) throws Exception {
        Account parent;
        java.time.Instant killedAt;
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            Forking forking = setUp(f);
            parent = f.accounts.get(PARENT);
            List<Forking.Step> reached = new java.util.concurrent.CopyOnWriteArrayList<>();
            // the process dies at the step: nothing after it happens in this run, however often the worker retries
            forking.atStep = s -> {
                if (s == step) {
                    reached.add(s);
                    throw new IllegalStateException("killed after " + s);
                }
            };
            // the run ends at the first moment the step is reached, as a killed process would
            java.time.Instant end = EngineFixture.ny("2031-03-14T16:30");
            while (reached.isEmpty() && f.clock.now().isBefore(end)) {
                f.engine.runUntil(f.clock.now().plus(java.time.Duration.ofMinutes(15)));
            }
            assertThat(reached).isNotEmpty();
            killedAt = f.clock.now().plusSeconds(60);
            assertThat(forking.store().records(CHILD).stream().filter(r -> r.kind() == ForkRecord.Kind.MERGE))
                    .singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(ForkRecord.State.STARTED));
            PaperBroker childDesk = f.paper.open(f.accounts.get(CHILD).broker().externalAccountId());
            if (step == Forking.Step.AFTER_TRANSFER_INTENT) {
                assertThat(childDesk.positions()).as("nothing moved yet").isNotEmpty();
            } else {
                assertThat(childDesk.positions()).as("moved, not booked").isEmpty();
                assertThat(f.ledgers.forAccount(CHILD).state().positions()).isNotEmpty();
                // the parent's books wait for the merge to book the transfer instead of taking its cash for a deposit
                assertThat(f.ledgers.forAccount(PARENT).cashFlows()).hasSize(1);
            }
        }
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED, killedAt, io.alluse.engine.EngineSettings.DEFAULT)) {
            Forking forking = f.enableForking();
            f.engine.load();
            f.engine.runUntil(EngineFixture.ny("2031-03-17T16:30"));
            assertMergedByTransferOnce(f, forking, parent);
        }
    }

    @Test
    void atAnotherBrokerTheTransferSettingClosesAtTheMarketAndSaysSo(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ForkingEngineTest.SEED)) {
            setUp(f);
            // the child now counts as an account at a real broker: the brokerage cannot move positions to the parent
            f.realBroker.add(CHILD);
            f.engine.runUntil(EngineFixture.ny("2031-03-14T16:30"));

            assertThat(f.ledgers.forAccount(CHILD).audit()).filteredOn(e -> e.kind() == AuditKind.MERGE)
                    .anySatisfy(e -> assertThat(e.summary()).contains("asks for TRANSFER_AT_MARKET").contains("closed at the market"));
            assertThat(f.ledgers.forAccount(CHILD).orders()).anyMatch(o -> MergeOrders.CYCLE.equals(o.cycle()));
            assertThat(f.ledgers.forAccount(CHILD).entries()).noneMatch(e -> e.kind() == EntryKind.POSITION_TRANSFER_OUT);
            assertThat(f.paper.open(f.accounts.get(CHILD).broker().externalAccountId()).activities(Optional.empty(), 100_000))
                    .noneMatch(a -> a instanceof BrokerActivity.PositionTransfer || a instanceof BrokerActivity.CashJournal);
            List<Position> held = f.ledgers.forAccount(CHILD).state().positions();
            assertThat(held.stream().map(Position::sleeve)).doesNotContainNull();
            EngineSimulationTest.assertLedgerMatchesBroker(f, f.accounts.get(PARENT));
            assertThat(SleeveKind.values()).isNotEmpty();
        }
    }
}
