package io.alluse.ui;

import io.alluse.analytics.Exports;
import io.alluse.engine.AccountService;
import io.alluse.engine.BackupService;
import io.alluse.engine.Engine;
import io.alluse.engine.PaperBrokerages;
import io.alluse.engine.TimeControl;
import io.alluse.market.MarketView;
import io.alluse.store.LedgerStore;
import io.alluse.store.SnapshotRepository;
import java.nio.file.Path;

/**
 * Everything the UI may use, handed over by the app at start. Views never reach the database or
 * a broker by any other way.
 *
 * @param engine     runs the accounts: status, pause/resume/run now/close, events for notifications
 * @param paperClock the simulated clock's speed (pause, real time, faster) in paper mode
 * @param paperDesk  "at the broker" in paper mode: deposits and withdrawals the engine then detects
 * @param market     quotes, greeks and closes (charts, benchmark) as the accounts' broker sees them
 * @param exports    transactions and realized-gains CSV text, the same as the {@code export} command writes
 * @param analytics  metrics and comparisons from the snapshots: the same service the command line's reports use
 * @param notificationLog the notifications shown, kept across restarts for the notifications panel
 */
public record WorkstationServices(
        String appName,
        String version,
        Path dataDir,
        Path logDir,
        Path uiSettingsFile,
        AccountService accounts,
        LedgerStore ledgers,
        BackupService backups,
        Engine engine,
        TimeControl.Simulated paperClock,
        PaperBrokerages paperDesk,
        SnapshotRepository snapshots,
        MarketView market,
        Exports exports,
        io.alluse.analytics.PortfolioAnalytics analytics,
        io.alluse.store.NotificationLog notificationLog) {
}
