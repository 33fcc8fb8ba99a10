package io.progate.execution;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.request.Payloads;
import io.progate.pro.model.ProTask;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestService;
import io.progate.request.RequestStatus;
import io.progate.task.RequestTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes what the worker did, each step in a transaction of its own that commits before the worker
 * goes on: the attempt before the PRO call; after it, the attempt's outcome together with the
 * request's final status (one transaction, so a crash cannot leave one without the other). Every
 * write is fenced: it first locks the request's row (as a claim does) and checks that the claim's
 * generation is still the job's, and refuses with {@link ClaimLostException} otherwise.
 */
@ApplicationScoped
public class ExecutionRecorder {

    @Inject
    RequestService requests;

    @Inject
    AuditLog audit;

    @Inject
    ExecutionConfig config;

    @Inject
    ExecutionMetrics metrics;

    @Inject
    Payloads payloads;

    @Inject
    EntityManager em;

    /** What the request ended as in a transaction, for the metrics counted after commit. */
    private record Ended(RequestStatus status) {
    }

    /**
     * Before a PRO call: the claim is still this worker's (same generation) and its lease has not run
     * out by the database's clock. Otherwise {@link ClaimLostException}, and the call is not made.
     */
    public void checkLease(Claim c) {
        boolean held = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from execution_job where request_id = ?1 and generation = ?2 and available_at > now()")
                .setParameter(1, c.requestId()).setParameter(2, c.generation()).getSingleResult()).longValue() == 1);
        if (!held) {
            throw new ClaimLostException(c.requestId(), c.generation());
        }
    }

    /** Writes and commits a new attempt with no outcome yet, if the claim and its lease still hold; returns it. */
    public ExecutionAttempt begin(Claim c, String workerId, String snapshotJson) {
        return QuarkusTransaction.requiringNew().call(() -> {
            fence(c);
            boolean leased = ((Number) em.createNativeQuery(
                    "select count(*) from execution_job where request_id = ?1 and available_at > now()")
                    .setParameter(1, c.requestId()).getSingleResult()).longValue() == 1;
            if (!leased) {
                throw new ClaimLostException(c.requestId(), c.generation());
            }
            return newAttempt(c, workerId, snapshotJson);
        });
    }

    /** The PRO call succeeded: the attempt and the request both become SUCCEEDED, in one transaction. */
    public void succeeded(Claim c, ExecutionAttempt attempt, Duration duration) {
        succeeded(c, attempt, duration, null);
    }

    /**
     * Same, with the task a TASK request created: it is recorded in the same transaction, so the
     * request never succeeds without its task being known.
     */
    public void succeeded(Claim c, ExecutionAttempt attempt, Duration duration, ProTask created) {
        String message = "PRO accepted the " + c.what() + (created == null ? "" : ": task " + created.id());
        ended(c, () -> {
            complete(c, attempt, AttemptOutcome.SUCCEEDED, null, message, "", duration);
            if (created != null) {
                recordTask(c, created.id(), created);
            }
            return finish(c, RequestStatus.SUCCEEDED, message, null, false);
        });
        metrics.proCall(c.type(), "2xx", duration);
    }

    /** The PRO call failed for good: the attempt and the request both become FAILED, in one transaction. */
    public void failed(Claim c, ExecutionAttempt attempt, Integer proStatus, String message, String excerpt,
            Duration duration) {
        ended(c, () -> {
            complete(c, attempt, AttemptOutcome.FAILED, proStatus, message, excerpt, duration);
            return finish(c, RequestStatus.FAILED, message, proStatus, false);
        });
        metrics.proCall(c.type(), proStatus == null ? "none" : proStatus.toString(), duration);
    }

    /**
     * The PRO call failed transiently: the attempt becomes TRANSIENT and, in the same transaction,
     * the request waits for a retry after a backoff, or fails when this round used up its attempts.
     */
    public void transientCall(Claim c, ExecutionAttempt attempt, Integer proStatus, String message, String excerpt,
            Duration duration) {
        ended(c, () -> {
            complete(c, attempt, AttemptOutcome.TRANSIENT, proStatus, message, excerpt, duration);
            return transientFailure(c, message);
        });
        metrics.proCall(c.type(), proStatus == null ? "none" : proStatus.toString(), duration);
    }

    /**
     * The request ends before any changing call (drift, no key, package gone): a finished attempt with
     * this outcome and the request FAILED, in one transaction.
     */
    public void refused(Claim c, String workerId, AttemptOutcome outcome, String message, Integer proStatus) {
        ended(c, () -> {
            ExecutionAttempt attempt = newAttempt(c, workerId, null);
            attempt.finishedAt = attempt.startedAt;
            attempt.outcome = outcome;
            attempt.message = cut(message, 2000);
            attempt.durationMs = 0L;
            return finish(c, RequestStatus.FAILED, message, proStatus, false);
        });
    }

    /** PRO could not be asked before the changing call (a transient failure of a read): retried like a call. */
    public void transientRead(Claim c, String workerId, String message) {
        ended(c, () -> {
            ExecutionAttempt attempt = newAttempt(c, workerId, null);
            attempt.finishedAt = attempt.startedAt;
            attempt.outcome = AttemptOutcome.TRANSIENT;
            attempt.message = cut(message, 2000);
            attempt.durationMs = 0L;
            return transientFailure(c, message);
        });
    }

    /**
     * PRO shows that the change of an attempt with unknown outcome arrived: that attempt becomes
     * RECONCILED and the request SUCCEEDED, with no second call, in one transaction.
     */
    public void reconciled(Claim c, String message, String taskId) {
        ended(c, () -> {
            markLast(c, AttemptOutcome.RECONCILED, message);
            if (taskId != null) {
                recordTask(c, taskId, null);
            }
            audit.record(AuditRecord.of("execution.reconciled", "request", Long.toString(c.requestId()))
                    .team(c.teamId()).actor(AuditLog.SYSTEM)
                    .details(Map.of("attempt", c.lastAttemptNo(), "found", "done", "message", message)));
            return finish(c, RequestStatus.SUCCEEDED, "reconciled: " + message, null, true);
        });
    }

    /** PRO shows that an attempt with unknown outcome changed nothing: it becomes LOST and is tried again. */
    public void lost(Claim c, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            fence(c);
            if (c.lastOutcome() == null) {
                markLast(c, AttemptOutcome.LOST, message);
            }
            audit.record(AuditRecord.of("execution.reconciled", "request", Long.toString(c.requestId()))
                    .team(c.teamId()).actor(AuditLog.SYSTEM)
                    .details(Map.of("attempt", c.lastAttemptNo(), "found", "not done", "message", message)));
        });
    }

    /**
     * A resumed claim whose last attempt of this round already has a final outcome (its worker died
     * after recording it, before the request's status followed): the request ends as that attempt
     * did, with no PRO call.
     */
    public void resumeDecided(Claim c) {
        ended(c, () -> {
            ExecutionAttempt last = ExecutionAttempt.latest(c.requestId()).orElseThrow();
            String message = (last.message == null ? "the last attempt " + last.outcome : last.message)
                    + " (recorded before the worker stopped)";
            return finish(c, c.lastSucceeded() ? RequestStatus.SUCCEEDED : RequestStatus.FAILED, message,
                    last.proStatus, false);
        });
    }

    Duration backoff(int failures) {
        Duration pause = config.backoff().multipliedBy(1L << Math.min(failures - 1, 20));
        return pause.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : pause;
    }

    /** Runs {@code work} fenced in a transaction of its own; counts the request's end after commit. */
    private void ended(Claim c, Supplier<Ended> work) {
        Ended end = QuarkusTransaction.requiringNew().call(() -> {
            fence(c);
            return work.get();
        });
        if (end != null) {
            metrics.executed(c.type(), end.status().name());
        }
    }

    /** Locks the request's row (the order a claim takes) and checks that the claim's generation is the job's. */
    private void fence(Claim c) {
        em.createNativeQuery("select id from release_request where id = ?1 for update").setParameter(1, c.requestId())
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Number> generation = em.createNativeQuery("select generation from execution_job where request_id = ?1")
                .setParameter(1, c.requestId()).getResultList();
        if (generation.isEmpty() || generation.get(0).longValue() != c.generation()) {
            throw new ClaimLostException(c.requestId(), c.generation());
        }
    }

    private ExecutionAttempt newAttempt(Claim c, String workerId, String snapshotJson) {
        ExecutionAttempt attempt = new ExecutionAttempt();
        attempt.requestId = c.requestId();
        attempt.attemptNo = ExecutionAttempt.latest(c.requestId()).map(a -> a.attemptNo).orElse(0) + 1;
        attempt.workerId = workerId;
        attempt.generation = c.generation();
        attempt.startedAt = Instant.now();
        attempt.snapshot = snapshotJson;
        attempt.persist();
        return attempt;
    }

    /** Completes an attempt after the PRO call, with the {@code pro.call} audit event. */
    private void complete(Claim c, ExecutionAttempt attempt, AttemptOutcome outcome, Integer proStatus, String message,
            String excerpt, Duration duration) {
        ExecutionAttempt row = ExecutionAttempt.findById(attempt.id);
        row.outcome = outcome;
        row.proStatus = proStatus;
        row.message = cut(message, 2000);
        row.bodyExcerpt = cut(excerpt, 1000);
        row.durationMs = duration.toMillis();
        row.finishedAt = Instant.now();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", c.method());
        details.put("path", c.path());
        details.put("status", outcome == AttemptOutcome.SUCCEEDED ? "2xx" : proStatus == null ? "none" : proStatus);
        details.put("durationMs", duration.toMillis());
        details.put("attempt", row.attemptNo);
        details.put("type", c.type().name());
        details.put("appName", c.appName());
        details.put("appVersion", c.appVersion());
        AuditRecord record = AuditRecord.of("pro.call", "request", Long.toString(c.requestId())).team(c.teamId())
                .actor(AuditLog.SYSTEM).details(details);
        audit.record(outcome == AttemptOutcome.SUCCEEDED ? record : record.failure());
    }

    /**
     * A transient failure in this transaction: the request stays EXECUTING and becomes claimable again
     * after a backoff (by the database's clock), or fails when this round has used up its attempts.
     */
    private Ended transientFailure(Claim c, String message) {
        ExecutionJob job = ExecutionJob.<ExecutionJob>findByIdOptional(jobId(c), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow();
        job.transientFailures++;
        if (job.transientFailures >= config.maxAttempts()) {
            return finish(c, RequestStatus.FAILED, FailureWords.exhausted(job.transientFailures, message), 0, false);
        }
        Duration pause = backoff(job.transientFailures);
        job.workerId = null;
        em.flush();
        em.createNativeQuery("update execution_job set available_at = now() + ?1 * interval '1 millisecond'"
                + " where id = ?2").setParameter(1, pause.toMillis()).setParameter(2, job.id).executeUpdate();
        audit.record(AuditRecord.of("execution.retry", "request", Long.toString(c.requestId()))
                .team(c.teamId()).actor(AuditLog.SYSTEM).details(Map.of("failures", job.transientFailures,
                        "retryInMs", pause.toMillis(), "message", message)));
        return null;
    }

    private long jobId(Claim c) {
        return ((Number) em.createNativeQuery("select id from execution_job where request_id = ?1")
                .setParameter(1, c.requestId()).getSingleResult()).longValue();
    }

    /** Moves the request to its final status with its outcome and audit events, in the caller's transaction. */
    private Ended finish(Claim c, RequestStatus target, String message, Integer proStatus, boolean reconciled) {
        int attempts = ExecutionAttempt.latest(c.requestId()).map(a -> a.attemptNo).orElse(0);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("status", target.name());
        outcome.put("message", message);
        if (proStatus != null) {
            outcome.put("proStatus", proStatus);
        }
        outcome.put("attempts", attempts);
        outcome.put("reconciled", reconciled);
        outcome.put("at", Instant.now().toString());
        ReleaseRequest r = ReleaseRequest.findById(c.requestId(), LockModeType.PESSIMISTIC_WRITE);
        requests.advanceLocked(r, target, payloads.write(outcome), Instant.now());
        em.createNativeQuery("update execution_job set worker_id = null where request_id = ?1")
                .setParameter(1, c.requestId()).executeUpdate();
        Map<String, Object> details = new LinkedHashMap<>(outcome);
        details.put("type", c.type().name());
        details.put("appName", c.appName());
        details.put("appVersion", c.appVersion());
        String action = target == RequestStatus.SUCCEEDED ? "execution.succeeded" : "execution.failed";
        AuditRecord record = AuditRecord.of(action, "request", Long.toString(c.requestId())).team(c.teamId())
                .actor(AuditLog.SYSTEM).details(details);
        audit.record(target == RequestStatus.SUCCEEDED ? record : record.failure());
        return new Ended(target);
    }

    /** The task a TASK request created, as PRO described it when known (a reconciled one is read by the watcher). */
    private void recordTask(Claim c, String taskId, ProTask described) {
        RequestTask task = new RequestTask();
        task.requestId = c.requestId();
        task.teamId = c.teamId();
        task.taskId = taskId;
        task.state = ProTask.QUEUED;
        if (described != null) {
            task.update(described, Instant.now());
        }
        task.persist();
        audit.record(AuditRecord.of("task.created", "request", Long.toString(c.requestId())).team(c.teamId())
                .actor(AuditLog.SYSTEM).details(Map.of("taskId", taskId, "appName", c.appName(), "appVersion",
                        c.appVersion(), "state", task.state)));
    }

    private static void markLast(Claim c, AttemptOutcome outcome, String message) {
        ExecutionAttempt.latest(c.requestId()).ifPresent(last -> {
            last.outcome = outcome;
            last.message = cut((last.message == null ? "" : last.message + "; ") + message, 2000);
            if (last.finishedAt == null) {
                last.finishedAt = Instant.now();
            }
        });
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
