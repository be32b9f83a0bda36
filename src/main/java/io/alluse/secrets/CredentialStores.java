package io.alluse.secrets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a data folder's credential store at start-up (docs/decisions/0022): the OS keychain
 * when it works, else the vault file. The choice never moves keys: a folder with a vault file
 * keeps the vault, and a folder whose keys went to the keychain keeps the keychain even when it
 * does not answer today (its accounts then say so, instead of finding an empty vault).
 */
public final class CredentialStores {

    private static final Logger log = LoggerFactory.getLogger(CredentialStores.class);
    /** The system property that overrides the choice: {@code auto} (default), {@code keychain} or {@code vault}. */
    public static final String PROPERTY = "alluse.credentials";
    /** A prompt to unlock the OS keychain may be showing: give the user time to answer it. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    private CredentialStores() {
    }

    public enum Preference {
        AUTO, KEYCHAIN, VAULT;

        /** From the system property's value; anything unknown is refused with the values that work. */
        public static Preference parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + " is not known: use auto, keychain or vault.");
            }
        }
    }

    public enum Choice {
        KEYCHAIN, VAULT
    }

    /**
     * The rule, apart from the systems it asks.
     *
     * @param vaultFileExists   the data folder has a vault file (keys are in it: keep it)
     * @param keysInKeychain    the folder has accounts whose keys were stored while no vault file existed
     * @param keychainLoads     this OS's keychain library is present
     * @param keychainWorks     asked only when needed: a store/read/remove round trip succeeds
     */
    public static Choice decide(Preference preference, boolean vaultFileExists, boolean keysInKeychain, boolean keychainLoads,
            BooleanSupplier keychainWorks) {
        if (!keychainLoads || preference == Preference.VAULT) {
            return Choice.VAULT;
        }
        if (preference == Preference.KEYCHAIN) {
            return Choice.KEYCHAIN;
        }
        if (vaultFileExists) {
            return Choice.VAULT;
        }
        if (keysInKeychain) {
            return Choice.KEYCHAIN;
        }
        return keychainWorks.getAsBoolean() ? Choice.KEYCHAIN : Choice.VAULT;
    }

    /**
     * The store for a data folder.
     *
     * @param vault          the folder's vault (used when the keychain is not)
     * @param service        the keychain service name of the folder ({@link OsKeychain#serviceFor})
     * @param keysInKeychain whether the folder has accounts with broker keys and no vault file
     * @param keychain       this OS's keychain, if its library loads ({@link OsKeychain#forThisOs})
     */
    public static CredentialStore choose(Preference preference, SecretVault vault, boolean keysInKeychain,
            Supplier<Optional<OsKeychain>> keychain, Duration probeTimeout) {
        Optional<OsKeychain> os = preference == Preference.VAULT ? Optional.empty() : keychain.get();
        Choice choice = decide(preference, vault.exists(), keysInKeychain, os.isPresent(), () -> os.get().works(probeTimeout));
        CredentialStore store = choice == Choice.KEYCHAIN ? os.orElseThrow() : vault;
        log.info("Broker credentials are kept in {}", store.where());
        return store;
    }

    /** The app's choice: the system property {@value #PROPERTY}, the data folder's vault file, and this OS's keychain. */
    public static CredentialStore forDataFolder(Path dataDir, Path vaultFile, boolean keysInKeychain) {
        Preference preference = Preference.parse(System.getProperty(PROPERTY));
        String service = OsKeychain.serviceFor(dataDir);
        return choose(preference, SecretVault.at(vaultFile), keysInKeychain && !Files.exists(vaultFile),
                () -> OsKeychain.forThisOs(service), PROBE_TIMEOUT);
    }
}
