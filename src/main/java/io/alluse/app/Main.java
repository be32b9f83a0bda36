package io.alluse.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the app and its command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // exit explicitly: after the window closes, JavaFX and pool threads must not keep the JVM alive
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one invocation and returns its exit code: 0 done, 1 failed, 2 refused input. Never calls System.exit. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // before any class that logs is loaded: the log files belong in the data folder given (or the OS's)
        Logging.init(dataDirIn(args).map(AppPaths::forDataDir).orElseGet(AppPaths::osDefaults));
        java.util.Optional<RootCommand> window = RootCommand.windowLaunch(args);
        if (window.isPresent()) {
            // a desktop launch (no command): building picocli's tree of every command and option was half
            // of the main thread's work before the first frame (decision 0023), so the window goes first
            return window.get().call();
        }
        CommandLine cli = commandLine();
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cli.execute(args);
    }

    /** {@code --data-dir DIR} or {@code --data-dir=DIR} anywhere on the command line. */
    static java.util.Optional<java.nio.file.Path> dataDirIn(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return java.util.Optional.of(java.nio.file.Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--data-dir=")) {
                return java.util.Optional.of(java.nio.file.Path.of(args[i].substring("--data-dir=".length())));
            }
        }
        return java.util.Optional.empty();
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RootCommand());
        AccountsCreateCommand.addSleeveOptions(cli.getSubcommands().get("accounts").getSubcommands().get("create").getCommandSpec());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Expected failures (folder in use, bad backup file) get their message only; the log has the rest.
            commandLine.getErr().println("Error: " + message(e));
            org.slf4j.LoggerFactory.getLogger(Main.class).error("Command failed", e);
            return 1;
        });
        return cli;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
