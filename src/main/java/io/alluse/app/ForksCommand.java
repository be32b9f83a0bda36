package io.alluse.app;

import io.alluse.domain.AccountId;
import io.alluse.domain.DomainException;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.engine.Forking;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "forks", description = "Act on ALL-USE forks (docs/decisions/0017, 0020, 0032).",
        subcommands = {ForksCommand.Release.class}, mixinStandardHelpOptions = true)
final class ForksCommand extends CommandSupport implements Callable<Integer> {

    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }

    /**
     * Ends by hand the reservation a linked fork holds in its parent when the user funded the fork from
     * elsewhere (docs/decisions/0032). Says what happens and asks for --yes first; nothing is sent to any broker.
     */
    @Command(name = "release", mixinStandardHelpOptions = true,
            description = {"Release the reservation a linked fork holds in its parent, when you funded the fork from elsewhere (e.g. a bank).",
                    "The parent's reserved Gen-Acc cash becomes deployable again at its next cycle; nothing is sent to any broker."})
    static final class Release extends CommandSupport implements Callable<Integer> {
        @Parameters(paramLabel = "FORK-ID", description = "The fork's account id, e.g. account-1-f1 (see `accounts show <parent>`).")
        String id;

        @Option(names = "--yes", description = "Confirm: release the reservation.")
        boolean yes;

        @Override
        public Integer call() {
            if (!AccountId.isValid(id)) {
                err().println("Error: '" + id + "' is not an account id. Run `accounts list` to see the ids.");
                return 2;
            }
            AccountId child = new AccountId(id);
            try (AppContext context = openContext()) {
                if (context.accounts().find(child).isEmpty()) {
                    err().println("Error: no account with id '" + id + "'. Run `accounts list` to see the ids.");
                    return 1;
                }
                Forking forking = context.engine().forking().orElseThrow();
                Optional<String> refused = forking.releaseRefusal(child);
                if (refused.isPresent()) {
                    err().println("Error: " + refused.get() + " Nothing was changed.");
                    return 1;
                }
                ForkRecord fork = context.forks().founding(child).orElseThrow();
                if (!yes) {
                    err().println("Releasing makes the " + fork.amount() + " reserved in " + fork.parent() + "'s Gen-Acc for " + child
                            + " deployable again at its next cycle; it stays in " + fork.parent() + " as its Gen-Acc's capital, so it is not forked again."
                            + " Nothing is sent to any broker. Only do this if you funded " + child + " from elsewhere and will not move "
                            + fork.amount() + " out of " + fork.parent() + "'s brokerage account. Add --yes to confirm.");
                    return 2;
                }
                ForkRecord released = context.engine().releaseReservation(child);
                out().println("Released: the " + released.amount() + " reserved in " + released.parent() + " for " + child
                        + " is deployable again from its next cycle. Nothing was sent to any broker.");
                out().flush();
                return 0;
            } catch (DomainException | io.alluse.store.StoreException e) {
                err().println("Error: " + e.getMessage() + " Nothing was changed.");
                return 1;
            }
        }
    }
}
