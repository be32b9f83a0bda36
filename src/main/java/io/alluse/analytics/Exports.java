package io.alluse.analytics;

import io.alluse.analytics.export.GainsCsv;
import io.alluse.analytics.export.TransactionsCsv;
import io.alluse.analytics.tax.RealizedGain;
import io.alluse.analytics.tax.RealizedGains;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.ledger.LedgerEntry;
import io.alluse.store.AccountRepository;
import io.alluse.store.LedgerStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The spreadsheet exports: transactions and realized gains per tax year, of one account or all of
 * them, as CSV text. Reads the store; writes nothing (the caller decides where the text goes).
 */
public final class Exports {

    /** Years a tax report can be asked for. */
    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 2199;

    private final AccountRepository accounts;
    private final LedgerStore ledgers;

    public Exports(AccountRepository accounts, LedgerStore ledgers) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.ledgers = Objects.requireNonNull(ledgers, "ledgers");
    }

    /**
     * The realized gains of one tax year as CSV, with the figures a person checks first.
     *
     * @param shortTerm the sum of the short-term lines
     * @param longTerm  the sum of the long-term lines
     * @param warnings  what the ledger could not match (sales without lots), each with its day and instrument
     */
    public record GainsReport(int year, String csv, int lines, Money shortTerm, Money longTerm, List<String> warnings) {
        public GainsReport {
            warnings = List.copyOf(warnings);
        }
    }

    /** One CSV of every transaction of {@code account}, or of all accounts when empty. */
    public String transactionsCsv(Optional<AccountId> account) {
        SortedMap<AccountId, List<LedgerEntry>> byAccount = new TreeMap<>();
        for (AccountId id : chosen(account)) {
            byAccount.put(id, ledgers.forAccount(id).entries());
        }
        return TransactionsCsv.of(byAccount);
    }

    /**
     * Realized gains whose lots closed in {@code year}, of {@code account} or all accounts. Lots are
     * matched over each account's whole history, so a lot bought in an earlier year is sold at its own basis.
     *
     * @throws IllegalArgumentException when the year is outside {@value #FIRST_YEAR}..{@value #LAST_YEAR} or the account is unknown
     */
    public GainsReport gains(int year, Optional<AccountId> account) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("tax year " + year + " is outside " + FIRST_YEAR + ".." + LAST_YEAR + ": give a four-digit year such as 2025");
        }
        List<RealizedGain> lines = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (AccountId id : chosen(account)) {
            RealizedGains.Result result = RealizedGains.of(id, ledgers.forAccount(id).entries());
            lines.addAll(result.inYear(year));
            result.warnings().forEach(w -> warnings.add(id + ": " + w));
        }
        long shortTerm = 0;
        long longTerm = 0;
        for (RealizedGain g : lines) {
            if (g.term() == RealizedGain.Term.LONG) {
                longTerm += g.gain().cents();
            } else {
                shortTerm += g.gain().cents();
            }
        }
        return new GainsReport(year, GainsCsv.of(lines), lines.size(), Money.ofCents(shortTerm), Money.ofCents(longTerm), warnings);
    }

    private List<AccountId> chosen(Optional<AccountId> account) {
        if (account.isPresent()) {
            if (accounts.find(account.get()).isEmpty()) {
                throw new IllegalArgumentException("no account with id '" + account.get() + "': run `accounts list` to see the ids");
            }
            return List.of(account.get());
        }
        return accounts.findAll().stream().map(Account::id).sorted().toList();
    }
}
