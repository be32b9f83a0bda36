package io.alluse.ui.wizard;

import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerKind;
import io.alluse.broker.alpaca.AlpacaMode;
import io.alluse.engine.AccountService;
import io.alluse.engine.BrokerSetup;
import io.alluse.engine.ConnectionCheck;
import io.alluse.secrets.Secret;
import io.alluse.secrets.SecretVault;
import io.alluse.secrets.VaultException;
import io.alluse.ui.common.UiExecutor;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The brokerage page: which kind of broker, and the result of testing the connection. A real
 * broker adds its settings (keys, paper or live) as properties here and their fields in
 * {@code BrokerStepView.settingsFor}; field keys starting with {@code broker} show on this page.
 */
public final class BrokerStepViewModel {

    private final AccountService accounts;
    private final UiExecutor executor;
    private final ObjectProperty<BrokerKind> kind = new SimpleObjectProperty<>(BrokerKind.PAPER);
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ConnectionCheck> result = new ReadOnlyObjectWrapper<>();
    private final StringProperty keyId = new SimpleStringProperty("");
    private final StringProperty secretKey = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final BooleanProperty liveConfirmed = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper vaultLocked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper vaultExists = new ReadOnlyBooleanWrapper();
    private int generation;
    /** What the Test button asks: the wizard's broker check, or linking's check that also weighs the cash (0020). */
    private java.util.function.BiFunction<BrokerSetup, AccountId, ConnectionCheck> checker;
    private List<BrokerKind> kinds = List.of(BrokerKind.values());

    BrokerStepViewModel(AccountService accounts, UiExecutor executor) {
        this.accounts = accounts;
        this.executor = executor;
        this.checker = accounts::checkBroker;
        // a result belongs to the broker it was tested against
        kind.addListener((obs, old, now) -> forget());
        keyId.addListener(o -> forget());
        secretKey.addListener(o -> forget());
        liveConfirmed.addListener(o -> forget());
        refreshVault();
    }

    /** Whether the keys go to the vault file (a passphrase is asked) rather than the OS keychain. */
    boolean usesVault() {
        return accounts.vault().isPresent();
    }

    /** For the user: where the keys will be kept (the OS keychain or the vault file). */
    String credentialsWhere() {
        return accounts.credentials().map(io.alluse.secrets.CredentialStore::where).orElse("the credential store");
    }

    private void refreshVault() {
        Optional<SecretVault> vault = accounts.vault();
        vaultLocked.set(vault.map(v -> !v.isUnlocked()).orElse(false));
        vaultExists.set(vault.map(SecretVault::exists).orElse(false));
    }

    /**
     * The brokerage as entered, or a message saying what is missing. The keys are read from the
     * fields when asked, so they sit in one place only until Create.
     */
    public Optional<BrokerSetup> setup() {
        BrokerKind k = kind.get();
        if (k == null || !k.needsCredentials()) {
            return Optional.of(new BrokerSetup.Paper());
        }
        if (missing() != null) {
            return Optional.empty();
        }
        AlpacaMode mode = k.isLive() ? AlpacaMode.LIVE : AlpacaMode.PAPER;
        return Optional.of(new BrokerSetup.Alpaca(mode, Secret.of(keyId.get().strip()), Secret.of(secretKey.get().strip()), liveConfirmed.get()));
    }

    /** What must still be entered for the chosen broker, or null. */
    String missing() {
        BrokerKind k = kind.get();
        if (k == null || !k.needsCredentials()) {
            return null;
        }
        if (keyId.get() == null || keyId.get().isBlank()) {
            return "Enter the Alpaca API key id (Alpaca dashboard: API keys).";
        }
        if (secretKey.get() == null || secretKey.get().isBlank()) {
            return "Enter the Alpaca API secret key.";
        }
        if (k.isLive() && !liveConfirmed.get()) {
            return "Live trading uses real money: tick the confirmation, or choose Alpaca paper trading.";
        }
        if (vaultLocked.get() && (passphrase.get() == null || passphrase.get().isEmpty())) {
            return vaultExists.get() ? "Enter the vault passphrase: the keys are stored encrypted under it."
                    : "Choose a vault passphrase (at least " + SecretVault.MIN_PASSPHRASE + " characters): the keys are stored encrypted under it.";
        }
        return null;
    }

