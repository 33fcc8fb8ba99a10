package io.progate.execution;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.request.ProCall;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestPackage;
import io.progate.request.RequestService;
import io.progate.request.RequestStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Hibernate;

/**
 * The work queue in PostgreSQL. A request is claimable when it is APPROVED, or EXECUTING with a
 * lapsed claim (its worker died) or a due retry. Claiming locks the request's row with
 * {@code FOR UPDATE SKIP LOCKED} and re-checks that condition, so of any number of workers on any
 * number of replicas exactly one gets it.
 */
@ApplicationScoped
public class ExecutionQueue {

    private static final String CLAIMABLE = "(r.status = 'APPROVED' or (r.status = 'EXECUTING'"
            + " and (j.id is null or j.available_at <= ?1)))";

    @Inject
    EntityManager em;

    @Inject
    RequestService requests;

    @Inject
    AuditLog audit;

    /** Claims the request for {@code workerId} in a short transaction of its own; empty if someone else has it. */
    public Optional<Claim> claim(long requestId, String workerId, java.time.Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> claimLocked(requestId, workerId, lease));
    }

    private Optional<Claim> claimLocked(long requestId, String workerId, java.time.Duration lease) {
        Instant now = Instant.now();
        List<?> locked = em.createNativeQuery("select r.id from release_request r"
                + " left join execution_job j on j.request_id = r.id where r.id = ?2 and " + CLAIMABLE
                + " for update of r skip locked")
                .setParameter(1, now).setParameter(2, requestId).getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        ReleaseRequest r = ReleaseRequest.findById(requestId);
        ExecutionJob job = ExecutionJob.forRequest(requestId).orElseGet(() -> newJob(requestId));
        Instant approvedAt = null;
        if (r.status == RequestStatus.APPROVED) {
            approvedAt = r.updatedAt;
            requests.advance(requestId, RequestStatus.EXECUTING, null);
            job.transientFailures = 0;
            job.closedAt = null;
            job.closedBy = null;
        }
        job.availableAt = now.plus(lease);
        job.workerId = workerId;
        Optional<ExecutionAttempt> last = ExecutionAttempt.latest(requestId);
        ProCall call = ProCall.of(r);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", r.type.name());
        details.put("appName", r.appName);
        details.put("appVersion", r.appVersion);
        details.put("worker", workerId);
        details.put("resumed", approvedAt == null);
        audit.record(AuditRecord.of("execution.start", "request", r.id.toString()).team(r.team.id)
                .actor(AuditLog.SYSTEM).details(details));
        return Optional.of(new Claim(r.id, r.team.id, r.team.proUrl, r.type, r.appName, r.appVersion, r.payload,
                unproxy(r.pkg), unproxy(r.icon), call.method(), call.path(), last.map(a -> a.attemptNo).orElse(0),
                last.map(a -> a.outcome).orElse(null), approvedAt));
    }

    private static RequestPackage unproxy(RequestPackage pkg) {
        return pkg == null ? null : (RequestPackage) Hibernate.unproxy(pkg);
    }

    private static ExecutionJob newJob(long requestId) {
        ExecutionJob job = new ExecutionJob();
        job.requestId = requestId;
        job.availableAt = Instant.now();
        job.persist();
        return job;
    }

    /** Requests claimable now, oldest first: what the sweep hands to the workers. */
    @SuppressWarnings("unchecked")
    public List<Long> due(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                "select r.id from release_request r left join execution_job j on j.request_id = r.id where "
                        + CLAIMABLE + " order by r.updated_at, r.id limit " + limit)
                .setParameter(1, Instant.now()).getResultList()).stream().map(Number::longValue).toList());
    }

    /** Requests waiting for a worker: APPROVED ones and EXECUTING ones waiting for a retry. */
    public long depth() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from release_request r left join execution_job j on j.request_id = r.id"
                        + " where r.status = 'APPROVED' or (r.status = 'EXECUTING' and j.worker_id is null)")
                .getSingleResult()).longValue());
    }

    /** Extends the claims this worker still works on, so that nobody takes them for abandoned. */
    public void renew(Collection<Long> requestIds, String workerId, java.time.Duration lease) {
        if (requestIds.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update execution_job set available_at = ?1 where worker_id = ?2 and request_id in (?3)")
                .setParameter(1, Instant.now().plus(lease)).setParameter(2, workerId)
                .setParameter(3, List.copyOf(requestIds)).executeUpdate());
    }
}
