package io.progate.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Notifications: where links point, the delivery worker, its retries, webhooks and the daily digest. */
@ConfigMapping(prefix = "progate.notify")
public interface NotifyConfig {

    /** ProGate's public address, for the deep links in messages (PROGATE_BASE_URL), e.g. https://progate.example.com. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** Deliver the outbox from this replica (wake-ups after each change and the sweep). Messages are written either way. */
    @WithDefault("true")
    boolean enabled();

    /** How often the worker looks for due deliveries (retries, other replicas' messages). */
    @WithDefault("5s")
    String sweepEvery();

    /** Deliveries claimed per sweep. */
    @WithDefault("50")
    int batch();

    /** How long a claimed delivery is left alone by other workers; after that it counts as abandoned. */
    @WithDefault("PT2M")
    Duration lease();

    /** Attempts before a delivery is marked dead. */
    @WithDefault("8")
    int maxAttempts();

    /** Pause before the first retry; doubled for each further one. */
    @WithDefault("PT10S")
    Duration backoff();

    /** Longest pause between retries. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    /** Connect and answer time-out of a webhook call. */
    @WithDefault("PT10S")
    Duration webhookTimeout();

    /** When the daily digest goes out (cron, server time), or {@code off}. */
    @WithDefault("0 0 7 * * ?")
    String digestCron();

    /** A request waiting longer than this is in the digest. */
    @WithDefault("P1D")
    Duration digestAfter();

    /** This replica's name in claims; host name and a random suffix when unset. */
    Optional<String> workerId();
}
