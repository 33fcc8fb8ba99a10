package io.progate.execution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The execution worker: threads, sweep, claim lease and retries of transient PRO failures. */
@ConfigMapping(prefix = "progate.execution")
public interface ExecutionConfig {

    /**
     * Wake up on approvals and sweep for work. Off only in the test profile, so that other features'
     * tests see APPROVED stay APPROVED; execution tests turn it on with {@code WorkerOn}.
     */
    @WithDefault("true")
    boolean enabled();

    /** Threads that carry out requests in this replica. */
    @WithDefault("4")
    int threads();

    /** How often the sweep looks for work the wake-up missed, due retries and stale claims. */
    @WithDefault("5s")
    String sweepEvery();

    /** How long a claim holds without renewal; a claim older than this belongs to a dead worker. */
    @WithDefault("PT2M")
    Duration lease();

    /** Attempts per round that may end in a transient failure before the request fails. */
    @WithDefault("4")
    int maxAttempts();

    /** Pause before the first retry; doubled for each further one. */
    @WithDefault("PT5S")
    Duration backoff();

    /** Longest pause between retries. */
    @WithDefault("PT5M")
    Duration maxBackoff();

    /**
     * How far PRO's clock may lag ProGate's: when a task request's attempt has an unknown outcome, tasks
     * PRO lists as created up to this long before the attempt began still count as possibly its own.
     */
    @WithDefault("PT2M")
    Duration taskClockSkew();

    /** This replica's name in claims and attempts; host name and a random suffix when unset. */
    Optional<String> workerId();
}
