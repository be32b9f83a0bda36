package io.alluse.analytics;

import io.alluse.domain.Account;
import io.alluse.domain.AccountDraft;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountValidator;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.SymbolCatalog;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.domain.ledger.LedgerBatch;
import io.alluse.domain.ledger.NewEntry;
import io.alluse.store.AccountRepository;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import io.alluse.store.SnapshotRepository;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A real H2 file store in a temp folder, with helpers to create accounts and write snapshots and entries. */
public final class AnalyticsStore implements AutoCloseable {

    public final Database db;
    public final AccountRepository accounts;
    public final LedgerStore ledgers;
    public final SnapshotRepository snapshots;
    private int windows;

    public AnalyticsStore(Path dir) {
        db = Database.open(dir);
        accounts = new AccountRepository(db);
        ledgers = new LedgerStore(db);
        snapshots = new SnapshotRepository(db);
    }

    public PortfolioAnalytics analytics() {
        return new PortfolioAnalytics(accounts, snapshots, ledgers);
    }

    public Account account(String id) {
        int i = windows++;
        // five-minute windows from 9:30 on; they may overlap (the bench creates more accounts than fit)
        java.time.LocalTime from = java.time.LocalTime.of(9, 30).plusMinutes(5L * (i % 70));
        String start = from.toString();
        String end = from.plusMinutes(5).toString();
        AccountDraft draft = AccountDraft.defaults(id, "Account " + id, ExecutionWindow.of(start, end)).withCapital("100000");
        var spec = new AccountValidator(SymbolCatalog.ANY).validateNew(draft, AccountValidator.Existing.NONE).orThrow();
        return accounts.create(spec, BrokerConnection.paperFor(spec.id()), Instant.parse("2031-03-01T15:00:00Z"), "opening-" + id);
    }

    /** One sleeve's end-of-day snapshot held all in cash. */
    public void snapshot(String account, SleeveKind sleeve, String day, long equityDollars, long flowDollars) {
        AccountId id = new AccountId(account);
        ledgers.forAccount(id).writeSnapshots(List.of(new EquitySnapshot(id, sleeve, LocalDate.parse(day), Money.ofDollars(equityDollars),
                Money.ZERO, Money.ofDollars(equityDollars), Money.ofDollars(flowDollars))));
    }

    public void entries(String account, List<NewEntry> entries) {
        ledgers.forAccount(new AccountId(account)).apply(new LedgerBatch(entries, List.of(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    @Override
    public void close() {
        db.close();
    }
}
