package io.alluse.app;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.ledger.AuditEvent;
import io.alluse.domain.run.SyncState;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "accounts", description = "List, show, create, pause, resume and close main accounts.",
        subcommands = {AccountsCommand.ListCommand.class, AccountsCommand.ShowCommand.class, AccountsCreateCommand.class,
                AccountStatusCommands.Pause.class, AccountStatusCommands.Resume.class, AccountStatusCommands.Close.class},
        mixinStandardHelpOptions = true)
final class AccountsCommand extends CommandSupport implements Callable<Integer> {

    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }

    @Command(name = "list", description = "List all accounts with their capital, sleeves and window.", mixinStandardHelpOptions = true)
    static final class ListCommand extends CommandSupport implements Callable<Integer> {
        @Option(names = "--json", description = "Print machine-readable JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (AppContext context = openContext()) {
                List<Account> accounts = context.accounts().accounts();
                Function<AccountId, SyncState> sync = id -> context.ledgers().forAccount(id).syncState();
                out().print(json ? Json.write(accounts.stream().map(a -> AccountViews.json(a, sync.apply(a.id()))).toList()) + "\n"
                        : AccountViews.table(accounts, sync));
                out().flush();
                return 0;
            }
        }
    }

    @Command(name = "show", description = "Show one account's configuration and its latest audit lines.", mixinStandardHelpOptions = true)
    static final class ShowCommand extends CommandSupport implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The account id, e.g. account-1.")
        String id;

        @Option(names = "--json", description = "Print machine-readable JSON.")
        boolean json;

        @Option(names = "--audit", paramLabel = "N", defaultValue = "10", description = "How many of the latest audit lines to show (default: ${DEFAULT-VALUE}).")
        int auditLines;

        @Override
        public Integer call() {
            if (!AccountId.isValid(id)) {
                err().println("Error: '" + id + "' is not an account id. Run `accounts list` to see the ids.");
                return 2;
            }
            try (AppContext context = openContext()) {
                var account = context.accounts().find(new AccountId(id));
                if (account.isEmpty()) {
                    err().println("Error: no account with id '" + id + "'. Run `accounts list` to see the ids.");
                    return 1;
                }
                SyncState sync = context.ledgers().forAccount(account.get().id()).syncState();
                io.alluse.domain.fork.LineageBook lineage = context.forks().book();
                if (json) {
                    var view = new java.util.LinkedHashMap<>(AccountViews.json(account.get(), sync));
                    view.put("lineage", AccountViews.lineageJson(account.get(), lineage));
                    out().println(Json.write(view));
                } else {
                    out().print(AccountViews.details(account.get(), sync));
                    out().print(AccountViews.lineage(account.get(), lineage));
                    List<AuditEvent> audit = context.ledgers().forAccount(account.get().id()).audit();
                    out().println("  audit log (latest " + Math.min(auditLines, audit.size()) + " of " + audit.size() + ")");
                    for (AuditEvent e : audit.subList(Math.max(0, audit.size() - auditLines), audit.size())) {
                        out().println("    " + e.at() + "  " + e.kind() + "  " + e.summary());
                    }
                }
                out().flush();
                return 0;
            }
        }
    }
}
