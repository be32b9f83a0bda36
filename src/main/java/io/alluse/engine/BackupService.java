package io.alluse.engine;

import io.alluse.store.Backups;
import io.alluse.store.Database;
import java.time.InstantSource;
import java.util.List;

/** Backups of the open database, for the UI and the command line. */
public final class BackupService {

    private final Database db;
    private final Backups backups;
    private final InstantSource clock;

    public BackupService(Database db, Backups backups, InstantSource clock) {
        this.db = db;
        this.backups = backups;
        this.clock = clock;
    }

    public Backups.Backup takeNow(String reason) {
        return backups.take(db, reason, clock.instant());
    }

    public List<Backups.Backup> list() {
        return backups.list();
    }

    public java.nio.file.Path folder() {
        return backups.folder();
    }
}
