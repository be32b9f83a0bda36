package io.alluse.app;

import java.nio.file.Path;

/** Another instance works on this data folder; two writers would corrupt the ledger. */
public final class DataFolderInUseException extends RuntimeException {

    public DataFolderInUseException(Path dataDir, String pid) {
        super("The data folder " + dataDir + " is in use by another running ALL-USE Workstation"
                + (pid.isBlank() ? "" : " (process " + pid + ")")
                + ". Close that one first, or start with --data-dir to use another folder.");
    }
}
