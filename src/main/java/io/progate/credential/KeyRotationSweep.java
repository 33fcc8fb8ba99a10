package io.progate.credential;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Rotates due keys on a schedule ({@code progate.credentials.rotation-cron}, hourly by default): every
 * active key with the APIKey scope whose team rotates keys and that expires within the team's number
 * of days. The time comes from the injected {@link Clock}, so tests can move it.
 */
@ApplicationScoped
public class KeyRotationSweep {

    @Inject
    KeyRotation rotation;

    @Inject
    Clock clock;

    @Scheduled(identity = "key-rotation", cron = "{progate.credentials.rotation-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        rotation.rotateDue(clock.instant());
    }
}
