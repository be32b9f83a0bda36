package io.alluse.app;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.engine.Engine;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Pause, resume and close one account from the command line. They go through the engine's own
 * actions (the same as the window's), so closing cancels the account's open orders at its broker
 * and every change is persisted and audited.
 */
final class AccountStatusCommands {

    private AccountStatusCommands() {
    }

    /** The shared part: check the id, load the engine's workers, run one action, print the result. */
    abstract static class StatusCommand extends CommandSupport implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The account id, e.g. account-1.")
        String id;

        abstract String verb();

        /** Why the action makes no sense for this account right now, if it does not. */
        abstract Optional<String> refusal(Account account);

        abstract CompletableFuture<Account> act(Engine engine, AccountId id);

        boolean confirmed() {
            return true;
        }

        @Override
        public Integer call() {
            if (!AccountId.isValid(id)) {
                err().println("Error: '" + id + "' is not an account id. Run `accounts list` to see the ids.");
                return 2;
            }
            if (!confirmed()) {
                err().println("Error: closing " + id + " stops its trading for good and cancels its open orders. Add --yes to confirm.");
                return 2;
            }
            try (AppContext context = openContext()) {
                Optional<Account> account = context.accounts().find(new AccountId(id));
                if (account.isEmpty()) {
                    err().println("Error: no account with id '" + id + "'. Run `accounts list` to see the ids.");
                    return 1;
                }
                Optional<String> refused = refusal(account.get());
                if (refused.isPresent()) {
                    err().println("Error: " + refused.get());
                    return 1;
                }
                Engine engine = context.engine();
                engine.load();
                Account changed = act(engine, account.get().id()).get(60, TimeUnit.SECONDS);
                out().println(changed.id() + " is now " + changed.status() + ".");
                out().flush();
                return 0;
            } catch (ExecutionException e) {
                err().println("Error: could not " + verb() + " " + id + ": " + e.getCause().getMessage());
                return 1;
            } catch (TimeoutException e) {
                err().println("Error: " + verb() + " " + id + " did not finish within 60 s (is its broker reachable?). Nothing was changed.");
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }

        static Optional<String> unless(boolean ok, String why) {
            return ok ? Optional.empty() : Optional.of(why);
        }
    }

    @Command(name = "pause", description = "Pause an account: no new cycles until resumed (its broker is still synced).", mixinStandardHelpOptions = true)
    static final class Pause extends StatusCommand {
        @Override
        String verb() {
            return "pause";
        }

        @Override
        Optional<String> refusal(Account a) {
            return unless(a.status() == AccountStatus.ACTIVE, a.id() + " is " + a.status().name().toLowerCase(java.util.Locale.ROOT) + ", not active; only an active account can be paused.");
        }

        @Override
        CompletableFuture<Account> act(Engine engine, AccountId id) {
            return engine.pause(id);
        }
    }

    @Command(name = "resume", description = "Resume a paused account.", mixinStandardHelpOptions = true)
    static final class Resume extends StatusCommand {
        @Override
        String verb() {
            return "resume";
        }

        @Override
        Optional<String> refusal(Account a) {
            return unless(a.status() == AccountStatus.PAUSED, a.id() + " is " + a.status().name().toLowerCase(java.util.Locale.ROOT) + ", not paused; only a paused account can be resumed.");
        }

        @Override
        CompletableFuture<Account> act(Engine engine, AccountId id) {
            return engine.resume(id);
        }
    }

    @Command(name = "close", description = "Close an account for good: cancels its open orders, keeps its history.", mixinStandardHelpOptions = true)
    static final class Close extends StatusCommand {
        @Option(names = "--yes", description = "Confirm closing; without it nothing happens.")
        boolean yes;

        @Override
        String verb() {
            return "close";
        }

        @Override
        boolean confirmed() {
            return yes;
        }

        @Override
        Optional<String> refusal(Account a) {
            return unless(a.status() != AccountStatus.CLOSED, a.id() + " is already closed.");
        }

        @Override
        CompletableFuture<Account> act(Engine engine, AccountId id) {
            return engine.close(id);
        }
    }
}
