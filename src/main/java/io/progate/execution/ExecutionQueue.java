package io.progate.execution;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.packages.RequestPackage;
import io.progate.request.ProCall;
import io.progate.request.Payloads;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestService;
import io.progate.request.RequestStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Hibernate;

/**
 * The work queue in PostgreSQL. A request is claimable when it is APPROVED, or EXECUTING with a
 * lapsed claim (its worker died or stalled) or a due retry. Claiming locks the request's row with
 * {@code FOR UPDATE SKIP LOCKED} and re-checks that condition, so of any number of workers on any
 * number of replicas exactly one gets it; the claim takes the job's next generation (the fencing
 * token every later write checks). An APPROVED request that may not start yet (a freeze declared
 * after its approval, say) is made SCHEDULED under that lock instead of being claimed. All lease times come from the database's clock, never a replica's.
 */
@ApplicationScoped
public class ExecutionQueue {

    private static final String CLAIMABLE = "r.type <> 'POLICY' and (r.status = 'APPROVED' or (r.status = 'EXECUTING'"
            + " and (j.id is null or j.available_at <= now())))";

    @Inject
    EntityManager em;

    @Inject
    RequestService requests;

    @Inject
    AuditLog audit;

    @Inject
    Payloads payloads;

    /** Claims the request for {@code workerId} in a short transaction of its own; empty if someone else has it. */
    public Optional<Claim> claim(long requestId, String workerId, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> claimLocked(requestId, workerId, lease));
    }

    private Optional<Claim> claimLocked(long requestId, String workerId, Duration lease) {
        List<?> locked = em.createNativeQuery("select r.id from release_request r"
                + " left join execution_job j on j.request_id = r.id where r.id = ?1 and " + CLAIMABLE
                + " for update of r skip locked")
                .setParameter(1, requestId).getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        ReleaseRequest r = ReleaseRequest.findById(requestId);
        if (requests.holdLocked(r, Instant.now())) {
            return Optional.empty();
        }
        Optional<ExecutionAttempt> last = ExecutionAttempt.latest(requestId);
        int lastNo = last.map(a -> a.attemptNo).orElse(0);
        Instant approvedAt = null;
        boolean fresh = r.status == RequestStatus.APPROVED;
        if (fresh) {
            approvedAt = r.updatedAt;
            requests.advance(requestId, RequestStatus.EXECUTING, null);
        }
        em.createNativeQuery("insert into execution_job (request_id, available_at) values (?1, now())"
                + " on conflict (request_id) do nothing").setParameter(1, requestId).executeUpdate();
        Object[] job = (Object[]) em.createNativeQuery("update execution_job set generation = generation + 1,"
                + " worker_id = ?1, available_at = now() + ?2 * interval '1 millisecond',"
                + " transient_failures = case when ?3 then 0 else transient_failures end,"
                + " round_start_attempt = case when ?3 then ?4 else round_start_attempt end"
                + " where request_id = ?5 returning generation, round_start_attempt")
                .setParameter(1, workerId).setParameter(2, lease.toMillis()).setParameter(3, fresh)
                .setParameter(4, lastNo).setParameter(5, requestId).getSingleResult();
        long generation = ((Number) job[0]).longValue();
        int roundStart = ((Number) job[1]).intValue();
        ProCall call = ProCall.of(r, payloads);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", r.type.name());
        details.put("appName", r.appName);
        details.put("appVersion", r.appVersion);
        details.put("worker", workerId);
        details.put("resumed", !fresh);
        details.put("generation", generation);
        audit.record(AuditRecord.of("execution.start", "request", r.id.toString()).team(r.team.id)
                .actor(AuditLog.SYSTEM).details(details));
        return Optional.of(new Claim(r.id, r.team.id, r.team.proUrl, r.type, r.appName, r.appVersion, r.payload,
                unproxy(r.pkg), unproxy(r.icon), call.method(), call.path(), lastNo,
                last.map(a -> a.outcome).orElse(null), approvedAt, generation, roundStart));
    }

    private static RequestPackage unproxy(RequestPackage pkg) {
        return pkg == null ? null : (RequestPackage) Hibernate.unproxy(pkg);
    }

    /** Requests claimable now, oldest first: what the sweep hands to the workers. */
    @SuppressWarnings("unchecked")
    public List<Long> due(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                "select r.id from release_request r left join execution_job j on j.request_id = r.id where "
                        + CLAIMABLE + " order by r.updated_at, r.id limit " + limit)
                .getResultList()).stream().map(Number::longValue).toList());
    }

    /** Requests waiting for a worker: APPROVED ones and EXECUTING ones waiting for a retry. */
    public long depth() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from release_request r left join execution_job j on j.request_id = r.id"
                        + " where r.type <> 'POLICY' and (r.status = 'APPROVED'"
                        + " or (r.status = 'EXECUTING' and j.worker_id is null))")
                .getSingleResult()).longValue());
    }

    /**
     * Extends the claims this worker still works on, so that nobody takes them for abandoned; only
     * claims whose generation is still the job's are extended.
     */
    public void renew(Map<Long, Long> generations, String workerId, Duration lease) {
        if (generations.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> generations.forEach((requestId, generation) -> em.createNativeQuery(
                "update execution_job set available_at = now() + ?1 * interval '1 millisecond'"
                        + " where request_id = ?2 and generation = ?3 and worker_id = ?4")
                .setParameter(1, lease.toMillis()).setParameter(2, requestId).setParameter(3, generation)
                .setParameter(4, workerId).executeUpdate()));
    }
}
