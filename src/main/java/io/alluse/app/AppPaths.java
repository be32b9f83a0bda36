package io.alluse.app;

import dev.dirs.ProjectDirectories;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the app keeps its files. By default the OS's usual places (Linux: ~/.local/share and
 * ~/.local/state, macOS: ~/Library/Application Support and ~/Library/Logs, Windows: %APPDATA% and
 * %LOCALAPPDATA%); with {@code --data-dir} everything (database, backups, logs) goes into that folder.
 */
public record AppPaths(Path dataDir, Path logDir) {

    static final String APP_NAME = "alluse-workstation";

    public Path backupDir() {
        return dataDir.resolve("backups");
    }

    /** The encrypted credential vault (broker keys); never inside the database or its backups. */
    public Path credentialVault() {
        return dataDir.resolve("credentials.vault");
    }

    public Path uiSettings() {
        return dataDir.resolve("ui.properties");
    }

    public static AppPaths forDataDir(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return new AppPaths(dir, dir.resolve("logs"));
    }

    public static AppPaths osDefaults() {
        ProjectDirectories dirs = ProjectDirectories.from("io", "alluse", APP_NAME);
        Path data = Path.of(dirs.dataDir);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        Path logs;
        if (os.startsWith("mac")) {
            logs = home.resolve("Library/Logs").resolve(data.getFileName());
        } else if (os.startsWith("win")) {
            logs = Path.of(dirs.dataLocalDir).resolve("logs");
        } else {
            String state = System.getenv("XDG_STATE_HOME");
            logs = (state == null || state.isBlank() ? home.resolve(".local/state") : Path.of(state)).resolve(APP_NAME).resolve("logs");
        }
        return new AppPaths(data, logs);
    }
}
