package io.alluse.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, accepted before or after the subcommand. */
final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder for the database, backups and logs (default: the OS's application-data folder).")
    Path dataDir;
}
