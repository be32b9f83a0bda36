package io.alluse.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backups of the database into {@code backups/} beside it (H2's {@code BACKUP TO}, which
 * copies a consistent state while the app keeps working), keeping the newest {@link #keep}.
 * A restore needs the database closed: it first backs up the current state, then swaps the file.
 */
public final class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    public static final int DEFAULT_KEEP = 10;
    public static final String FOLDER = "backups";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** One backup file; {@code takenAt} is read from its name (UTC). */
    public record Backup(Path file, Instant takenAt, long bytes, String reason) {
    }

    private final Path dataDir;
    private final int keep;

    public Backups(Path dataDir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one backup");
        }
        this.dataDir = dataDir;
        this.keep = keep;
    }

    public Path folder() {
        return dataDir.resolve(FOLDER);
    }

    /** Takes an online backup of the open database; {@code reason} (e.g. "startup") goes into the file name. */
    public Backup take(Database db, String reason, Instant now) {
        String tag = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        Path target = folder().resolve("alluse-" + STAMP.format(now) + "-" + tag + ".zip");
        try {
            Files.createDirectories(folder());
            while (Files.exists(target)) {
                now = now.plusMillis(1);
                target = folder().resolve("alluse-" + STAMP.format(now) + "-" + tag + ".zip");
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the backup folder " + folder() + ": " + e.getMessage(), e);
        }
        db.execute("BACKUP TO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        verify(target);
        prune();
        Backup backup = describe(target).orElseThrow();
        log.info("Backup taken: {} ({} bytes)", target, backup.bytes());
        return backup;
    }

    /** Newest first. */
    public List<Backup> list() {
        List<Backup> result = new ArrayList<>();
        if (!Files.isDirectory(folder())) {
            return result;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder(), "alluse-*.zip")) {
            for (Path f : files) {
                describe(f).ifPresent(result::add);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot list backups in " + folder() + ": " + e.getMessage(), e);
        }
        result.sort(Comparator.comparing(Backup::takenAt).reversed().thenComparing(b -> b.file().getFileName().toString(), Comparator.reverseOrder()));
        return result;
    }

    private void prune() {
        List<Backup> all = list();
        for (Backup old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old.file());
            } catch (IOException e) {
                log.warn("Could not delete old backup {}: {}", old.file(), e.getMessage());
            }
        }
    }

    /**
     * Puts {@code backup} in place of the database, which must be closed (the caller holds the data
     * folder's lock and has no {@link Database} open). The current database is backed up first as a
     * plain copy ({@code pre-restore}) so that a restore can itself be undone.
     */
    public Backup restore(Path backup) {
        verify(backup);
        Path live = dataDir.resolve(Database.FILE_NAME);
        Backup safety = null;
        try {
            Files.createDirectories(folder());
            if (Files.exists(live)) {
                Path copy = folder().resolve("alluse-" + STAMP.format(Instant.now()) + "-pre-restore.zip");
                zipSingleFile(live, copy);
                safety = describe(copy).orElse(null);
            }
            Path incoming = dataDir.resolve(Database.FILE_NAME + ".restoring");
            try (ZipFile zip = new ZipFile(backup.toFile()); InputStream in = zip.getInputStream(zip.getEntry(Database.FILE_NAME))) {
                Files.copy(in, incoming, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(incoming, live, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("Restored {} from {}", live, backup);
            return safety;
        } catch (IOException e) {
            throw new StoreException("Restore from " + backup + " failed: " + e.getMessage()
                    + (safety == null ? "" : ". The database as it was is saved in " + safety.file()), e);
        }
    }

    private static void zipSingleFile(Path file, Path zipFile) throws IOException {
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zipFile))) {
            out.putNextEntry(new ZipEntry(file.getFileName().toString()));
            Files.copy(file, out);
            out.closeEntry();
        }
    }

    /** A backup must be a zip holding the database file; anything else is refused before it can do harm. */
    static void verify(Path backup) {
        if (!Files.isRegularFile(backup)) {
            throw new StoreException("Backup file " + backup + " does not exist.");
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry entry = zip.getEntry(Database.FILE_NAME);
            if (entry == null) {
                throw new StoreException(backup + " is not an ALL-USE Workstation backup: it holds no " + Database.FILE_NAME + ".");
            }
        } catch (IOException e) {
            throw new StoreException(backup + " is not a readable backup (not a zip file): " + e.getMessage(), e);
        }
    }

    private static java.util.Optional<Backup> describe(Path f) {
        String name = f.getFileName().toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("alluse-(\\d{8}-\\d{6}-\\d{3})-?(.*)\\.zip").matcher(name);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        try {
            Instant at = STAMP.parse(m.group(1), Instant::from);
            return java.util.Optional.of(new Backup(f, at, Files.size(f), m.group(2)));
        } catch (RuntimeException | IOException e) {
            return java.util.Optional.empty();
        }
    }
}
