package io.alluse.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command needs: where the data is, and where to print. */
abstract class CommandSupport {

    @Mixin
    DataDirOption dataDirOption = new DataDirOption();

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The leaf's {@code --data-dir} if given, else the one given before the subcommand, else the OS default. */
    AppPaths paths() {
        Path chosen = dataDirOption.dataDir;
        // spec is null for the window launch, which skips picocli (RootCommand.windowLaunch)
        for (CommandSpec s = spec == null ? null : spec.parent(); chosen == null && s != null; s = s.parent()) {
            if (s.userObject() instanceof CommandSupport parent) {
                chosen = parent.dataDirOption.dataDir;
            }
        }
        AppPaths paths = chosen == null ? AppPaths.osDefaults() : AppPaths.forDataDir(chosen);
        Logging.init(paths);
        return paths;
    }

    AppContext openContext() {
        return AppContext.open(paths(), AppContext.PaperOptions.DEFAULT);
    }

    static CommandLine commandLine(CommandSpec spec) {
        return spec.commandLine();
    }
}
