package io.alluse.app;

import io.alluse.ui.WorkstationServices;
import io.alluse.ui.shell.Workstation;
import io.alluse.engine.EngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "alluse",
        description = {"ALL-USE Workstation: runs the ALL-USE options method across independent brokerage accounts.",
                "Without a command it opens the workstation window."},
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        subcommands = {AccountsCommand.class, ForksCommand.class, RunCommand.class, BacktestCommand.class, ExportCommand.class, BackupCommand.class, RestoreCommand.class})
final class RootCommand extends CommandSupport implements Callable<Integer> {

    private static final Duration FIRST_FRAME_WAIT = Duration.ofSeconds(10);

    @Option(names = "--smoke-test", paramLabel = "PNG",
            description = "Open the main window, save a screenshot of it to PNG and exit (checks an installation).")
    Path smokeTest;

    /**
     * Shows the window first and opens the database, the paper market and the engine behind it
     * (issue 7: the window within 2 s; opening Hibernate alone takes longer). Only the folder lock
     * is taken before, so that a second instance is refused at once with a clear message. The open
     * starts when the first frame is shown: on two cores the Hibernate bootstrap beside the JavaFX
     * toolkit slowed the first frame by a second or more (decision 0023).
     */
    @Override
    public Integer call() {
        AppPaths paths = paths();
        AppInfo info = AppInfo.load();
        InstanceLock lock = InstanceLock.acquire(paths.dataDir());
        CompletableFuture<AppContext> opening = new CompletableFuture<>();
        CountDownLatch firstFrame = new CountDownLatch(1);
        Thread.ofPlatform().name("startup").daemon(true).start(() -> {
            try {
                // bounded: a window that never renders must not keep the data closed for good
                firstFrame.await(FIRST_FRAME_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                AppContext context = AppContext.open(paths, AppContext.PaperOptions.DEFAULT, EngineSettings.DEFAULT, lock);
                try {
                    context.backups().takeNow("startup");
                    context.accounts().ensureFirstAccount();
                    context.engine().load();
                } catch (RuntimeException e) {
                    context.close();
                    throw e;
                }
                opening.complete(context);
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        });
        CompletableFuture<WorkstationServices> services = opening.thenApply(context -> new WorkstationServices(info.name(), info.version(),
                paths.dataDir(), paths.logDir(), paths.uiSettings(), context.accounts(), context.ledgers(), context.backups(),
                context.engine(), context.time(), context.brokerages(), context.snapshots(), context.market(), context.exports(), context.analytics(),
                context.notificationLog()));
        try {
            return Workstation.run(new Workstation.Launch(info.name(), info.version(), paths.dataDir(), paths.uiSettings()), services,
                    smokeTest, () -> {
                        StartupTime.firstFrameShown();
                        firstFrame.countDown();
                    }, StartupTime::mainWindowReady);
        } finally {
            firstFrame.countDown();
            // the window may close before the database finished opening: wait for it, then close it properly
            try {
                opening.join().close();
            } catch (java.util.concurrent.CompletionException e) {
                // already reported in the window and the log; the lock was released with the failure
            }
        }
    }

    /**
     * The window launch without the command line parser: no arguments, or only {@code --data-dir DIR}
     * and {@code --smoke-test PNG} (either as {@code --name=value}). Anything else (a command, help,
     * a typo) goes through picocli, which explains it.
     */
    static java.util.Optional<RootCommand> windowLaunch(String[] args) {
        RootCommand root = new RootCommand();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            String value;
            if (eq > 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return java.util.Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-")) {
                return java.util.Optional.empty();
            }
            switch (name) {
                case "--data-dir" -> root.dataDirOption.dataDir = Path.of(value);
                case "--smoke-test" -> root.smokeTest = Path.of(value);
                default -> {
                    return java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.of(root);
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            AppInfo info = AppInfo.load();
            return new String[] {info.name() + " " + info.version(), "Java " + Runtime.version()};
        }
    }
}
