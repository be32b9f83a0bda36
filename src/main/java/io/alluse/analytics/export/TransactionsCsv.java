package io.alluse.analytics.export;

import io.alluse.domain.AccountId;
import io.alluse.domain.ledger.LedgerEntry;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Ledger transactions as CSV, one row per entry: accounts in id order, each account's entries in
 * ledger order (time, then booking order), so the same ledger always gives the same bytes.
 */
public final class TransactionsCsv {

    public static final List<String> HEADER = List.of("account", "date", "time_utc", "sleeve", "kind", "instrument", "quantity", "price",
            "amount", "reference", "memo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private TransactionsCsv() {
    }

    /** @param byAccount each account's entries in ledger order; iterated in its own order (pass a sorted map) */
    public static String of(Map<AccountId, List<LedgerEntry>> byAccount) {
        Csv csv = new Csv(HEADER);
        byAccount.forEach((account, entries) -> {
            for (LedgerEntry e : entries) {
                csv.row(List.of(account.value(), LocalDate.ofInstant(e.at(), NEW_YORK).toString(), e.at().toString(), e.sleeve().label(),
                        e.kind().name(), e.instrument(), Long.toString(e.quantity()), e.price().toPlainString(), e.amount().toPlainString(),
                        e.reference(), e.memo() == null ? "" : e.memo()));
            }
        });
        return csv.toString();
    }
}
