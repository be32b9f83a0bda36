package io.alluse.ui.secrets;

import io.alluse.domain.Account;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.BrokerKind;
import io.alluse.engine.AccountService;
import io.alluse.engine.Engine;
import io.alluse.secrets.SecretVault;
import io.alluse.secrets.VaultException;
import io.alluse.ui.common.UiExecutor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Unlocking the credential vault after a restart, so that the Alpaca accounts can reach Alpaca
 * again. The key derivation is slow on purpose (Argon2id), so it runs in the background; once the
 * vault is open every Alpaca account is retried at once instead of after its back-off.
 */
public final class VaultUnlockViewModel {

    static final String WRONG = "That passphrase does not open the credential vault. Check it and try again.";

    private final AccountService accounts;
    private final Engine engine;
    private final UiExecutor executor;
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper();

    public VaultUnlockViewModel(AccountService accounts, Engine engine, UiExecutor executor) {
        this.accounts = accounts;
        this.engine = engine;
        this.executor = executor;
        unlocked.set(accounts.vault().map(SecretVault::isUnlocked).orElse(false));
    }

    /**
     * At start-up: the vault file is the credential store (not the OS keychain), it exists, it is
     * locked, and an account that is not closed needs it.
     */
    public static boolean neededAtStart(AccountService accounts) {
        Optional<SecretVault> vault = accounts.vault();
        return vault.isPresent() && vault.get().exists() && !vault.get().isUnlocked() && !alpacaAccounts(accounts).isEmpty();
    }

    static List<Account> alpacaAccounts(AccountService accounts) {
        return accounts.accounts().stream()
                .filter(a -> a.status() != AccountStatus.CLOSED)
                .filter(a -> a.broker().kind() == BrokerKind.ALPACA_PAPER || a.broker().kind() == BrokerKind.ALPACA_LIVE)
                .toList();
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    /** Empty, or why the last attempt failed (never containing the passphrase). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unlockedProperty() {
        return unlocked.getReadOnlyProperty();
    }

    /** Number of accounts that stay in error while the vault is locked: for the dialog's wording. */
    public int waitingAccounts() {
        return alpacaAccounts(accounts).size();
    }

    /**
     * Called on the FX thread: takes the typed passphrase (and clears the field), then derives the
     * key in the background. A wrong passphrase leaves the vault locked and says so.
     */
    public void unlock() {
        Optional<SecretVault> vault = accounts.vault();
        if (busy.get() || vault.isEmpty()) {
            return;
        }
        String typed = passphrase.get() == null ? "" : passphrase.get();
        if (typed.isEmpty()) {
            message.set("Enter the passphrase of the credential vault.");
            return;
        }
        char[] chars = typed.toCharArray();
        passphrase.set("");
        message.set("");
        busy.set(true);
        executor.submit("Unlock the credential vault", () -> {
            try {
                vault.get().unlock(chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
            return retryAlpacaAccounts();
        }, retried -> {
            busy.set(false);
            unlocked.set(true);
        }, failure -> {
            busy.set(false);
            message.set(failure instanceof VaultException v && v.kind() == VaultException.Kind.WRONG_PASSPHRASE
                    ? WRONG : "The credential vault could not be opened: " + failure.getMessage());
        });
    }

    /** Asks the engine to retry each Alpaca account now; their health then turns OK as each sync succeeds. */
    private int retryAlpacaAccounts() {
        int asked = 0;
        for (Account a : alpacaAccounts(accounts)) {
            if (engine.runtime(a.id()).isPresent()) {
                // the outcome shows in the account's health; a failure here is the account's own (e.g. bad keys)
                engine.retryNow(a.id());
                asked++;
            }
        }
        return asked;
    }
}
