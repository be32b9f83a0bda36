package io.alluse.app;

import io.alluse.store.Backups;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "backup", description = {"Take an online backup of the database now.",
        "Backups are kept in the data folder's backups/ (the newest " + Backups.DEFAULT_KEEP + "); the app also takes one at every start."},
        mixinStandardHelpOptions = true)
final class BackupCommand extends CommandSupport implements Callable<Integer> {

    @Override
    public Integer call() {
        try (AppContext context = openContext()) {
            Backups.Backup backup = context.backups().takeNow("manual");
            out().println("Backup written: " + backup.file() + " (" + backup.bytes() / 1024 + " KiB)");
            out().flush();
            return 0;
        }
    }
}
