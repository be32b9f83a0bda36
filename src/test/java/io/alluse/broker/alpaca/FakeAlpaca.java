package io.alluse.broker.alpaca;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on the loopback interface that answers like Alpaca's trading API, from
 * scripted replies per method and path. Each route plays its replies in order and repeats the
 * last one. Replies may be slow (to run into the client's timeout) or drop the connection.
 */
public final class FakeAlpaca implements AutoCloseable {

    /** One scripted answer. */
    public record Reply(int status, String body, Map<String, String> headers, Duration delay, boolean drop) {

        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of(), Duration.ZERO, false);
        }

        public static Reply fixture(String name) {
            return json(200, FakeAlpaca.fixture(name));
        }

        public static Reply error(int status, long code, String message) {
            return json(status, "{\"code\":" + code + ",\"message\":\"" + message + "\"}");
        }

        public static Reply noContent() {
            return new Reply(204, "", Map.of(), Duration.ZERO, false);
        }

        /** Closes the connection without answering, as a dropped network link does. */
        public static Reply dropped() {
            return new Reply(0, "", Map.of(), Duration.ZERO, true);
        }

        public Reply withHeader(String name, String value) {
            var h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, Map.copyOf(h), delay, drop);
        }

        public Reply after(Duration wait) {
            return new Reply(status, body, headers, wait, drop);
        }
    }

    /** One request as the server received it. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public FakeAlpaca() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static String fixture(String name) {
        try (InputStream in = FakeAlpaca.class.getResourceAsStream("/alpaca/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Scripts the replies to {@code method path} (path without the query). */
    public FakeAlpaca on(String method, String path, Reply... replies) {
        routes.put(method + " " + path, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    /** A paper account that answers the connection test and has no orders yet. */
    public FakeAlpaca healthyAccount() {
        on("GET", "/v2/account", Reply.fixture("account.json"));
        on("GET", "/v2/positions", Reply.json(200, "[]"));
        on("GET", "/v2/orders", Reply.json(200, "[]"));
        on("GET", "/v2/account/activities", Reply.json(200, "[]"));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    public void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            received.add(new Received(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Reply reply = next(exchange.getRequestMethod() + " " + uri.getPath());
            if (reply == null) {
                reply = Reply.error(404, 40410000, "endpoint not found");
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reply.drop()) {
                // no status line at all: the client sees the connection end mid-exchange
                exchange.getHttpContext().getServer();
                exchange.getResponseBody().close();
                return;
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.status() == 204 || bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0 && reply.status() != 204) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private Reply next(String route) {
        Deque<Reply> replies = routes.get(route);
        if (replies == null || replies.isEmpty()) {
            return null;
        }
        synchronized (replies) {
            return replies.size() > 1 ? replies.pollFirst() : replies.peekFirst();
        }
    }
}
