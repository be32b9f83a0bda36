package io.alluse.engine;

import java.util.List;

/**
 * The outcome of testing a brokerage connection before an account is created on it.
 *
 * @param details facts worth showing (account status, options approval, buying power)
 */
public record ConnectionCheck(boolean ok, String summary, List<String> details) {

    public static ConnectionCheck ok(String summary, String... details) {
        return new ConnectionCheck(true, summary, List.of(details));
    }

    public static ConnectionCheck failed(String summary, String... details) {
        return new ConnectionCheck(false, summary, List.of(details));
    }
}
