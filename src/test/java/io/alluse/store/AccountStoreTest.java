package io.alluse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.domain.Account;
import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.CashFlow;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.FundChange;
import io.alluse.domain.Money;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ValidationException;
import io.alluse.domain.ledger.AuditEvent;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.LedgerEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    @TempDir
    Path dir;
    Database db;
    AccountRepository accounts;
    LedgerStore ledgers;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        accounts = new AccountRepository(db);
        ledgers = new LedgerStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Account create(String id, String capital, String start, String end) {
        var spec = StoreFixtures.newAccount(id, "Account " + id, capital, ExecutionWindow.of(start, end));
        return accounts.create(spec, BrokerConnection.paperFor(spec.id()), T0, "opening-" + spec.id());
    }

    @Test
    void createdAccountReadsBackWithItsSleevesSplitByTarget() {
        Account created = create("account-1", "500000", "09:45", "10:15");
        assertThat(created.totalCapital()).isEqualTo(Money.ofDollars(500_000));
        assertThat(created.capital().of(SleeveKind.GEN)).isEqualTo(Money.ofDollars(200_000));
        assertThat(created.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(created.broker().externalAccountId()).isEqualTo("PAPER-ACCOUNT-1");

        db.close();
        db = Database.open(dir);
        accounts = new AccountRepository(db);
        Account reread = accounts.get(new AccountId("account-1"));
        assertThat(reread).isEqualTo(created);
        AccountLedger ledger = new LedgerStore(db).forAccount(created.id());
        List<AuditEvent> audit = ledger.audit();
        assertThat(audit).extracting(AuditEvent::kind).containsExactly(AccountKinds.CREATED, AuditKind.CASH_FLOW);
        assertThat(audit.getFirst().summary()).contains("$500,000");
        assertThat(audit.getFirst().detail()).contains("Gen-Acc 40%: TSLA NVDA, delta 0.40-0.50");
        // the deposit that funded the brokerage account is the first external cash flow, split by target
        assertThat(ledger.cashFlows()).singleElement().satisfies(c -> {
            assertThat(c.flow().reference()).isEqualTo("opening-account-1");
            assertThat(c.capitalBefore()).isEqualTo(Money.ZERO);
            assertThat(c.capitalAfter()).isEqualTo(Money.ofDollars(500_000));
        });
        assertThat(ledger.state().cash(SleeveKind.GEN)).isEqualTo(Money.ofDollars(200_000));
        assertThat(ledger.syncState().activityCursor()).isEqualTo("opening-account-1");
    }

    @Test
    void duplicateIdIsRefusedAndLeavesTheFirstAccountAlone() {
        create("account-1", "500000", "09:45", "10:15");
        assertThatThrownBy(() -> create("account-1", "250000", "10:15", "10:45"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already used");
        assertThat(accounts.findAll()).singleElement().satisfies(a -> assertThat(a.initialCapital()).isEqualTo(Money.ofDollars(500_000)));
        assertThat(ledgers.forAccount(new AccountId("account-1")).audit()).extracting(AuditEvent::kind)
                .containsExactly(AccountKinds.CREATED, AuditKind.CASH_FLOW);
    }

    @Test
    void accountsListInCreationOrder() {
        create("zeta", "100000", "09:45", "10:15");
        create("alpha", "100000", "10:15", "10:45");
        assertThat(accounts.findAll()).extracting(a -> a.id().value()).containsExactly("zeta", "alpha");
        assertThat(accounts.activeWindows()).containsValues(ExecutionWindow.of("09:45", "10:15"), ExecutionWindow.of("10:15", "10:45"));
    }

    @Test
    void configChangeIsAppliedAtomicallyWithItsAuditLine() {
        Account a = create("account-1", "500000", "09:45", "10:15");
        AccountConfig changed = a.config().withTargets(Percent.of(50), Percent.of(20), Percent.of(30));
        SleeveCapitals capital = SleeveCapitals.split(a.totalCapital(), changed);
        Account after = accounts.updateConfig(a.id(), changed, capital, T0.plusSeconds(60));
        assertThat(after.config()).isEqualTo(changed);
        assertThat(after.capital().of(SleeveKind.GEN)).isEqualTo(Money.ofDollars(250_000));
        List<AuditEvent> audit = ledgers.forAccount(a.id()).audit();
        assertThat(audit).extracting(AuditEvent::kind).containsExactly(AccountKinds.CREATED, AuditKind.CASH_FLOW, AuditKind.CONFIG_CHANGED);
        assertThat(audit.get(2).summary()).contains("Gen-Acc target 40% -> 50%").contains("Rev-Acc target 30% -> 20%");
    }

    @Test
    void aCashFlowIsBookedOnceAndReSplitsTheSleeves() {
        Account a = create("account-1", "500000", "09:45", "10:15");
        CashFlow deposit = CashFlow.deposit(Money.ofDollars(100_000), T0.plusSeconds(3600), "paper-activity-17");
        FundChange change = FundChange.book(a.capital(), deposit, a.config());
        assertThat(accounts.bookCashFlow(a.id(), change, T0.plusSeconds(3600))).isPresent();
        assertThat(accounts.bookCashFlow(a.id(), change, T0.plusSeconds(7200))).as("the same activity again").isEmpty();

        Account after = accounts.get(a.id());
        assertThat(after.capital().of(SleeveKind.GEN)).isEqualTo(Money.ofDollars(240_000));
        assertThat(after.totalCapital()).isEqualTo(Money.ofDollars(600_000));
        AccountLedger ledger = ledgers.forAccount(a.id());
        assertThat(ledger.cashFlows()).hasSize(2).last().satisfies(c -> {
            assertThat(c.capitalBefore()).isEqualTo(Money.ofDollars(500_000));
            assertThat(c.capitalAfter()).isEqualTo(Money.ofDollars(600_000));
        });
        List<LedgerEntry> entries = ledger.entries().stream().filter(e -> e.reference().equals("paper-activity-17")).toList();
        assertThat(entries).allMatch(e -> e.kind() == EntryKind.DEPOSIT);
        assertThat(entries.stream().map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(Money.ofDollars(100_000));
        assertThat(ledger.audit()).extracting(AuditEvent::kind).containsExactly(AccountKinds.CREATED, AuditKind.CASH_FLOW, AuditKind.CASH_FLOW);
        assertThat(ledger.state().totalCash()).isEqualTo(Money.ofDollars(600_000));
    }

    @Test
    void reSplitAfterDriftIsBookedAsZeroSumTransfers() {
        Account a = create("account-1", "500000", "09:45", "10:15");
        // Gen-Acc earned $30,000 (in the ledger through trades; here set directly) and then $70,000 arrive
        SleeveCapitals drifted = SleeveCapitals.of(Money.ofDollars(230_000), Money.ofDollars(150_000), Money.ofDollars(150_000));
        accounts.updateConfig(a.id(), a.config(), drifted, T0);
        FundChange change = FundChange.book(drifted, CashFlow.deposit(Money.ofDollars(70_000), T0, "act-9"), a.config());
        accounts.bookCashFlow(a.id(), change, T0);
        List<LedgerEntry> entries = ledgers.forAccount(a.id()).entries().stream().filter(e -> e.reference().equals("act-9")).toList();
        Money transfers = entries.stream().filter(e -> e.kind() == EntryKind.SLEEVE_TRANSFER).map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus);
        Money deposits = entries.stream().filter(e -> e.kind() == EntryKind.DEPOSIT).map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus);
        assertThat(transfers).isEqualTo(Money.ZERO);
        assertThat(deposits).isEqualTo(Money.ofDollars(70_000));
        assertThat(entries).filteredOn(e -> e.kind() == EntryKind.SLEEVE_TRANSFER && e.sleeve() == SleeveKind.GEN)
                .singleElement().satisfies(e -> assertThat(e.amount()).isEqualTo(Money.ofDollars(-18_000)));
    }

    @Test
    void statusChangesAreRecordedAndClosedIsFinal() {
        Account a = create("account-1", "500000", "09:45", "10:15");
        assertThat(accounts.setStatus(a.id(), AccountStatus.PAUSED, T0, "user").status()).isEqualTo(AccountStatus.PAUSED);
        accounts.setStatus(a.id(), AccountStatus.CLOSED, T0, "user");
        assertThatThrownBy(() -> accounts.setStatus(a.id(), AccountStatus.ACTIVE, T0, "user")).hasMessageContaining("closed");
        assertThat(accounts.activeWindows()).isEmpty();
    }

    @Test
    void theAuditLogCannotBeChangedEvenWithPlainSql() throws Exception {
        Account a = create("account-1", "500000", "09:45", "10:15");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET summary = 'forged'")).hasMessageContaining("append-only");
            c.rollback();
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event")).hasMessageContaining("append-only");
            c.rollback();
        }
        assertThat(ledgers.forAccount(a.id()).audit()).hasSize(2).noneSatisfy(e -> assertThat(e.summary()).contains("forged"));
    }

    /** Short alias so the assertions read like the log. */
    private static final class AccountKinds {
        static final AuditKind CREATED = AuditKind.ACCOUNT_CREATED;
    }
}
