package io.alluse.analytics.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where an export goes: the checks that can be made before any work (shared by the {@code export}
 * command and the export dialog, so both say the same thing) and the write that never leaves a
 * half-written file behind.
 */
public final class ExportFile {

    private ExportFile() {
    }

    /**
     * What is wrong with {@code target} as the file to write, or empty when it can be written.
     * The message does not name the field: the caller puts its own in front ({@code --out: }, {@code Output file: }).
     */
    public static Optional<String> problem(Path target) {
        Path file = target.toAbsolutePath();
        if (file.getFileName() == null) {
            return Optional.of(file + " is not a file name; give one, e.g. " + file.resolve("export.csv"));
        }
        if (Files.isDirectory(file)) {
            return Optional.of(target + " is a folder; give a file name, e.g. " + file.resolve("export.csv"));
        }
        Path parent = file.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return Optional.of("the folder " + parent + " does not exist; create it or choose another folder.");
        }
        if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
            return Optional.of("cannot write to " + file + " (permission denied); choose a folder you can write to.");
        }
        return Optional.empty();
    }

    /** Writes beside the target first and moves it into place, so a failure leaves no half file (and any old file as it was). */
    public static void writeAtomically(Path target, String text) throws IOException {
        Path file = target.toAbsolutePath();
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
