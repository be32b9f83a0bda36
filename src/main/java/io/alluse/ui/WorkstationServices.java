package io.alluse.ui;

import io.alluse.engine.AccountService;
import io.alluse.engine.BackupService;
import io.alluse.store.LedgerStore;
import java.nio.file.Path;

/**
 * Everything the UI may use, handed over by the app at start. Views never reach the database or
 * a broker by any other way.
 */
public record WorkstationServices(
        String appName,
        String version,
        Path dataDir,
        Path logDir,
        Path uiSettingsFile,
        AccountService accounts,
        LedgerStore ledgers,
        BackupService backups) {
}
