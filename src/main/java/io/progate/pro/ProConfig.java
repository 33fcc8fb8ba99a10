package io.progate.pro;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Calls to PRO accounts: timeouts, retries of safe calls, the circuit breaker per account. */
@ConfigMapping(prefix = "progate.pro")
public interface ProConfig {

    /** How long to wait for a connection to a PRO account. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** How long to wait for PRO's answer to an ordinary call. */
    @WithDefault("PT30S")
    Duration readTimeout();

    /** How long a publish (uploading the package and PRO's answer) may take in all. */
    @WithDefault("PT30M")
    Duration publishTimeout();

    /** Retries of safe (GET) calls after a transient failure. */
    Retry retry();

    /** The circuit breaker kept per PRO account URL. */
    CircuitBreaker circuitBreaker();

    interface Retry {
        /** Retries after the first attempt; 0 turns retrying off. */
        @WithDefault("2")
        int maxRetries();

        /** Pause before each retry. */
        @WithDefault("PT0.5S")
        Duration delay();
    }

    interface CircuitBreaker {
        /** Calls in the rolling window the breaker judges. */
        @WithDefault("10")
        int requestVolumeThreshold();

        /** Share of transient failures in that window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses calls before letting a trial call through. */
        @WithDefault("PT30S")
        Duration delay();
    }
}
