package io.alluse.secrets;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/** For tests elsewhere that need an {@link OsKeychain} object of this OS (its library loaded, not necessarily answering). */
public final class KeychainTesting {

    private KeychainTesting() {
    }

    /**
     * This OS's keychain for a data folder; skipped where its library is missing, failed instead
     * under {@code ALLUSE_REQUIRE_KEYCHAIN=1} (.ci/run).
     */
    public static OsKeychain keychainFor(Path dataDir) {
        var keychain = OsKeychain.forThisOs(OsKeychain.serviceFor(dataDir));
        if (keychain.isEmpty()) {
            String why = "no OS keychain library here (Linux: apt-get install libsecret-1-0)";
            if (LinuxSecretServiceTest.required()) {
                fail(why + ": ALLUSE_REQUIRE_KEYCHAIN=1 requires it");
            }
            assumeTrue(false, why);
        }
        return keychain.get();
    }
}
