package io.alluse.app;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.run.AccountHealth;
import io.alluse.domain.run.SyncState;
import io.alluse.domain.SleeveConfig;
import io.alluse.domain.SleeveDraft;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.StrategyParameters;
import io.alluse.domain.Symbol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How the command line prints accounts: aligned text for people, JSON for machines. */
final class AccountViews {

    private AccountViews() {
    }

    static String table(List<Account> accounts, Function<AccountId, SyncState> sync) {
        if (accounts.isEmpty()) {
            return "No accounts yet. Create one with `accounts create`, or start the app once to get Account-1.\n";
        }
        String format = "%-16s %-18s %-7s %-8s %15s  %-22s %-22s %-22s %s%n";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, format, "ID", "NAME", "STATUS", "HEALTH", "CAPITAL", "GEN-ACC", "REV-ACC", "COM-ACC", "WINDOW (NY)"));
        for (Account a : accounts) {
            b.append(String.format(Locale.ROOT, format, a.id(), a.name(), a.status(), sync.apply(a.id()).health(), a.totalCapital().format(),
                    sleeve(a, SleeveKind.GEN), sleeve(a, SleeveKind.REV), sleeve(a, SleeveKind.COM), a.config().window()));
        }
        return b.toString();
    }

    private static String sleeve(Account a, SleeveKind kind) {
        return a.capital().of(kind).formatWhole() + " (" + a.config().target(kind) + ")";
    }

    static String details(Account a, SyncState sync) {
        StringBuilder b = new StringBuilder();
        b.append(a.name()).append(" (").append(a.id()).append(")\n");
        b.append("  status           ").append(a.status()).append('\n');
        b.append("  health           ").append(health(sync)).append('\n');
        b.append("  capital          ").append(a.totalCapital().format()).append(" (initial ").append(a.initialCapital().format()).append(")\n");
        b.append("  broker           ").append(a.broker().kind().label()).append(", account ").append(a.broker().externalAccountId()).append('\n');
        b.append("  cash buffer      ").append(a.config().cashBuffer()).append('\n');
        b.append("  window           ").append(a.config().window()).append(" New York time\n");
        b.append("  created          ").append(a.createdAt()).append('\n');
        for (SleeveConfig s : a.config().sleevesInOrder()) {
            StrategyParameters p = s.parameters();
            b.append("  ").append(s.kind().label()).append("  target ").append(s.target()).append(", capital ").append(a.capital().of(s.kind()).format())
                    .append(", deployable ").append(a.deployable(s.kind()).format()).append('\n');
            b.append("      symbols ").append(p.symbols().stream().map(Symbol::value).collect(Collectors.joining(", ")))
                    .append(" | delta ").append(p.delta()).append(" | DTE ").append(p.dte())
                    .append(" | entry ").append(p.entryDaysInOrder().stream().map(SleeveDraft::shortDay).collect(Collectors.joining(",")))
                    .append(" | floor ").append(p.premiumFloor()).append("/wk")
                    .append(" | profit-take ").append(p.profitTakeEnabled() ? p.profitTake() : "off")
                    .append(" | per-symbol cap ").append(p.perSymbolCap()).append('\n');
        }
        return b.toString();
    }

    /**
     * The account's lineage lines (docs/decisions/0020): forked from (date, amount), its forks, merged
     * into, what a waiting fork needs and what its parent holds back. Empty for an account founded by
     * hand that never forked.
     */
    static String lineage(Account a, io.alluse.domain.fork.LineageBook book) {
        StringBuilder b = new StringBuilder();
        io.alluse.domain.fork.Lineage l = book.of(a.id());
        book.founding(a.id()).ifPresent(r -> b.append("  forked from      ").append(r.parent()).append(" on ").append(r.startedAt())
                .append(" with ").append(r.amount().format()).append(" (its fork ").append(r.epoch()).append(")\n"));
        for (io.alluse.domain.fork.ForkRecord r : book.forks(a.id())) {
            b.append("  fork ").append(String.format(java.util.Locale.ROOT, "%-12s", r.epoch()))
                    .append(r.child()).append(" on ").append(r.startedAt()).append(" with ").append(r.amount().format())
                    .append(book.merge(r.child()).isPresent() ? ", merged back" : "")
                    .append(switch (r.state()) {
                        case WAITING -> ", waiting for its brokerage account";
                        case TRANSFERRED -> ", money sent, waiting for its link";
                        case LINKED -> ", linked, transfer out of this account not seen yet (`forks release " + r.child()
                                + " --yes` if you funded it from elsewhere)";
                        case RELEASED -> ", funded elsewhere, reservation released";
                        default -> "";
                    }).append('\n');
        }
        book.merge(a.id()).ifPresent(r -> b.append("  merged into      ").append(r.parent()).append(" on ").append(l.mergedAt().orElse(r.startedAt()))
                .append(" with ").append(r.amount().format()).append('\n'));
        if (book.waiting(a.id())) {
            b.append("  WAITING FOR ITS BROKERAGE ACCOUNT: ").append(l.instructions()).append('\n');
        }
        if (book.reserved(a.id()).isPositive()) {
            b.append("  reserved         ").append(book.reserved(a.id()).format()).append(" of Gen-Acc, un-traded, for forks waiting for their brokerage\n");
        }
        return b.toString();
    }

    static Map<String, Object> lineageJson(Account a, io.alluse.domain.fork.LineageBook book) {
        Map<String, Object> m = new LinkedHashMap<>();
        io.alluse.domain.fork.Lineage l = book.of(a.id());
        m.put("state", l.state().name());
        m.put("forkedFrom", book.founding(a.id()).map(AccountViews::link).orElse(null));
        m.put("forks", book.forks(a.id()).stream().map(AccountViews::link).toList());
        m.put("mergedInto", book.merge(a.id()).map(AccountViews::link).orElse(null));
        m.put("instructions", book.waiting(a.id()) ? l.instructions() : null);
        m.put("reserved", book.reserved(a.id()).toPlainString());
        return m;
    }

    private static Map<String, Object> link(io.alluse.domain.fork.ForkRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parent", r.parent().value());
        m.put("child", r.child().value());
        m.put("epoch", r.epoch());
        m.put("at", r.startedAt().toString());
        m.put("amount", r.amount().toPlainString());
        m.put("state", r.state().name());
        return m;
    }

    /** The engine's last word on the account: healthy, retrying or in error, with the error and when the broker was last synced. */
    static String health(SyncState sync) {
        StringBuilder b = new StringBuilder(sync.health().name());
        if (sync.health() != AccountHealth.OK) {
            b.append(" after ").append(sync.failures()).append(sync.failures() == 1 ? " failure" : " failures");
            sync.lastErrorAt().ifPresent(at -> b.append(", last at ").append(at));
            if (!sync.lastError().isBlank()) {
                b.append(": ").append(sync.lastError());
            }
        }
        b.append(sync.lastSyncAt().map(at -> "; broker last synced " + at).orElse("; broker not synced yet"));
        return b.toString();
    }

    static Map<String, Object> json(Account a, SyncState sync) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().value());
        m.put("name", a.name());
        m.put("status", a.status().name());
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("state", sync.health().name());
        health.put("failures", sync.failures());
        health.put("lastError", sync.lastError());
        health.put("lastErrorAt", sync.lastErrorAt().map(Object::toString).orElse(null));
        health.put("lastSyncAt", sync.lastSyncAt().map(Object::toString).orElse(null));
        m.put("health", health);
        m.put("initialCapital", a.initialCapital().toPlainString());
        m.put("capital", a.totalCapital().toPlainString());
        m.put("cashBufferPercent", a.config().cashBuffer().toBigDecimal());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("start", a.config().window().start().toString());
        window.put("end", a.config().window().end().toString());
        window.put("zone", "America/New_York");
        m.put("window", window);
        Map<String, Object> broker = new LinkedHashMap<>();
        broker.put("kind", a.broker().kind().name());
        broker.put("account", a.broker().externalAccountId());
        m.put("broker", broker);
        m.put("createdAt", a.createdAt().toString());
        m.put("sleeves", a.config().sleevesInOrder().stream().map(s -> sleeveJson(a, s)).toList());
        return m;
    }

    private static Map<String, Object> sleeveJson(Account a, SleeveConfig s) {
        StrategyParameters p = s.parameters();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", s.kind().name());
        m.put("label", s.kind().label());
        m.put("targetPercent", s.target().toBigDecimal());
        m.put("capital", a.capital().of(s.kind()).toPlainString());
        m.put("deployable", a.deployable(s.kind()).toPlainString());
        m.put("symbols", p.symbols().stream().map(Symbol::value).toList());
        m.put("deltaMin", p.delta().min());
        m.put("deltaMax", p.delta().max());
        m.put("dteMin", p.dte().min());
        m.put("dteMax", p.dte().max());
        m.put("entryDays", p.entryDaysInOrder().stream().map(Enum::name).toList());
        m.put("premiumFloorPercent", p.premiumFloor().toBigDecimal());
        m.put("profitTakePercent", p.profitTake().toBigDecimal());
        m.put("perSymbolCapPercent", p.perSymbolCap().toBigDecimal());
        return m;
    }
}
