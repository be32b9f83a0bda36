package io.alluse.app;

import io.alluse.engine.EngineEvent;
import io.alluse.market.calendar.ExchangeCalendar;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", description = {"Run the engine without the window, on the paper broker, printing what it does.",
        "With --weeks it stops by itself after that many simulated weeks."},
        mixinStandardHelpOptions = true, sortOptions = false)
final class RunCommand extends CommandSupport implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(java.time.ZoneId.of("America/New_York"));

    @Option(names = "--headless", required = true, description = "Run without the window (required: without a command the app opens its window).")
    boolean headless;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Simulated time per real time: 1 real time, 3600 an hour a second, max as fast as the work allows (default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--weeks", paramLabel = "N", description = "Stop after N simulated weeks.")
    Integer weeks;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the paper market (a new data folder only; default 20260101).")
    Long seed;

    @Option(names = "--start", paramLabel = "DATE", description = "Paper market date to start at (a new data folder only; default: now).")
    LocalDate start;

    @Option(names = "--accounts", paramLabel = "N", description = "Make sure at least N accounts exist, creating Account-k with the defaults and staggered windows.")
    Integer accounts;

    @Option(names = "--quiet", description = "Print only notifications (deposits, fills, assignments, errors, missed windows).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        double x = parseSpeed(speed);
        if (x < 0) {
            err().println("Error: --speed '" + speed + "' is not a speed: use a positive number such as 3600, or max.");
            return 2;
        }
        if (accounts != null && (accounts < 1 || accounts > 10_000)) {
            err().println("Error: --accounts must be between 1 and 10,000.");
            return 2;
        }
        if (weeks != null && weeks < 1) {
            err().println("Error: --weeks must be at least 1.");
            return 2;
        }
        Optional<Instant> firstStart = Optional.ofNullable(start).map(d -> d.atTime(8, 0).atZone(ExchangeCalendar.NEW_YORK).toInstant());
        try (AppContext context = AppContext.open(paths(), new AppContext.PaperOptions(Optional.ofNullable(seed), firstStart, x))) {
            PrintWriter out = out();
            context.accounts().ensureFirstAccount();
            for (int n = context.accounts().accounts().size(); accounts != null && n < accounts; n++) {
                context.accounts().create(context.accounts().newAccountDraft().withConfig(
                        context.accounts().newAccountDraft().config().withAllowOverlap(true)));
            }
            context.engine().events().subscribe(event -> print(out, event));
            context.engine().load();
            Instant from = context.time().now();
            out.println("Engine running on the paper broker from " + WHEN.format(from) + " New York, " + context.engine().runtime().size()
                    + " account(s), speed " + speed + (weeks == null ? "; Ctrl+C stops it." : ", for " + weeks + " week(s)."));
            out.flush();
            if (weeks != null) {
                context.engine().runUntil(from.plus(Duration.ofDays(7L * weeks)));
            } else {
                CountDownLatch stop = new CountDownLatch(1);
                Thread hook = new Thread(stop::countDown);
                Runtime.getRuntime().addShutdownHook(hook);
                context.engine().start();
                stop.await();
            }
            out.println("Stopped at " + WHEN.format(context.time().now()) + " New York.");
            out.flush();
            return 0;
        }
    }

    private void print(PrintWriter out, EngineEvent event) {
        if (quiet && !event.isNotification()) {
            return;
        }
        synchronized (out) {
            out.println(WHEN.format(event.at()) + "  " + event.message());
            out.flush();
        }
    }

    static double parseSpeed(String text) {
        if (text.equalsIgnoreCase("max")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(text);
            return v > 0 && v <= 1e7 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
