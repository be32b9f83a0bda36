package io.alluse.engine;

import io.alluse.store.SettingsRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The engine with Alpaca accounts in a JVM of its own, for {@link AlpacaEngineCrashTest}, which kills
 * it at random moments. Arguments: data folder, simulator URL, number of accounts, first start,
 * end. Each run continues from the simulated time it saved last and runs one week (at most to the end).
 */
public final class AlpacaCrashChild {

    static final String CLOCK = "alpaca-crash.clock";
    static final long SEED = 77;

    private AlpacaCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        URI alpaca = URI.create(args[1]);
        int accounts = Integer.parseInt(args[2]);
        Instant first = Instant.parse(args[3]);
        Instant end = Instant.parse(args[4]);
        HttpClient http = HttpClient.newHttpClient();
        try (AlpacaEngineFixture f = new AlpacaEngineFixture(data, SEED, first, alpaca)) {
            SettingsRepository settings = new SettingsRepository(f.database);
            Instant from = settings.get(CLOCK).map(Instant::parse).orElse(first);
            f.clock.setTo(from);
            postClock(http, alpaca, from);
            // saved first, then Alpaca told: Alpaca's clock is never ahead of where a restart resumes... except for lost H2 writes
            f.engine.onStep(t -> {
                settings.put(CLOCK, t.toString());
                postClock(http, alpaca, t);
            });
            for (int n = f.accounts.accounts().size() + 1; n <= accounts; n++) {
                f.createAccount(n);
            }
            f.engine.load();
            Instant until = from.plus(Duration.ofDays(7)).isBefore(end) ? from.plus(Duration.ofDays(7)) : end;
            f.engine.runUntil(until);
            settings.put(CLOCK, until.toString());
        }
        System.exit(0);
    }

    private static void postClock(HttpClient http, URI alpaca, Instant t) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(alpaca.resolve("/test/clock")).POST(HttpRequest.BodyPublishers.ofString(t.toString()))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 204) {
                throw new IllegalStateException("the simulator refused the clock: " + r.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
