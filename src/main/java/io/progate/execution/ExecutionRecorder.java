package io.progate.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.request.RequestService;
import io.progate.request.RequestStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes what the worker did, each step in a transaction of its own that commits before the worker
 * goes on: the attempt before the PRO call, its outcome after, the request's final status, and the
 * audit events of each.
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
    ObjectMapper json;

    /** Writes and commits a new attempt with no outcome yet; returns it. */
    public ExecutionAttempt begin(Claim c, String workerId, BeforeAfter snapshot, String snapshotJson) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ExecutionAttempt attempt = new ExecutionAttempt();
            attempt.requestId = c.requestId();
            attempt.attemptNo = ExecutionAttempt.latest(c.requestId()).map(a -> a.attemptNo).orElse(0) + 1;
            attempt.workerId = workerId;
            attempt.startedAt = Instant.now();
            attempt.snapshot = snapshotJson;
            attempt.persist();
            return attempt;
        });
    }

    /** Completes an attempt after the PRO call, with the {@code pro.call} audit event. */
    public void completed(Claim c, ExecutionAttempt attempt, AttemptOutcome outcome, Integer proStatus, String message,
            String excerpt, Duration duration) {
        QuarkusTransaction.requiringNew().run(() -> {
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
            details.put("status", proStatus == null ? "2xx" : proStatus);
            details.put("durationMs", duration.toMillis());
            details.put("attempt", row.attemptNo);
            AuditRecord record = AuditRecord.of("pro.call", "request", Long.toString(c.requestId())).team(c.teamId())
                    .actor(AuditLog.SYSTEM).details(details);
            audit.record(outcome == AttemptOutcome.SUCCEEDED ? record : record.failure());
        });
        metrics.proCall(c.type(), proStatus == null ? "2xx" : proStatus.toString(), duration);
    }

    /** An attempt that ended before any changing call (drift, no key): written already finished. */
    public void refused(Claim c, String workerId, AttemptOutcome outcome, String message, String snapshotJson) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExecutionAttempt attempt = new ExecutionAttempt();
            attempt.requestId = c.requestId();
            attempt.attemptNo = ExecutionAttempt.latest(c.requestId()).map(a -> a.attemptNo).orElse(0) + 1;
            attempt.workerId = workerId;
            attempt.startedAt = Instant.now();
            attempt.finishedAt = attempt.startedAt;
            attempt.outcome = outcome;
            attempt.message = cut(message, 2000);
            attempt.snapshot = snapshotJson;
            attempt.durationMs = 0L;
            attempt.persist();
        });
    }

    /** Ends the request SUCCEEDED. */
    public void succeeded(Claim c, String message) {
        finish(c, RequestStatus.SUCCEEDED, message, null, false);
    }

    /** Ends the request FAILED with a readable reason. */
    public void failed(Claim c, String message, Integer proStatus) {
        finish(c, RequestStatus.FAILED, message, proStatus, false);
    }

    /**
     * PRO shows that the change of an attempt with unknown outcome arrived: that attempt becomes
     * RECONCILED and the request SUCCEEDED, with no second call.
     */
    public void reconciled(Claim c, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            markLast(c, AttemptOutcome.RECONCILED, message);
            audit.record(AuditRecord.of("execution.reconciled", "request", Long.toString(c.requestId()))
                    .team(c.teamId()).actor(AuditLog.SYSTEM)
                    .details(Map.of("attempt", c.lastAttemptNo(), "found", "done", "message", message)));
        });
        finish(c, RequestStatus.SUCCEEDED, "reconciled: " + message, null, true);
    }

    /** PRO shows that an attempt with unknown outcome changed nothing: it becomes LOST and is tried again. */
    public void lost(Claim c, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (c.lastOutcome() == null) {
                markLast(c, AttemptOutcome.LOST, message);
            }
            audit.record(AuditRecord.of("execution.reconciled", "request", Long.toString(c.requestId()))
                    .team(c.teamId()).actor(AuditLog.SYSTEM)
                    .details(Map.of("attempt", c.lastAttemptNo(), "found", "not done", "message", message)));
        });
    }

    /**
     * A transient failure: the request stays EXECUTING and becomes claimable again after a backoff,
     * or fails when this round has used up its attempts.
     */
    public void transientFailure(Claim c, String message) {
        int failures = QuarkusTransaction.requiringNew().call(() -> {
            ExecutionJob job = ExecutionJob.forRequest(c.requestId()).orElseThrow();
            job.transientFailures++;
            if (job.transientFailures < config.maxAttempts()) {
                job.availableAt = Instant.now().plus(backoff(job.transientFailures));
                job.workerId = null;
                audit.record(AuditRecord.of("execution.retry", "request", Long.toString(c.requestId()))
                        .team(c.teamId()).actor(AuditLog.SYSTEM).details(Map.of("failures", job.transientFailures,
                                "retryAt", job.availableAt.toString(), "message", message)));
            }
            return job.transientFailures;
        });
        if (failures >= config.maxAttempts()) {
            failed(c, FailureWords.exhausted(failures, message), 0);
        }
    }

    Duration backoff(int failures) {
        Duration pause = config.backoff().multipliedBy(1L << Math.min(failures - 1, 20));
        return pause.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : pause;
    }

    private void finish(Claim c, RequestStatus target, String message, Integer proStatus, boolean reconciled) {
        QuarkusTransaction.requiringNew().run(() -> {
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
            requests.advance(c.requestId(), target, toJson(outcome));
            ExecutionJob.forRequest(c.requestId()).ifPresent(job -> job.workerId = null);
            Map<String, Object> details = new LinkedHashMap<>(outcome);
            details.put("type", c.type().name());
            details.put("appName", c.appName());
            details.put("appVersion", c.appVersion());
            String action = target == RequestStatus.SUCCEEDED ? "execution.succeeded" : "execution.failed";
            AuditRecord record = AuditRecord.of(action, "request", Long.toString(c.requestId())).team(c.teamId())
                    .actor(AuditLog.SYSTEM).details(details);
            audit.record(target == RequestStatus.SUCCEEDED ? record : record.failure());
        });
        metrics.executed(c.type(), target.name());
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

    private String toJson(Map<String, Object> outcome) {
        try {
            return json.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outcome cannot be written as JSON", e);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
