package io.progate.request;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Expires requests that waited too long and purges the packages of finished requests past their
 * retention. Safe on every replica at once: each request is locked and re-checked before it changes.
 */
@ApplicationScoped
public class RequestJobs {

    @Inject
    RequestService requests;

    @Inject
    RequestConfig config;

    @Scheduled(identity = "request-expiry", every = "{progate.requests.expiry-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        int expired = requests.expireDue(Instant.now());
        if (expired > 0) {
            Log.infof("Expired %d release request(s) that waited too long", expired);
        }
    }

    @Scheduled(identity = "package-purge", every = "{progate.requests.purge-every}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int purged = requests.purgeFinishedBefore(Instant.now().minus(config.packageRetention()));
        if (purged > 0) {
            Log.infof("Purged the packages of %d finished release request(s)", purged);
        }
    }
}
