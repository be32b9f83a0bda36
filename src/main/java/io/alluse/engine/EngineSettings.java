package io.alluse.engine;

import java.time.Duration;

/**
 * How the engine works its accounts.
 *
 * @param brokerTimeout  the longest any single broker call may take before it counts as failed
 * @param syncInterval   market time between syncs during the session
 * @param backoff        retry delays after failures, and when an account counts as in error
 * @param stepGrace      wall time the simulated clock waits for busy accounts before moving on without them,
 *                       so that one slow or hung account never holds the others' time
 */
public record EngineSettings(Duration brokerTimeout, Duration syncInterval, Backoff backoff, Duration stepGrace) {

    public static final EngineSettings DEFAULT = new EngineSettings(Duration.ofSeconds(20), Duration.ofMinutes(15), Backoff.DEFAULT,
            Duration.ofSeconds(30));

    public EngineSettings withBrokerTimeout(Duration timeout) {
        return new EngineSettings(timeout, syncInterval, backoff, stepGrace);
    }

    public EngineSettings withStepGrace(Duration grace) {
        return new EngineSettings(brokerTimeout, syncInterval, backoff, grace);
    }

    public EngineSettings withBackoff(Backoff newBackoff) {
        return new EngineSettings(brokerTimeout, syncInterval, newBackoff, stepGrace);
    }
}
