package io.progate.notify;

import io.progate.account.User;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Once a day: each approver of a team hears of the team's requests that have waited longer than
 * {@code progate.notify.digest-after} for a decision they may give. Replicas running it at the same
 * time take one lock; a team's approvers get at most one digest in 20 hours.
 */
@ApplicationScoped
public class DigestJob {

    private static final long DIGEST_LOCK = 0x50524F4449474553L;

    @Inject
    NotifyConfig config;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Scheduled(identity = "notification-digest", cron = "{progate.notify.digest-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int sent = run(Instant.now());
        if (sent > 0) {
            Log.infof("Queued %d daily digest(s)", sent);
        }
    }

    /** Queues the digests due at {@code now}; answers how many deliveries it added. */
    public int run(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, DIGEST_LOCK).getSingleResult();
            List<ReleaseRequest> waiting = ReleaseRequest.list("status = ?1 and createdAt <= ?2 and expiresAt > ?3"
                    + " order by createdAt", RequestStatus.PENDING, now.minus(config.digestAfter()), now);
            Map<Long, List<ReleaseRequest>> byTeam = waiting.stream()
                    .collect(Collectors.groupingBy(r -> r.team.id));
            int added = 0;
            for (Map.Entry<Long, List<ReleaseRequest>> team : byTeam.entrySet()) {
                for (User approver : NotificationRouter.approversOf(team.getKey())) {
                    long theirs = team.getValue().stream().filter(r -> !Objects.equals(r.author.id, approver.id)).count();
                    if (theirs == 0 || alreadySent(team.getKey(), approver.id, now)) {
                        continue;
                    }
                    String teamName = team.getValue().get(0).team.name;
                    String text = theirs + " request(s) of team " + teamName + " have waited more than "
                            + days(config.digestAfter()) + " for your decision";
                    added += outbox.add(new Message(NotificationKind.DAILY_DIGEST, "digest", team.getKey(), null, text,
                            "/approvals"), List.of(approver), now);
                }
            }
            return added;
        });
    }

    private static boolean alreadySent(long teamId, long userId, Instant now) {
        return Delivery.count("kind = ?1 and teamId = ?2 and userId = ?3 and createdAt > ?4", NotificationKind.DAILY_DIGEST,
                teamId, userId, now.minus(Duration.ofHours(20))) > 0;
    }

    private static String days(Duration d) {
        long days = d.toDays();
        return days == 1 ? "a day" : days > 1 ? days + " days" : d.toHours() + " hours";
    }
}
