package io.alluse.broker.alpaca;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how an adapter talks to Alpaca.
 *
 * @param mode        paper or live
 * @param base        the trading API's base URL (Alpaca's own for the mode; a loopback server in tests)
 * @param timeout     per request (connect and answer)
 * @param maxRetries  how many times one call is repeated after 429 (rate limited) before giving up
 * @param maxWait     the longest single wait for a rate limit; a longer Retry-After gives up at once
 */
public record AlpacaSettings(AlpacaMode mode, URI base, Duration timeout, int maxRetries, Duration maxWait) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public AlpacaSettings {
        if (mode == null || base == null || timeout == null || maxWait == null || timeout.isNegative() || timeout.isZero()
                || maxRetries < 0) {
            throw new IllegalArgumentException("Alpaca settings need a mode, a base URL, a positive timeout and retries >= 0");
        }
        String scheme = base.getScheme();
        boolean loopback = "localhost".equals(base.getHost()) || "127.0.0.1".equals(base.getHost());
        if (!"https".equals(scheme) && !("http".equals(scheme) && loopback)) {
            // keys travel in headers: never over plain HTTP to another machine
            throw new IllegalArgumentException("Alpaca's base URL must use https (plain http only to this computer): " + base);
        }
    }

    /** Alpaca's paper-trading endpoint: the default. */
    public static AlpacaSettings paper() {
        return new AlpacaSettings(AlpacaMode.PAPER, AlpacaMode.PAPER.tradingBase(), DEFAULT_TIMEOUT, 3, Duration.ofSeconds(30));
    }

    /**
     * Alpaca's live endpoint. Real money: refuses unless the user has explicitly confirmed live
     * trading for this account ({@code confirmedByUser}).
     */
    public static AlpacaSettings live(boolean confirmedByUser) {
        requireConfirmation(AlpacaMode.LIVE, confirmedByUser);
        return new AlpacaSettings(AlpacaMode.LIVE, AlpacaMode.LIVE.tradingBase(), DEFAULT_TIMEOUT, 3, Duration.ofSeconds(30));
    }

    /** The mode's settings at another base URL (a loopback test server); live still needs the confirmation. */
    public static AlpacaSettings at(AlpacaMode mode, URI base, boolean liveConfirmed) {
        requireConfirmation(mode, liveConfirmed);
        return new AlpacaSettings(mode, base, DEFAULT_TIMEOUT, 3, Duration.ofSeconds(30));
    }

    public AlpacaSettings withTimeout(Duration newTimeout) {
        return new AlpacaSettings(mode, base, newTimeout, maxRetries, maxWait);
    }

    public AlpacaSettings withRetries(int retries, Duration wait) {
        return new AlpacaSettings(mode, base, timeout, retries, wait);
    }

    private static void requireConfirmation(AlpacaMode mode, boolean confirmed) {
        if (mode == AlpacaMode.LIVE && !confirmed) {
            throw new IllegalArgumentException("Live trading uses real money: confirm live trading for this account first "
                    + "(or choose paper trading).");
        }
    }
}