    /** Whether Create may go ahead at this broker: paper always; a broker with keys only after a successful test. */
    boolean ready() {
        BrokerKind k = kind.get();
        return k != null && (!k.needsCredentials() || (result.get() != null && result.get().ok()));
    }

    /**
     * Read on the FX thread: the work that opens the vault with the typed passphrase if it is locked,
     * to run on a background thread (Argon2id takes a moment).
     */
    Runnable vaultUnlocker() {
        Optional<SecretVault> vault = accounts.vault();
        if (vault.isEmpty() || vault.get().isUnlocked() || kind.get() == null || !kind.get().needsCredentials()) {
            return () -> { };
        }
        char[] chars = passphrase.get() == null ? new char[0] : passphrase.get().toCharArray();
        return () -> {
            try {
                vault.get().unlock(chars);
            } finally {
                java.util.Arrays.fill(chars, '\0');
            }
        };
    }

    /** After a background unlock: the passphrase field is no longer needed. */
    void vaultChanged() {
        refreshVault();
        if (!vaultLocked.get()) {
            passphrase.set("");
        }
    }

    /** Drops a result (or a test under way) that no longer describes the account: broker or id changed. */
    void forget() {
        generation++;
        testing.set(false);
        result.set(null);
    }

    public List<BrokerKind> kinds() {
        return kinds;
    }

    /** Linking a waiting fork: only the brokers with credentials, tested by {@code check}. Call before the view is built. */
    void forLinking(List<BrokerKind> offered, java.util.function.BiFunction<BrokerSetup, AccountId, ConnectionCheck> check) {
        this.kinds = List.copyOf(offered);
        this.checker = check;
        kind.set(offered.getFirst());
    }

    /** Tests the chosen broker for the account about to be created, in the background. */
    public void testConnection(String accountId) {
        if (testing.get()) {
            return;
        }
        if (!AccountId.isValid(accountId == null ? null : accountId.trim())) {
            result.set(ConnectionCheck.failed("Enter a valid account id on the Basics page first",
                    "The brokerage account is named after the account id."));
            return;
        }
        String lacking = missing();
        if (lacking != null) {
            result.set(ConnectionCheck.failed("Not tested yet", lacking));
            return;
        }
        AccountId id = new AccountId(accountId.trim());
        BrokerKind tested = kind.get();
        BrokerSetup setup = setup().orElseThrow();
        int mine = ++generation;
        testing.set(true);
        result.set(null);
        Runnable unlock = vaultUnlocker();
        executor.submit("Testing " + tested.label(), () -> {
            try {
                unlock.run();
            } catch (VaultException e) {
                return ConnectionCheck.failed("The credential vault did not open", e.getMessage());
            }
            return checker.apply(setup, id);
        }, check -> {
            vaultChanged();
            if (mine == generation) {
                testing.set(false);
                result.set(check);
            }
        }, failure -> {
            if (mine == generation) {
                testing.set(false);
                result.set(ConnectionCheck.failed("Connection test failed", String.valueOf(failure.getMessage())));
            }
        });
    }

    public ObjectProperty<BrokerKind> kindProperty() {
        return kind;
    }

    public StringProperty keyIdProperty() {
        return keyId;
    }

    public StringProperty secretKeyProperty() {
        return secretKey;
    }

    /** The vault's master passphrase, asked while the vault is locked (once per session). */
    public StringProperty passphraseProperty() {
        return passphrase;
    }

    /** The user confirmed that a live account trades real money. */
    public BooleanProperty liveConfirmedProperty() {
        return liveConfirmed;
    }

    public ReadOnlyBooleanProperty vaultLockedProperty() {
        return vaultLocked.getReadOnlyProperty();
    }

    /** Whether the vault file exists (unlock) or will be created with the passphrase typed now. */
    public ReadOnlyBooleanProperty vaultExistsProperty() {
        return vaultExists.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** The last test's outcome, or null if not tested (since the broker was last changed). */
    public ReadOnlyObjectProperty<ConnectionCheck> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
