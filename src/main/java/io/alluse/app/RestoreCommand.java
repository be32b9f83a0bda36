package io.alluse.app;

import io.alluse.store.Backups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = {"Bring the database back to a backup.",
        "The app must be closed. The current state is saved first as a 'pre-restore' backup, so a restore can be undone."},
        mixinStandardHelpOptions = true)
final class RestoreCommand extends CommandSupport implements Callable<Integer> {

    @Parameters(paramLabel = "BACKUP", arity = "0..1", description = "A backup file, or its name in the backups folder.")
    String backup;

    @Option(names = "--latest", description = "Restore the newest backup.")
    boolean latest;

    @Option(names = "--list", description = "List the backups, newest first, and change nothing.")
    boolean list;

    @Override
    public Integer call() {
        AppPaths paths = paths();
        try (InstanceLock ignored = InstanceLock.acquire(paths.dataDir())) {
            Backups backups = new Backups(paths.dataDir(), Backups.DEFAULT_KEEP);
            List<Backups.Backup> all = backups.list();
            if (list || (backup == null && !latest)) {
                if (all.isEmpty()) {
                    out().println("No backups in " + backups.folder());
                }
                for (Backups.Backup b : all) {
                    out().printf("%s  %-12s %8d KiB  %s%n", b.takenAt(), b.reason(), b.bytes() / 1024, b.file().getFileName());
                }
                if (!list) {
                    out().println("Name one to restore, or use --latest.");
                }
                out().flush();
                return list ? 0 : 2;
            }
            Path chosen;
            if (latest) {
                if (all.isEmpty()) {
                    err().println("Error: there are no backups in " + backups.folder() + " to restore.");
                    return 1;
                }
                chosen = all.getFirst().file();
            } else {
                Path given = Path.of(backup);
                chosen = Files.exists(given) ? given : backups.folder().resolve(backup);
            }
            Backups.Backup safety = backups.restore(chosen);
            out().println("Restored " + chosen.getFileName() + ".");
            if (safety != null) {
                out().println("The state before the restore is saved as " + safety.file().getFileName() + " (restore it to undo).");
            }
            out().flush();
            return 0;
        }
    }
}
