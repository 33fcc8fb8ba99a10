package io.progate.execution;

import java.time.Instant;
import java.util.List;

/** A request's execution for pages and the API: status, whether it is closed, attempts and the before/after at execution. */
public record ExecutionView(long requestId, String status, boolean closed, String closedBy, String outcome,
        boolean mayRetryOrClose, List<AttemptView> attempts, BeforeAfter atExecution) {

    /** One attempt as shown: never anything secret. */
    public record AttemptView(int attemptNo, String worker, Instant startedAt, Instant finishedAt, String outcome,
            Integer proStatus, String message, String bodyExcerpt, Long durationMs) {

        static AttemptView of(ExecutionAttempt a) {
            return new AttemptView(a.attemptNo, a.workerId, a.startedAt, a.finishedAt,
                    a.outcome == null ? "UNKNOWN" : a.outcome.name(), a.proStatus, a.message, a.bodyExcerpt, a.durationMs);
        }
    }

    public String closeUrl() {
        return "/executions/" + requestId + "/close";
    }

    public boolean running() {
        return "APPROVED".equals(status) || "EXECUTING".equals(status);
    }
}
