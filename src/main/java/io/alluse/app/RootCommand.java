package io.alluse.app;

import io.alluse.ui.WorkstationServices;
import io.alluse.ui.shell.Workstation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "alluse",
        description = {"ALL-USE Workstation: runs the ALL-USE options method across independent brokerage accounts.",
                "Without a command it opens the workstation window."},
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        subcommands = {AccountsCommand.class, RunCommand.class, BacktestCommand.class, ExportCommand.class, BackupCommand.class, RestoreCommand.class})
final class RootCommand extends CommandSupport implements Callable<Integer> {

    @Option(names = "--smoke-test", paramLabel = "PNG",
            description = "Open the main window, save a screenshot of it to PNG and exit (checks an installation).")
    Path smokeTest;

    @Override
    public Integer call() {
        AppPaths paths = paths();
        try (AppContext context = AppContext.open(paths, AppContext.PaperOptions.DEFAULT)) {
            context.backups().takeNow("startup");
            context.accounts().ensureFirstAccount();
            context.engine().load();
            context.engine().start();
            WorkstationServices services = new WorkstationServices(AppInfo.load().name(), AppInfo.load().version(),
                    paths.dataDir(), paths.logDir(), paths.uiSettings(), context.accounts(), context.ledgers(), context.backups(),
                    context.engine(), context.time(), context.brokerages(), context.snapshots(), context.market());
            return Workstation.run(services, smokeTest, StartupTime::firstFrameShown);
        }
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            AppInfo info = AppInfo.load();
            return new String[] {info.name() + " " + info.version(), "Java " + Runtime.version()};
        }
    }
}
