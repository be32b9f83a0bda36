package io.alluse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which launches open the window without the command line parser, and which still go through it. */
class WindowLaunchTest {

    @Test
    void noArgumentsOrOnlyTheWindowsOwnOptionsOpenTheWindowDirectly() {
        assertThat(RootCommand.windowLaunch(new String[0])).hasValueSatisfying(r -> {
            assertThat(r.smokeTest).isNull();
            assertThat(r.dataDirOption.dataDir).isNull();
        });
        assertThat(RootCommand.windowLaunch(new String[] {"--data-dir", "/tmp/a", "--smoke-test", "/tmp/s.png"})).hasValueSatisfying(r -> {
            assertThat(r.dataDirOption.dataDir).isEqualTo(Path.of("/tmp/a"));
            assertThat(r.smokeTest).isEqualTo(Path.of("/tmp/s.png"));
        });
        assertThat(RootCommand.windowLaunch(new String[] {"--smoke-test=/tmp/s.png", "--data-dir=/tmp/b"})).hasValueSatisfying(r -> {
            assertThat(r.dataDirOption.dataDir).isEqualTo(Path.of("/tmp/b"));
            assertThat(r.smokeTest).isEqualTo(Path.of("/tmp/s.png"));
        });
    }

    @Test
    void commandsHelpVersionTyposAndMissingValuesGoThroughTheParserWhichExplainsThem() {
        for (String[] args : new String[][] {{"accounts", "list"}, {"--help"}, {"--version"}, {"-h"}, {"--data-dir"},
                {"--data-dir", "--smoke-test", "x.png"}, {"--smoke"}, {"--data-dir", "/tmp/a", "backup"}, {"--data-dir="}}) {
            assertThat(RootCommand.windowLaunch(args)).as(String.join(" ", args)).isEmpty();
        }
    }
}
