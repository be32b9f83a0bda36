package io.alluse.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFileTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesLeavingNothingBeside() throws IOException {
        Path target = dir.resolve("tx.csv");
        ExportFile.writeAtomically(target, "a,b\r\n1,2\r\n");
        ExportFile.writeAtomically(target, "a,b\r\n3,4\r\n");
        assertThat(Files.readString(target)).isEqualTo("a,b\r\n3,4\r\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedMoveLeavesNoPartFileAndTheOldContentAsItWas() throws IOException {
        // a non-empty folder where the file should go: the final move fails after the text was written
        Path target = Files.createDirectories(dir.resolve("tx.csv"));
        Path inside = Files.writeString(target.resolve("keep.txt"), "kept");
        assertThatThrownBy(() -> ExportFile.writeAtomically(target, "a,b\r\n")).isInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        assertThat(Files.readString(inside)).isEqualTo("kept");
    }

    @Test
    void problemsNameTheCauseAndTheFix() throws IOException {
        assertThat(ExportFile.problem(dir.resolve("ok.csv"))).isEmpty();
        assertThat(ExportFile.problem(dir)).get().asString().contains("is a folder").contains(dir.resolve("export.csv").toString());
        assertThat(ExportFile.problem(dir.resolve("missing").resolve("x.csv"))).get().asString()
                .isEqualTo("the folder " + dir.resolve("missing") + " does not exist; create it or choose another folder.");
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        assertThat(ExportFile.problem(file.resolve("x.csv"))).get().asString().contains("does not exist");
    }
}
