package io.alluse.broker.alpaca;

import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's HTTP conversation with Alpaca's trading API: authentication headers, timeouts,
 * waiting out rate limits, and turning every failure into a {@link BrokerException} whose message
 * a user can act on. Logs method, path and status only, never headers or bodies.
 */
final class AlpacaHttp {

    /** Waiting, replaceable in tests so that no test sleeps. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(AlpacaHttp.class);

    private final AlpacaSettings settings;
    private final AlpacaCredentials credentials;
    private final HttpClient client;
    private final Pause pause;

    AlpacaHttp(AlpacaSettings settings, AlpacaCredentials credentials, HttpClient client, Pause pause) {
        this.settings = settings;
        this.credentials = credentials;
        this.client = client;
        this.pause = pause;
    }

    static HttpClient defaultClient(AlpacaSettings settings) {
        return HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER) // never carry the key headers to another host
                .build();
    }

    AlpacaSettings settings() {
        return settings;
    }

    Object get(String path) {
        return parse("GET", path, call("GET", path, null));
    }

    /** GET that answers empty for 404 (an order we do not know). */
    Optional<Object> find(String path) {
        try {
            return Optional.of(get(path));
        } catch (AlpacaRefusal e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    Object post(String path, String json) {
        return parse("POST", path, call("POST", path, json));
    }

    void delete(String path) {
        call("DELETE", path, null);
    }

    private Object parse(String method, String path, String body) {
        try {
            return JsonReader.parse(body);
        } catch (IllegalArgumentException e) {
            throw unreadable(method, path, e);
        }
    }

    BrokerException unreadable(String method, String path, IllegalArgumentException e) {
        return new BrokerException(Kind.UNAVAILABLE, "Alpaca sent an answer this version cannot read (" + method + " " + path + ": "
                + credentials.redact(e.getMessage()) + "). Try again later; if it persists, Alpaca may have changed its API.");
    }

    private String call(String method, String path, String json) {
        URI uri = settings.base().resolve(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("APCA-API-KEY-ID", credentials.keyId())
                .header("APCA-API-SECRET-KEY", credentials.secretKey())
                .header("Accept", "application/json");
        HttpRequest request = switch (method) {
            case "GET" -> builder.GET().build();
            case "DELETE" -> builder.DELETE().build();
            default -> builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        };
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = send(request, method, path);
            int status = response.statusCode();
            log.debug("Alpaca {} {} -> {}", method, path, status);
            if (status >= 200 && status < 300) {
                return response.body();
            }
            if (status == 429) {
                Duration wait = retryAfter(response, attempt);
                if (attempt >= settings.maxRetries() || wait.compareTo(settings.maxWait()) > 0) {
                    throw new AlpacaRefusal(Kind.RATE_LIMITED, "Alpaca asks to slow down (429, rate limit) and " + (attempt >= settings.maxRetries()
                            ? "still did after " + attempt + " waits" : "asks to wait " + wait.toSeconds() + " s")
                            + "; the account retries later.", 429, 0);
                }
                log.info("Alpaca rate limit on {} {}: waiting {} ms", method, path, wait.toMillis());
                try {
                    pause.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BrokerException(Kind.UNAVAILABLE, "Interrupted while waiting out Alpaca's rate limit.");
                }
                continue;
            }
            throw refusal(method, path, status, response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest request, String method, String path) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new BrokerException(Kind.TIMEOUT, "Alpaca did not answer " + method + " " + path + " within "
                    + settings.timeout().toSeconds() + " s; the account retries later.", e);
        } catch (ConnectException e) {
            throw new BrokerException(Kind.UNAVAILABLE, "Cannot reach Alpaca at " + settings.base().getHost()
                    + ": is the network down? The account retries later.", e);
        } catch (IOException e) {
            throw new BrokerException(Kind.UNAVAILABLE, "The connection to Alpaca broke during " + method + " " + path
                    + " (" + credentials.redact(String.valueOf(e.getMessage())) + "); the account retries later.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(Kind.UNAVAILABLE, "Interrupted while waiting for Alpaca.", e);
        }
    }

    /** Retry-After in seconds if sent, else X-RateLimit-Reset (epoch seconds), else 1, 2, 4... seconds. */
    private static Duration retryAfter(HttpResponse<String> response, int attempt) {
        Optional<String> after = response.headers().firstValue("Retry-After");
        if (after.isPresent()) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(after.get().trim())));
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall through to the other hints
            }
        }
        Optional<String> reset = response.headers().firstValue("X-RateLimit-Reset");
        if (reset.isPresent()) {
            try {
                long seconds = Long.parseLong(reset.get().trim()) - java.time.Instant.now().getEpochSecond();
                return Duration.ofSeconds(Math.max(1, seconds));
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return Duration.ofSeconds(1L << Math.min(attempt, 5));
    }

    private AlpacaRefusal refusal(String method, String path, int status, String body) {
        long code = 0;
        String said = "";
        try {
            JsonObject error = JsonObject.of(JsonReader.parse(body), "the error");
            code = error.optDecimal("code").map(java.math.BigDecimal::longValue).orElse(0L);
            said = error.optText("message").orElse("");
        } catch (IllegalArgumentException notJson) {
            said = body == null ? "" : body.strip();
        }
        said = credentials.redact(said.length() > 300 ? said.substring(0, 300) + "\u2026" : said);
        String lower = said.toLowerCase(Locale.ROOT);
        String quoted = said.isEmpty() ? "" : ": \"" + said + "\"";
        String env = settings.mode() == AlpacaMode.PAPER ? "paper" : "live";
        if (status == 401) {
            return new AlpacaRefusal(Kind.AUTHENTICATION, "Alpaca refused the API keys (401" + quoted + "). Check the key id and secret, and that they are "
                    + env + "-trading keys.", status, code);
        }
        if (lower.contains("buying power") || lower.contains("insufficient")) {
            return new AlpacaRefusal(Kind.INSUFFICIENT_FUNDS, "Alpaca: not enough buying power for this order (" + status + quoted + ").", status, code);
        }
        if (lower.contains("option") && (lower.contains("not approved") || lower.contains("not enabled") || lower.contains("level")
                || lower.contains("not eligible") || lower.contains("not allowed"))) {
            return new AlpacaRefusal(Kind.NOT_APPROVED, "Alpaca: this account is not approved for this options trade (" + status + quoted
                    + "). Request options trading (level 1 or higher) in Alpaca's dashboard.", status, code);
        }
        if (lower.contains("market") && (lower.contains("closed") || lower.contains("not open"))) {
            return new AlpacaRefusal(Kind.MARKET_CLOSED, "Alpaca: the market is closed for this order (" + status + quoted + ").", status, code);
        }
        if (status == 403) {
            return new AlpacaRefusal(Kind.AUTHENTICATION, "Alpaca denied access (403" + quoted + "). Check that the keys are " + env
                    + "-trading keys and that the account is active.", status, code);
        }
        if (status == 404) {
            return new AlpacaRefusal(Kind.NOT_FOUND, "Alpaca does not know " + path + " (404" + quoted + ").", status, code);
        }
        if (status >= 500) {
            return new AlpacaRefusal(Kind.UNAVAILABLE, "Alpaca is having trouble (" + status + quoted + "); the account retries later.", status, code);
        }
        return new AlpacaRefusal(Kind.REJECTED, "Alpaca refused " + method + " " + path + " (" + status + quoted + ").", status, code);
    }
}
