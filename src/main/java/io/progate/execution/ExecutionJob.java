package io.progate.execution;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * The worker's bookkeeping for one request: until when the current claim holds (or when the next
 * retry is due, by the database's clock), the claim's generation (every claim takes the next one;
 * a worker whose generation is no longer this one lost its claim), where the current round of
 * attempts began, and how many transient failures this round has seen.
 */
@Entity
@Table(name = "execution_job")
public class ExecutionJob extends BaseEntity {

    @Column(name = "request_id", nullable = false)
    public long requestId;

    @Column(name = "available_at", nullable = false)
    public Instant availableAt;

    @Column(name = "worker_id")
    public String workerId;

    @Column(name = "transient_failures", nullable = false)
    public int transientFailures;

    /** Fencing token: raised by one on every claim. */
    @Column(nullable = false)
    public long generation;

    /** The last attempt number before the current round began (a claim from APPROVED starts one). */
    @Column(name = "round_start_attempt", nullable = false)
    public int roundStartAttempt;

    public static Optional<ExecutionJob> forRequest(long requestId) {
        return find("requestId", requestId).firstResultOptional();
    }
}
