package io.progate.execution;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One try at carrying out a request. Written (and committed) before the PRO call, completed after
 * it; a row without {@link #outcome} means the outcome is unknown and PRO must be asked.
 */
@Entity
@Table(name = "execution_attempt")
public class ExecutionAttempt extends BaseEntity {

    @Column(name = "request_id", nullable = false)
    public long requestId;

    @Column(name = "attempt_no", nullable = false)
    public int attemptNo;

    @Column(name = "worker_id", nullable = false)
    public String workerId;

    /** The generation of the claim under which the attempt was made. */
    @Column(nullable = false)
    public long generation;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    public AttemptOutcome outcome;

    @Column(name = "pro_status")
    public Integer proStatus;

    public String message;

    @Column(name = "body_excerpt")
    public String bodyExcerpt;

    @Column(name = "duration_ms")
    public Long durationMs;

    /** {@link BeforeAfter} at execution time, as JSON; null for publishes. */
    public String snapshot;

    public static List<ExecutionAttempt> of(long requestId) {
        return list("requestId = ?1 order by attemptNo", requestId);
    }

    public static Optional<ExecutionAttempt> latest(long requestId) {
        return find("requestId = ?1 order by attemptNo desc", requestId).firstResultOptional();
    }

    /** The newest attempt that has a before/after snapshot. */
    public static Optional<ExecutionAttempt> latestSnapshot(long requestId) {
        return find("requestId = ?1 and snapshot is not null order by attemptNo desc", requestId).firstResultOptional();
    }

    public boolean isUnknown() {
        return outcome == null;
    }
}
