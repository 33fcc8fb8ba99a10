package io.progate.notify;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outbox as a work queue, on the database's clock. A claim takes due PENDING rows with
 * {@code FOR UPDATE SKIP LOCKED}, counts the attempt and moves {@code next_attempt_at} past the
 * lease, so no other worker on any replica takes them meanwhile; the outcome is written only while
 * the claim is still the claimant's (same worker, same attempt number).
 */
@ApplicationScoped
public class DeliveryQueue {

    @Inject
    EntityManager em;

    @Inject
    NotifyConfig config;

    @Inject
    AuditLog audit;

    /** Up to {@code limit} due deliveries, now claimed by {@code workerId}. */
    @SuppressWarnings("unchecked")
    public List<Delivery> claim(String workerId, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Number> ids = em.createNativeQuery("update notification_delivery set claimed_by = ?1,"
                    + " attempts = attempts + 1, next_attempt_at = now() + ?2 * interval '1 millisecond'"
                    + " where id in (select id from notification_delivery where status = 'PENDING'"
                    + " and next_attempt_at <= now() order by next_attempt_at, id limit ?3 for update skip locked)"
                    + " returning id")
                    .setParameter(1, workerId).setParameter(2, config.lease().toMillis()).setParameter(3, limit)
                    .getResultList();
            if (ids.isEmpty()) {
                return List.<Delivery>of();
            }
            List<Delivery> claimed = Delivery.list("id in ?1 order by id", ids.stream().map(Number::longValue).toList());
            claimed.forEach(em::detach);
            return claimed;
        });
    }

    /** The delivery reached its recipient. */
    public void sent(Delivery d, String workerId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notification_delivery"
                + " set status = 'SENT', delivered_at = now(), last_error = null, claimed_by = null"
                + " where id = ?1 and claimed_by = ?2 and attempts = ?3 and status = 'PENDING'")
                .setParameter(1, d.id).setParameter(2, workerId).setParameter(3, d.attempts).executeUpdate());
    }

    /**
     * The delivery failed: tried again after a backoff that doubles with each attempt, or dead when it
     * failed {@code max-attempts} times or for a reason that no retry changes.
     */
    public void failed(Delivery d, String workerId, String reason, boolean permanent) {
        boolean dead = permanent || d.attempts >= config.maxAttempts();
        long pause = backoff(d.attempts).toMillis();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notification_delivery"
                + " set status = ?1, last_error = ?2, claimed_by = null,"
                + " next_attempt_at = now() + ?3 * interval '1 millisecond'"
                + " where id = ?4 and claimed_by = ?5 and attempts = ?6 and status = 'PENDING'")
                .setParameter(1, dead ? "DEAD" : "PENDING").setParameter(2, Outbox.clip(reason, 1000))
                .setParameter(3, pause).setParameter(4, d.id).setParameter(5, workerId).setParameter(6, d.attempts)
                .executeUpdate());
    }

    /** The pause after the {@code attempt}-th failure: backoff, doubled per further attempt, at most max-backoff. */
    Duration backoff(int attempt) {
        Duration pause = config.backoff();
        for (int i = 1; i < attempt && pause.compareTo(config.maxBackoff()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : pause;
    }

    /** An admin sends a dead delivery again: it is due at once, with a fresh count of attempts. */
    public void retry(long id, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            int changed = em.createNativeQuery("update notification_delivery set status = 'PENDING', attempts = 0,"
                    + " next_attempt_at = now(), claimed_by = null where id = ?1 and status = 'DEAD'")
                    .setParameter(1, id).executeUpdate();
            if (changed == 0) {
                throw new NotFoundException("no dead delivery " + id);
            }
            audit.record(AuditRecord.of("notification.retry", "notification", Long.toString(id)).actor(actor)
                    .details(Map.of()));
        });
    }
}
