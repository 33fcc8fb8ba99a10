package io.progate.credential;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Daily: records a {@code credential.expiring} warning when an active key comes within 30, 7 and 1 days
 * of its expiry (configurable), once per key and threshold. Rows are locked while checked, so replicas
 * running the job at the same time do not warn twice.
 */
@ApplicationScoped
public class ExpiryWatch {

    @Inject
    CredentialConfig config;

    @Inject
    AuditLog audit;

    @Scheduled(identity = "credential-expiry", cron = "{progate.credentials.expiry-check-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int warned = check(Instant.now());
        if (warned > 0) {
            Log.infof("Recorded %d credential expiry warning(s)", warned);
        }
    }

    /** Records the warnings due at {@code now}; answers how many. */
    public int check(Instant now) {
        List<Integer> thresholds = config.warningDays().stream().filter(d -> d > 0).sorted().toList();
        if (thresholds.isEmpty()) {
            return 0;
        }
        Instant horizon = now.plus(Duration.ofDays(thresholds.get(thresholds.size() - 1)));
        return QuarkusTransaction.requiringNew().call(() -> {
            int warned = 0;
            List<Credential> due = Credential.<Credential>find("replacedAt is null and removedAt is null "
                    + "and expiresAt > ?1 and expiresAt <= ?2 order by id", now, horizon)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list();
            for (Credential credential : due) {
                Duration left = Duration.between(now, credential.expiresAt);
                int threshold = thresholds.stream().filter(days -> left.compareTo(Duration.ofDays(days)) <= 0)
                        .findFirst().orElseThrow();
                if (credential.warnedDays == null || threshold < credential.warnedDays) {
                    credential.warnedDays = threshold;
                    audit.record(AuditRecord.of("credential.expiring", "credential", credential.id.toString())
                            .team(credential.team.id).actor(AuditLog.SYSTEM)
                            .details(Map.of("label", credential.label, "last4", credential.last4,
                                    "expiresAt", credential.expiresAt.toString(), "thresholdDays", threshold,
                                    "hoursLeft", left.toHours())));
                    warned++;
                }
            }
            return warned;
        });
    }
}
