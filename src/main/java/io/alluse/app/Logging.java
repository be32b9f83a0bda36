package io.alluse.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Points the log files at the right folder; must run before the first logger is created. */
final class Logging {

    private Logging() {
    }

    static void init(AppPaths paths) {
        try {
            Files.createDirectories(paths.logDir());
        } catch (java.io.IOException e) {
            // logback reports the unwritable file itself; the app can still run
        }
        if (System.getProperty("alluse.log.dir") == null) {
            System.setProperty("alluse.log.dir", paths.logDir().toString());
        }
    }

    static Path logFile(AppPaths paths) {
        return paths.logDir().resolve("alluse.log");
    }
}
